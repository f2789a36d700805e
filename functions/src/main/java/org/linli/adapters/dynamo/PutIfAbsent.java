package org.linli.adapters.dynamo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.linli.core.RateLimit;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * "Store once": a PutItem that writes only when the key is free (or a further condition allows
 * overwriting), and otherwise returns the item already there - from the failed call itself
 * (ReturnValuesOnConditionCheckFailure), so that a retried create costs no extra read.
 */
public final class PutIfAbsent {
    private PutIfAbsent() {}

    public static Optional<Map<String, AttributeValue>> put(DynamoDbClient dynamo, String table, String what,
                                                     Map<String, AttributeValue> item) {
        return put(dynamo, table, what, item, null, Map.of(), Map.of());
    }

    /**
     * The same, counted against a rate limit: one TransactWriteItems with the put and a
     * conditional increment of the user's counter for the window (a transaction is one write
     * request). A retried create finds its first attempt and is never counted twice nor refused;
     * a new one over the limit stores nothing and throws {@link RateLimit.Charge#exceeded()}.
     */
    public static Optional<Map<String, AttributeValue>> put(DynamoDbClient dynamo, String table, String what,
                                                     Map<String, AttributeValue> item, RateLimit.Charge charge) {
        if (charge == null) return put(dynamo, table, what, item);
        TransactWriteItem put = TransactWriteItem.builder().put(p -> p.tableName(table).item(item)
                .conditionExpression(TableKeys.ABSENT)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build();
        TransactWriteItem count = TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(TableKeys.quota(charge))
                .updateExpression("ADD n :one SET expiresAt = :expires")
                .conditionExpression("attribute_not_exists(n) OR n < :limit")
                .expressionAttributeValues(Map.of(":one", Attr.n(1), ":limit", Attr.n(charge.limit().limit()),
                        // kept a day past the window, then removed by the table's TTL
                        ":expires", Attr.n(charge.windowEnd().plus(Duration.ofDays(1)).getEpochSecond())))).build();
        List<CancellationReason> reasons = Transactions.writeOrExplain(dynamo, table, List.of(put, count));
        if (reasons.isEmpty()) return Optional.empty();
        if (Transactions.failed(reasons.get(0))) {
            // The id is taken: a retry. Its counter was not touched (the transaction wrote nothing).
            if (reasons.get(0).hasItem() && !reasons.get(0).item().isEmpty()) return Optional.of(reasons.get(0).item());
            return Optional.of(get(dynamo, table, what, item));
        }
        throw charge.exceeded();
    }

    private static Map<String, AttributeValue> get(DynamoDbClient dynamo, String table, String what, Map<String, AttributeValue> item) {
        return DynamoCalls.call("GetItem " + what, () -> dynamo.getItem(b -> b.tableName(table)
                .key(TableKeys.keyOf(item)).consistentRead(true))).item();
    }

    /** {@code orOverwriteIf}: a condition under which an existing item may be replaced (null: never). */
    public static Optional<Map<String, AttributeValue>> put(DynamoDbClient dynamo, String table, String what,
                                                     Map<String, AttributeValue> item, String orOverwriteIf,
                                                     Map<String, String> names, Map<String, AttributeValue> values) {
        String condition = TableKeys.ABSENT + (orOverwriteIf == null ? "" : " OR " + orOverwriteIf);
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
            return Optional.of(get(dynamo, table, what, item));
        }
    }
}
