package org.linli.adapters.dynamo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** A Query read to its last page, for the few listings that are small by nature (a node's children). */
final class Queries {
    private Queries() {}

    static List<Map<String, AttributeValue>> all(DynamoDbClient dynamo, String table, String operation,
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
