package org.linli.adapters.dynamo.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.linli.adapters.dynamo.Attr;
import org.linli.adapters.dynamo.Cursors;
import org.linli.adapters.dynamo.DynamoCalls;
import org.linli.adapters.dynamo.Leases;
import org.linli.adapters.dynamo.PutIfAbsent;
import org.linli.adapters.dynamo.Queries;
import org.linli.adapters.dynamo.TableKeys;
import org.linli.core.Page;
import org.linli.core.Times;
import org.linli.notify.Notification;
import org.linli.notify.NotificationStore;
import org.linli.notify.PushStatus;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The inbox on the notifications table: {@code USER#<userId> / N#<notificationId>}; ids sort by
 * time, so one query lists the newest first. Notifications expire after {@link #KEEP} (TTL).
 *
 * <p>The WeChat push state lives on the notification: {@code wx} (a {@link PushStatus}),
 * {@code wxLease} (until when a SENDING claim holds), {@code wxAttempts}, {@code wxDetail}
 * (WeChat's msgid or error code), {@code wxAt}. A new notification is stored with its claim in
 * one conditional put; later claims are conditional updates that only a PENDING push, a lapsed
 * claim or a notification written without push state (the case events consumer's) can pass.
 */
public final class DynamoNotificationStore implements NotificationStore {
    static final Duration KEEP = Duration.ofDays(180);
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoNotificationStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    private static Map<String, AttributeValue> item(Notification n) {
        Map<String, AttributeValue> item = new HashMap<>(NotificationsKeys.notification(n.userId(), n.id()));
        item.put("notificationId", Attr.s(n.id()));
        item.put("userId", Attr.s(n.userId()));
        item.put("kind", Attr.s(n.kind()));
        item.put("title", Attr.s(n.title()));
        Attr.put(item, "body", n.body());
        Attr.put(item, "caseId", n.caseId());
        Attr.put(item, "category", n.category());
        Attr.put(item, "caseStatus", n.caseStatus());
        Attr.put(item, "eventId", n.eventId());
        Attr.put(item, "cycleId", n.cycleId());
        Attr.put(item, "community", n.community());
        if (!n.values().isEmpty()) {
            Map<String, AttributeValue> values = new HashMap<>();
            n.values().forEach((k, v) -> values.put(k, Attr.s(v)));
            item.put("values", AttributeValue.fromM(values));
        }
        Attr.put(item, "createdAt", n.createdAt());
        item.put("expiresAt", Attr.n(n.createdAt().plus(KEEP).getEpochSecond()));
        return item;
    }

    @Override
    public boolean add(Notification n) {
        Map<String, AttributeValue> item = item(n);
        try {
            DynamoCalls.call("PutItem notification", () -> dynamo.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression(TableKeys.ABSENT)));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false; // the same event for the same user: already in the inbox
        }
    }

    @Override
    public PushClaim claimPush(Notification n, Instant now, Duration lease) {
        Map<String, AttributeValue> item = item(n);
        item.put("wx", Attr.s(PushStatus.SENDING.name()));
        Attr.put(item, "wxLease", now.plus(lease));
        item.put("wxAttempts", Attr.n(1));
        Optional<Map<String, AttributeValue>> existing = PutIfAbsent.put(dynamo, table, "notification", item);
        if (existing.isEmpty()) return new Claimed(1);
        PushClaim standing = standing(existing.get(), now);
        if (standing != null) return standing;
        Leases.Reclaim r = Leases.reclaim(dynamo, table, "notification push", NotificationsKeys.notification(n.userId(), n.id()), "wx",
                true, now, lease);
        if (r.claimed()) return new Claimed(r.attempt());
        PushClaim again = r.standing().isEmpty() ? null : standing(r.standing(), now);
        return again != null ? again : new InFlight(now.plus(lease)); // claimed by another between our two calls
    }

    /** How a stored push stands, or null when it may be claimed. */
    private static PushClaim standing(Map<String, AttributeValue> item, Instant now) {
        PushStatus status = Attr.enumOf(item, "wx", PushStatus.class);
        if (status == null || status == PushStatus.PENDING) return null;
        if (status.settled()) return new Settled(status);
        Instant until = Leases.live(item, "wx", now);
        return until != null ? new InFlight(until) : null;
    }

    @Override
    public void settlePush(Notification n, PushStatus status, String detail, Instant at) {
        Leases.settle(dynamo, table, "notification push", NotificationsKeys.notification(n.userId(), n.id()), "wx", status.name(),
                detail, at);
    }

    @Override
    public Page<Notification> of(String userId, int limit, String cursor) {
        String partition = NotificationsKeys.inbox(userId);
        QueryResponse r = Queries.page(dynamo, table, null, TableKeys.PK, TableKeys.SK, partition, limit, cursor, false, b -> b
                .keyConditionExpression(TableKeys.PK + " = :p AND begins_with(" + TableKeys.SK + ", :n)")
                .expressionAttributeValues(Map.of(":p", Attr.s(partition), ":n", Attr.s(NotificationsKeys.NOTIFICATION))));
        return new Page<>(r.items().stream().map(DynamoNotificationStore::fromItem).toList(), Cursors.encode(r.lastEvaluatedKey()));
    }

    @Override
    public boolean markRead(String userId, String notificationId, Instant at) {
        try {
            DynamoCalls.call("UpdateItem notification", () -> dynamo.updateItem(b -> b.tableName(table)
                    .key(NotificationsKeys.notification(userId, notificationId))
                    .updateExpression("SET readAt = if_not_exists(readAt, :t)")
                    .conditionExpression(TableKeys.PRESENT)
                    .expressionAttributeValues(Map.of(":t", Attr.s(Times.stored(at))))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private static Notification fromItem(Map<String, AttributeValue> item) {
        Map<String, String> values = new HashMap<>();
        AttributeValue v = item.get("values");
        if (v != null && v.hasM()) v.m().forEach((k, x) -> values.put(k, x.s()));
        return new Notification(Attr.str(item, "notificationId"), Attr.str(item, "userId"), Attr.str(item, "kind"),
                Attr.str(item, "title"), Attr.str(item, "body"), Attr.str(item, "caseId"), Attr.str(item, "category"),
                Attr.str(item, "caseStatus"), Attr.str(item, "eventId"), Attr.str(item, "cycleId"), Attr.str(item, "community"),
                values, Attr.instant(item, "createdAt"), Attr.instant(item, "readAt"));
    }
}
