package org.linli.adapters.dynamo;

import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * "Store once": a PutItem that writes only when the key is free (or a further condition allows
 * overwriting), and otherwise returns the item already there - from the failed call itself
 * (ReturnValuesOnConditionCheckFailure), so that a retried create costs no extra read.
 */
final class PutIfAbsent {
    private PutIfAbsent() {}

    static Optional<Map<String, AttributeValue>> put(DynamoDbClient dynamo, String table, String what,
                                                     Map<String, AttributeValue> item) {
        return put(dynamo, table, what, item, null, Map.of(), Map.of());
    }

    /** {@code orOverwriteIf}: a condition under which an existing item may be replaced (null: never). */
    static Optional<Map<String, AttributeValue>> put(DynamoDbClient dynamo, String table, String what,
                                                     Map<String, AttributeValue> item, String orOverwriteIf,
                                                     Map<String, String> names, Map<String, AttributeValue> values) {
        String condition = "attribute_not_exists(pk)" + (orOverwriteIf == null ? "" : " OR " + orOverwriteIf);
        try {
            DynamoCalls.call("PutItem " + what, () -> dynamo.putItem(b -> {
                b.tableName(table).item(item).conditionExpression(condition)
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD);
                if (!names.isEmpty()) b.expressionAttributeNames(names);
                if (!values.isEmpty()) b.expressionAttributeValues(values);
            }));
            return Optional.empty();
        } catch (ConditionalCheckFailedException e) {
            if (e.hasItem() && !e.item().isEmpty()) return Optional.of(e.item());
            var r = DynamoCalls.call("GetItem " + what, () -> dynamo.getItem(b -> b.tableName(table)
                    .key(Map.of("pk", item.get("pk"), "sk", item.get("sk"))).consistentRead(true)));
            return Optional.of(r.item());
        }
    }
}
