package org.linli.adapters.dynamo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.linli.core.Page;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** One page of an index partition, with checked cursors. */
public final class IndexQuery {
    private IndexQuery() {}

    /**
     * @param pkName     the index's partition attribute, {@code skName} its sort attribute (the table's keys class names them)
     * @param skBefore   when not null, only sort keys below it
     */
    public static <T> Page<T> page(DynamoDbClient dynamo, String table, String index, String pkName, String skName, String partition, String skBefore,
                            boolean forward, int limit, String cursor, Function<Map<String, AttributeValue>, T> decode) {
        Map<String, AttributeValue> start = Cursors.decode(cursor, Set.of(TableKeys.PK, TableKeys.SK, pkName, skName), pkName, partition);
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":p", Attr.s(partition));
        String condition = pkName + " = :p";
        if (skBefore != null) {
            condition += " AND " + skName + " < :b";
            values.put(":b", Attr.s(skBefore));
        }
        QueryRequest request = QueryRequest.builder().tableName(table).indexName(index).keyConditionExpression(condition)
                .expressionAttributeValues(values).scanIndexForward(forward).limit(limit).exclusiveStartKey(start).build();
        QueryResponse r = DynamoCalls.call("Query " + index, () -> dynamo.query(request));
        return new Page<>(r.items().stream().map(decode).toList(), Cursors.encode(r.lastEvaluatedKey()));
    }

    /** Every item of a base-table partition (or of an index partition), following pages. */
    public static List<Map<String, AttributeValue>> all(DynamoDbClient dynamo, QueryRequest first) {
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest request = start == null ? first : first.toBuilder().exclusiveStartKey(start).build();
            QueryResponse r = DynamoCalls.call("Query " + (first.indexName() == null ? "table" : first.indexName()),
                    () -> dynamo.query(request));
            out.addAll(r.items());
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }
}
