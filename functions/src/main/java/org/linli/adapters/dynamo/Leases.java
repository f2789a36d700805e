package org.linli.adapters.dynamo;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.linli.core.Times;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * A send that one delivery at a time may own, kept on an item as {@code <p>} (the state: SENDING
 * while claimed, PENDING to try again, anything else settled), {@code <p>Lease} (until when the
 * claim holds), {@code <p>Attempts}, {@code <p>Detail} and {@code <p>At}: the WeChat push of a
 * notification ({@code wx}), an SMS ({@code sms}). The first claim is the caller's conditional put;
 * these are the claim of an existing item and the settling, shared so that both follow one rule.
 */
public final class Leases {
    public static final String SENDING = "SENDING";
    public static final String PENDING = "PENDING";

    private Leases() {}

    /** The outcome of {@link #reclaim}: claimed (the attempt count), or refused with the item as it stands (empty if unknown). */
    public record Reclaim(int attempt, Map<String, AttributeValue> standing) {
        public boolean claimed() {
            return standing == null;
        }
    }

    /**
     * Claims an existing item whose state is PENDING or whose claim lapsed ({@code orUnset}: or that
     * has no state yet) until {@code now + lease}, counting the attempt. One conditional UpdateItem.
     */
    public static Reclaim reclaim(DynamoDbClient dynamo, String table, String what, Map<String, AttributeValue> key, String p,
                                  boolean orUnset, Instant now, Duration lease) {
        String claimable = (orUnset ? "attribute_not_exists(" + p + ") OR " : "") + p + " = :pending OR (" + p + " = :sending AND "
                + p + "Lease < :now)";
        try {
            var r = DynamoCalls.call("UpdateItem " + what, () -> dynamo.updateItem(b -> b.tableName(table).key(key)
                    .updateExpression("SET " + p + " = :sending, " + p + "Lease = :lease ADD " + p + "Attempts :one")
                    .conditionExpression(claimable)
                    .expressionAttributeValues(Map.of(":sending", Attr.s(SENDING), ":pending", Attr.s(PENDING),
                            ":now", Attr.s(Times.stored(now)), ":lease", Attr.s(Times.stored(now.plus(lease))), ":one", Attr.n(1)))
                    .returnValues(ReturnValue.UPDATED_NEW)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
            return new Reclaim((int) Attr.num(r.attributes(), p + "Attempts", 1), null);
        } catch (ConditionalCheckFailedException e) {
            return new Reclaim(0, e.hasItem() ? e.item() : Map.of());
        }
    }

    /** Records how a claimed send ended ({@code detail} may be null); a state no longer SENDING is left alone. */
    public static void settle(DynamoDbClient dynamo, String table, String what, Map<String, AttributeValue> key, String p,
                              String status, String detail, Instant at) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":status", Attr.s(status));
        values.put(":at", Attr.s(Times.stored(at)));
        values.put(":sending", Attr.s(SENDING));
        String set = "SET " + p + " = :status, " + p + "At = :at";
        if (detail != null && !detail.isEmpty()) {
            set += ", " + p + "Detail = :detail";
            values.put(":detail", Attr.s(detail));
        }
        String expression = set + " REMOVE " + p + "Lease";
        try {
            DynamoCalls.call("UpdateItem " + what, () -> dynamo.updateItem(b -> b.tableName(table).key(key).updateExpression(expression)
                    .conditionExpression(p + " = :sending").expressionAttributeValues(values)));
        } catch (ConditionalCheckFailedException e) {
            // the claim lapsed and another delivery has settled or re-claimed it: its word stands
        }
    }

    /** The lease of an item in state SENDING: until when it holds, null when it lapsed (or none) by {@code now}. */
    public static Instant live(Map<String, AttributeValue> item, String p, Instant now) {
        Instant until = Attr.instant(item, p + "Lease");
        return until != null && until.isAfter(now) ? until : null;
    }
}
