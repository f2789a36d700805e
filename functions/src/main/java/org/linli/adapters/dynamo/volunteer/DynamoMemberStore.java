package org.linli.adapters.dynamo.volunteer;

import java.util.Map;
import java.util.Optional;
import org.linli.adapters.dynamo.Attr;
import org.linli.adapters.dynamo.BatchWrites;
import org.linli.adapters.dynamo.DynamoCalls;
import org.linli.adapters.dynamo.IndexQuery;
import org.linli.adapters.dynamo.PutIfAbsent;
import org.linli.adapters.dynamo.UpdateExpression;
import org.linli.core.Page;
import org.linli.volunteer.membership.MemberStore;
import org.linli.volunteer.membership.Membership;
import org.linli.volunteer.membership.MembershipStatus;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** {@link MemberStore} on the volunteer table: one MEMBER#id item per member. */
public final class DynamoMemberStore implements MemberStore {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoMemberStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<Membership> membership(String memberId) {
        var r = DynamoCalls.call("GetItem membership", () -> dynamo.getItem(b -> b.tableName(table)
                .key(VolunteerKeys.membership(memberId)).consistentRead(true)));
        return r.hasItem() && !r.item().isEmpty() ? Optional.of(VolunteerItems.membership(r.item())) : Optional.empty();
    }

    @Override
    public Optional<Membership> register(Membership pending) {
        return PutIfAbsent.put(dynamo, table, "membership", VolunteerItems.membership(pending), "#s = :declined",
                Map.of("#s", "status"), Map.of(":declined", Attr.s(MembershipStatus.DECLINED.name())))
                .map(VolunteerItems::membership);
    }

    /** An UpdateItem, not a put: the rating consumer may be adding to the same item. */
    @Override
    public boolean decide(Membership decided) {
        UpdateExpression u = new UpdateExpression()
                .set("status", Attr.s(decided.status().name()))
                .set("decidedAt", Attr.s(org.linli.core.Times.stored(decided.decidedAt())))
                .set("decidedBy", Attr.s(decided.decidedBy()))
                .set("declineReason", decided.declineReason() == null ? null : Attr.s(decided.declineReason()))
                .set(VolunteerKeys.COMMUNITY_PK, Attr.s(VolunteerKeys.registrations(decided.community().code(), decided.status().name())));
        u.when(u.name("status") + " = " + u.value(Attr.s(MembershipStatus.PENDING.name())));
        try {
            DynamoCalls.call("UpdateItem membership", () -> dynamo.updateItem(b -> b.tableName(table)
                    .key(VolunteerKeys.membership(decided.memberId()))
                    .updateExpression(u.expression()).conditionExpression(u.condition())
                    .expressionAttributeNames(u.names()).expressionAttributeValues(u.values())));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /**
     * Writes registrations as they are (any status), 25 per BatchWriteItem, overwriting: a bulk
     * import of an existing roll (双报到 lists kept elsewhere until now), and the benchmarks' seed.
     */
    public void importAll(java.util.List<Membership> memberships) {
        BatchWrites.putAll(dynamo, table, memberships.stream().map(VolunteerItems::membership).toList(),
                "Some registrations could not be imported; import them again.");
    }

    @Override
    public Page<Membership> byStatus(String communityCode, MembershipStatus status, int limit, String cursor) {
        return IndexQuery.page(dynamo, table, VolunteerKeys.BY_COMMUNITY, VolunteerKeys.COMMUNITY_PK, VolunteerKeys.COMMUNITY_SK, VolunteerKeys.registrations(communityCode, status.name()),
                null, true, limit, cursor, VolunteerItems::membership);
    }
}
