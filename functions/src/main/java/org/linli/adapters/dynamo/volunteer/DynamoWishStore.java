package org.linli.adapters.dynamo.volunteer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.linli.adapters.dynamo.Attr;
import org.linli.adapters.dynamo.BatchGets;
import org.linli.adapters.dynamo.DynamoCalls;
import org.linli.adapters.dynamo.IndexQuery;
import org.linli.adapters.dynamo.PutIfAbsent;
import org.linli.adapters.dynamo.TableKeys;
import org.linli.adapters.dynamo.Transactions;
import org.linli.adapters.dynamo.UpdateExpression;
import org.linli.core.Page;
import org.linli.core.RateLimit;
import org.linli.core.Times;
import org.linli.volunteer.membership.Membership;
import org.linli.volunteer.points.AwardOutcome;
import org.linli.volunteer.points.PointsAward;
import org.linli.volunteer.wishes.Claim;
import org.linli.volunteer.wishes.Wish;
import org.linli.volunteer.wishes.WishState;
import org.linli.volunteer.wishes.WishStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** {@link WishStore} on the volunteer table. */
public final class DynamoWishStore implements WishStore {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoWishStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<Wish> insertNew(Wish wish, RateLimit.Charge charge) {
        return PutIfAbsent.put(dynamo, table, "wish", VolunteerItems.wish(wish), charge).map(VolunteerItems::wish);
    }

    @Override
    public Optional<Wish> find(String wishId) {
        var r = DynamoCalls.call("GetItem wish", () -> dynamo.getItem(b -> b.tableName(table)
                .key(VolunteerKeys.wish(wishId)).consistentRead(true)));
        return r.hasItem() && !r.item().isEmpty() ? Optional.of(VolunteerItems.wish(r.item())) : Optional.empty();
    }

    @Override
    public ClaimContext claimContext(String memberId, String wishId) {
        Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().consistentRead(true)
                .keys(VolunteerKeys.membership(memberId), VolunteerKeys.wish(wishId)).build());
        Optional<Membership> membership = Optional.empty();
        Optional<Wish> wish = Optional.empty();
        for (Map<String, AttributeValue> item : BatchGets.all(dynamo, request, table)) {
            if (VolunteerKeys.MEMBERSHIP.equals(Attr.str(item, TableKeys.SK))) membership = Optional.of(VolunteerItems.membership(item));
            else wish = Optional.of(VolunteerItems.wish(item));
        }
        return new ClaimContext(membership, wish);
    }

    /**
     * One UpdateItem conditional on the state itself - PUBLISHED, no claimant, offered to all or to
     * this member - so that of any number of simultaneous claims exactly one is written. The
     * history entry is appended server-side, never overwritten from a stale read.
     */
    @Override
    public ClaimResult claim(Wish claimed) {
        Claim c = claimed.claim();
        Map<String, AttributeValue> after = VolunteerItems.wish(claimed);
        UpdateExpression u = new UpdateExpression();
        for (String attr : List.of("state", "claimantId", "claimantName", "claimedAt", "serveBy", "updatedAt",
                VolunteerKeys.COMMUNITY_PK, VolunteerKeys.COMMUNITY_SK, VolunteerKeys.MEMBER_PK, VolunteerKeys.MEMBER_SK)) {
            u.set(attr, after.get(attr));
        }
        String history = u.name("history");
        u.setRaw(history + " = list_append(" + history + ", " + u.value(AttributeValue.fromL(List.of(
                AttributeValue.fromM(VolunteerItems.historyEntry(claimed.history().get(claimed.history().size() - 1)))))) + ")");
        String version = u.name("version");
        u.setRaw(version + " = " + version + " + " + u.value(Attr.n(1)));
        String state = u.name("state");
        String offered = u.name("offeredTo");
        String me = u.value(Attr.s(c.memberId()));
        u.when(state + " = " + u.value(Attr.s(WishState.PUBLISHED.name())) + " AND attribute_not_exists(" + u.name("claimantId")
                + ") AND (attribute_not_exists(" + offered + ") OR " + offered + " = " + me + ")");
        try {
            DynamoCalls.call("UpdateItem claim", () -> dynamo.updateItem(b -> b.tableName(table)
                    .key(VolunteerKeys.wish(claimed.id()))
                    .updateExpression(u.expression()).conditionExpression(u.condition())
                    .expressionAttributeNames(u.names()).expressionAttributeValues(u.values())
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
            return new ClaimResult(true, Optional.of(claimed));
        } catch (ConditionalCheckFailedException e) {
            Optional<Wish> current = e.hasItem() && !e.item().isEmpty() ? Optional.of(VolunteerItems.wish(e.item())) : Optional.empty();
            return new ClaimResult(false, current);
        }
    }

    @Override
    public boolean save(Wish next) {
        try {
            Put p = overVersion(next);
            DynamoCalls.call("PutItem wish", () -> dynamo.putItem(b -> b.tableName(table).item(p.item())
                    .conditionExpression(p.conditionExpression()).expressionAttributeNames(p.expressionAttributeNames())
                    .expressionAttributeValues(p.expressionAttributeValues())));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private Put overVersion(Wish next) {
        return Put.builder().tableName(table).item(VolunteerItems.wish(next))
                .conditionExpression("#v = :v").expressionAttributeNames(Map.of("#v", "version"))
                .expressionAttributeValues(Map.of(":v", Attr.n(next.version() - 1))).build();
    }

    @Override
    public AwardOutcome fulfil(Wish fulfilled, PointsAward award) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().put(overVersion(fulfilled)).build());
        items.addAll(AwardWrites.items(table, award,
                AwardWrites.account(award.memberId(), award.memberName(), award.community(), award.year())));
        int failed = Transactions.write(dynamo, "wish fulfilment", items);
        if (failed == Transactions.DONE) return AwardOutcome.DONE;
        if (failed == 0) return AwardOutcome.STALE;
        return failed == 1 + AwardWrites.MONTH ? AwardOutcome.CAP_REACHED : AwardOutcome.DUPLICATE;
    }

    /** Open states list oldest first (deadlines first for claimed ones); closed ones newest first. */
    @Override
    public Page<Wish> byState(String communityCode, WishState state, Instant sortBefore, int limit, String cursor) {
        boolean forward = state == WishState.PENDING_REVIEW || state == WishState.PUBLISHED || state == WishState.CLAIMED;
        return IndexQuery.page(dynamo, table, VolunteerKeys.BY_COMMUNITY, VolunteerKeys.COMMUNITY_PK, VolunteerKeys.COMMUNITY_SK, VolunteerKeys.wishes(communityCode, state.name()),
                sortBefore == null ? null : Times.stored(sortBefore), forward, limit, cursor, VolunteerItems::wish);
    }

    @Override
    public Page<Wish> byResident(String residentId, int limit, String cursor) {
        return IndexQuery.page(dynamo, table, VolunteerKeys.BY_USER, VolunteerKeys.USER_PK, VolunteerKeys.USER_SK, VolunteerKeys.placed(residentId), null, false, limit,
                cursor, VolunteerItems::wish);
    }

    @Override
    public Page<Wish> byClaimant(String memberId, int limit, String cursor) {
        return IndexQuery.page(dynamo, table, VolunteerKeys.BY_MEMBER, VolunteerKeys.MEMBER_PK, VolunteerKeys.MEMBER_SK, VolunteerKeys.claims(memberId), null, false, limit,
                cursor, VolunteerItems::wish);
    }
}
