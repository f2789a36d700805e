package org.linli.adapters.dynamo.users;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.linli.adapters.dynamo.Attr;
import org.linli.adapters.dynamo.BatchGets;
import org.linli.adapters.dynamo.DynamoCalls;
import org.linli.adapters.dynamo.TableKeys;
import org.linli.core.Times;
import org.linli.notify.Subscribers;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * {@link Subscribers} on the users table: the profile's {@code openId}, and one attribute
 * {@code wxRefused:<templateId>} per refused template (the time of the refusal), so that
 * recording a refusal is one update whatever the profile holds.
 */
public final class DynamoSubscribers implements Subscribers {
    private static final String REFUSED = "wxRefused:";
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoSubscribers(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Map<String, Subscriber> find(Collection<String> userIds) {
        Map<String, Subscriber> out = new HashMap<>();
        List<String> ids = List.copyOf(new java.util.LinkedHashSet<>(userIds));
        for (int i = 0; i < ids.size(); i += 100) {
            List<Map<String, AttributeValue>> keys = ids.subList(i, Math.min(ids.size(), i + 100)).stream()
                    .map(UsersKeys::profile).toList();
            for (Map<String, AttributeValue> item : BatchGets.all(dynamo,
                    Map.of(table, KeysAndAttributes.builder().keys(keys).build()), table)) {
                Map<String, Instant> refusals = new HashMap<>();
                item.forEach((name, v) -> {
                    if (name.startsWith(REFUSED)) refusals.put(name.substring(REFUSED.length()), Times.parseStored(v.s()));
                });
                String userId = UsersKeys.userId(item);
                out.put(userId, new Subscriber(userId, Attr.str(item, "openId"), refusals));
            }
        }
        return out;
    }

    @Override
    public void refused(String userId, String templateId, Instant at) {
        try {
            DynamoCalls.call("UpdateItem user refusal", () -> dynamo.updateItem(b -> b.tableName(table)
                    .key(UsersKeys.profile(userId))
                    .updateExpression("SET #r = :at")
                    .conditionExpression(TableKeys.PRESENT)
                    .expressionAttributeNames(Map.of("#r", REFUSED + templateId))
                    .expressionAttributeValues(Map.of(":at", Attr.s(Times.stored(at))))));
        } catch (ConditionalCheckFailedException e) {
            // no such user any more: nothing to remember
        }
    }
}
