package org.linli.adapters.dynamo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.linli.core.Times;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** The two query shapes the stores share: one page of one partition, and a sharded sparse index read "before a time". */
public final class Queries {
    private Queries() {}

    /**
     * One page of partition {@code partition} of the table ({@code index} null) or of an index,
     * resuming from a cursor this API issued for the same listing. {@code refine} may narrow the
     * key condition (it must keep {@code :p}) or add a filter.
     */
    public static QueryResponse page(DynamoDbClient dynamo, String table, String index, String pkName, String skName,
                              String partition, int limit, String cursor, boolean forward,
                              UnaryOperator<software.amazon.awssdk.services.dynamodb.model.QueryRequest.Builder> refine) {
        Set<String> keyNames = index == null ? Set.of(TableKeys.PK, TableKeys.SK) : Set.of(TableKeys.PK, TableKeys.SK, pkName, skName);
        Map<String, AttributeValue> start = Cursors.decode(cursor, keyNames, pkName, partition);
        return DynamoCalls.call("Query " + (index == null ? table : index), () -> dynamo.query(b -> refine.apply(b
                .tableName(table)
                .indexName(index)
                .keyConditionExpression(pkName + " = :p")
                .expressionAttributeValues(Map.of(":p", Attr.s(partition)))
                .scanIndexForward(forward)
                .limit(limit)
                .exclusiveStartKey(start))));
    }

    /** Every page of one query ({@code query} sets the table or index, key condition and values); for bounded result sets. */
    public static List<Map<String, AttributeValue>> all(DynamoDbClient dynamo, String what,
                                                 UnaryOperator<software.amazon.awssdk.services.dynamodb.model.QueryRequest.Builder> query) {
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse r = DynamoCalls.call("Query " + what, () -> dynamo.query(b -> query.apply(b).exclusiveStartKey(from)));
            out.addAll(r.items());
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    /** Items of a sparse index spread over partitions {@code <prefix>0..shards-1} whose sort key is before {@code before}. */
    public static List<Map<String, AttributeValue>> shardsBefore(DynamoDbClient dynamo, String table, String index, String pkName,
                                                         String skName, String prefix, int shards, Instant before, int limit) {
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        for (int shard = 0; shard < shards; shard++) {
            String partition = prefix + shard;
            QueryResponse r = DynamoCalls.call("Query " + index, () -> dynamo.query(b -> b.tableName(table)
                    .indexName(index)
                    .keyConditionExpression(pkName + " = :p AND " + skName + " < :t")
                    .expressionAttributeValues(Map.of(":p", Attr.s(partition), ":t", Attr.s(Times.stored(before))))
                    .limit(limit)));
            out.addAll(r.items());
        }
        return out;
    }

    /** Every item of a query, following LastEvaluatedKey (bounded listings only: a node's children, a job's parts). */
    public static List<Map<String, AttributeValue>> all(DynamoDbClient dynamo, String table, String operation,
                                                 Consumer<QueryRequest.Builder> spec) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder q = QueryRequest.builder().tableName(table);
            spec.accept(q);
            if (start != null) q.exclusiveStartKey(start);
            QueryResponse r = DynamoCalls.call(operation, () -> dynamo.query(q.build()));
            items.addAll(r.items());
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return items;
    }
}
