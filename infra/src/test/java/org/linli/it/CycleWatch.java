package org.linli.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.linli.adapters.dynamo.territory.DynamoCommunities;
import org.linli.adapters.dynamo.volunteer.DynamoMemberStore;
import org.linli.core.Page;
import org.linli.local.LocalCloud;
import org.linli.tools.FakeWeChatServer;
import org.linli.volunteer.membership.Community;
import org.linli.volunteer.membership.Membership;
import org.linli.volunteer.membership.MembershipStatus;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Reading what the monthly cycle did in a local cloud: quiet queues, inboxes, checkpoints, WeChat calls. */
final class CycleWatch {
    private final LocalCloud cloud;

    CycleWatch(LocalCloud cloud) {
        this.cloud = cloud;
    }

    /** Messages in a queue: visible, in flight and delayed. */
    long depth(String queue) {
        Map<QueueAttributeName, String> a = cloud.sqs().getQueueAttributes(r -> r.queueUrl(cloud.queueUrl(queue)).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
        return a.values().stream().mapToLong(Long::parseLong).sum();
    }

    /** Waits until the dispatch and notification queues stay empty for half a second. */
    void awaitQuiet(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int quiet = 0;
        while (quiet < 5) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the cycle's queues did not drain within " + timeout + ": dispatch " + depth("DispatchQueue")
                        + ", notifications " + depth("NotificationQueue"));
            }
            quiet = depth("DispatchQueue") + depth("NotificationQueue") == 0 ? quiet + 1 : 0;
            sleep(100);
        }
    }

    /** A user's notification items (raw, with the push state) of one cycle. */
    List<Map<String, AttributeValue>> notifications(String userId, String cycleId) {
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            var r = cloud.dynamo().query(b -> b.tableName(cloud.tableName("NotificationsTable")).keyConditionExpression("pk = :p")
                    .filterExpression("cycleId = :c")
                    .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("USER#" + userId), ":c", AttributeValue.fromS(cycleId)))
                    .consistentRead(true).exclusiveStartKey(from));
            out.addAll(r.items());
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    Optional<Map<String, AttributeValue>> checkpoint(String cycleId, String community) {
        var r = cloud.dynamo().getItem(b -> b.tableName(cloud.tableName("CycleTable")).consistentRead(true).key(Map.of(
                "pk", AttributeValue.fromS("CYCLE#" + cycleId), "sk", AttributeValue.fromS("COMMUNITY#" + community))));
        return r.hasItem() && !r.item().isEmpty() ? Optional.of(r.item()) : Optional.empty();
    }

    List<Community> communities(String district) {
        return new DynamoCommunities(cloud.dynamo(), cloud.tableName("TerritoryTable"), LinliCloud.CLOCK).communitiesUnder(district);
    }

    List<String> approvedMembers(String community) {
        var store = new DynamoMemberStore(cloud.dynamo(), cloud.tableName("VolunteerTable"));
        List<String> out = new ArrayList<>();
        String cursor = null;
        do {
            Page<Membership> page = store.byStatus(community, MembershipStatus.APPROVED, 100, cursor);
            page.items().forEach(m -> out.add(m.memberId()));
            cursor = page.nextCursor();
        } while (cursor != null);
        return out;
    }

    /** The subscribe messages WeChat got for one notification (the page it opens names it). */
    static List<FakeWeChatServer.Call> pushesOf(FakeWeChatServer wechat, String openId, String notificationId) {
        return wechat.subscribeCalls(openId).stream().filter(c -> c.body().path("page").asText().endsWith("id=" + notificationId)).toList();
    }

    static String s(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s() != null ? v.s() : v.n();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
