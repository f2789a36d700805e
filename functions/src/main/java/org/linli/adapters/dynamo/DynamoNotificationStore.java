package org.linli.adapters.dynamo;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.linli.core.Page;
import org.linli.notify.Notification;
import org.linli.notify.NotificationStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The inbox on the notifications table: {@code USER#<userId> / N#<notificationId>}; ids sort by
 * time, so one query lists the newest first. Notifications expire after {@link #KEEP} (TTL).
 */
public final class DynamoNotificationStore implements NotificationStore {
    static final Duration KEEP = Duration.ofDays(180);
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoNotificationStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    private static Map<String, AttributeValue> key(String userId, String id) {
        return Map.of("pk", Attr.s("USER#" + userId), "sk", Attr.s("N#" + id));
    }

    @Override
    public boolean add(Notification n) {
        Map<String, AttributeValue> item = new HashMap<>(key(n.userId(), n.id()));
        item.put("notificationId", Attr.s(n.id()));
        item.put("userId", Attr.s(n.userId()));
        item.put("kind", Attr.s(n.kind()));
        item.put("title", Attr.s(n.title()));
        item.put("caseId", Attr.s(n.caseId()));
        item.put("category", Attr.s(n.category()));
        item.put("caseStatus", Attr.s(n.caseStatus()));
        item.put("eventId", Attr.s(n.eventId()));
        Attr.put(item, "createdAt", n.createdAt());
        item.put("expiresAt", Attr.n(n.createdAt().plus(KEEP).getEpochSecond()));
        try {
            DynamoCalls.call("PutItem notification", () -> dynamo.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(pk)")));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false; // the same event for the same user: already in the inbox
        }
    }

    @Override
    public Page<Notification> of(String userId, int limit, String cursor) {
        String partition = "USER#" + userId;
        QueryResponse r = Queries.page(dynamo, table, null, "pk", "sk", partition, limit, cursor, false, b -> b
                .keyConditionExpression("pk = :p AND begins_with(sk, :n)")
                .expressionAttributeValues(Map.of(":p", Attr.s(partition), ":n", Attr.s("N#"))));
        return new Page<>(r.items().stream().map(DynamoNotificationStore::fromItem).toList(), Cursors.encode(r.lastEvaluatedKey()));
    }

    @Override
    public boolean markRead(String userId, String notificationId, Instant at) {
        try {
            DynamoCalls.call("UpdateItem notification", () -> dynamo.updateItem(b -> b.tableName(table)
                    .key(key(userId, notificationId))
                    .updateExpression("SET readAt = if_not_exists(readAt, :t)")
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeValues(Map.of(":t", Attr.s(org.linli.core.Times.stored(at))))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private static Notification fromItem(Map<String, AttributeValue> item) {
        return new Notification(Attr.str(item, "notificationId"), Attr.str(item, "userId"), Attr.str(item, "kind"),
                Attr.str(item, "title"), Attr.str(item, "caseId"), Attr.str(item, "category"), Attr.str(item, "caseStatus"),
                Attr.str(item, "eventId"), Attr.instant(item, "createdAt"), Attr.instant(item, "readAt"));
    }
}
