package org.linli.adapters.dynamo.volunteer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.linli.adapters.dynamo.Attr;
import org.linli.adapters.dynamo.BatchGets;
import org.linli.adapters.dynamo.DynamoCalls;
import org.linli.adapters.dynamo.IndexQuery;
import org.linli.adapters.dynamo.TableKeys;
import org.linli.adapters.dynamo.Transactions;
import org.linli.adapters.dynamo.UpdateExpression;
import org.linli.core.Page;
import org.linli.volunteer.Rating;
import org.linli.volunteer.VolunteerTime;
import org.linli.volunteer.membership.Membership;
import org.linli.volunteer.points.AwardOutcome;
import org.linli.volunteer.points.PointsAward;
import org.linli.volunteer.servicelog.LogDay;
import org.linli.volunteer.servicelog.LogStatus;
import org.linli.volunteer.servicelog.ServiceLog;
import org.linli.volunteer.servicelog.ServiceLogStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** {@link ServiceLogStore} on the volunteer table: LOG#id items and LOGDAY#member#date day sheets. */
public final class DynamoServiceLogStore implements ServiceLogStore {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoServiceLogStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public LogContext context(String memberId, LocalDate day) {
        Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().consistentRead(true)
                .keys(VolunteerKeys.membership(memberId), VolunteerKeys.day(memberId, day)).build());
        Optional<Membership> membership = Optional.empty();
        Map<String, AttributeValue> dayItem = null;
        for (Map<String, AttributeValue> item : BatchGets.all(dynamo, request, table)) {
            if (VolunteerKeys.MEMBERSHIP.equals(Attr.str(item, TableKeys.SK))) membership = Optional.of(VolunteerItems.membership(item));
            else dayItem = item;
        }
        return new LogContext(membership, VolunteerItems.day(memberId, day, dayItem));
    }

    /** Put the log unless its id exists; add its interval to the day sheet over the version read. */
    @Override
    public InsertOutcome insert(ServiceLog log, LogDay before) {
        TransactWriteItem putLog = TransactWriteItem.builder().put(Put.builder().tableName(table)
                .item(VolunteerItems.log(log)).conditionExpression(TableKeys.ABSENT).build()).build();
        LogDay.Interval interval = new LogDay.Interval(log.start(), log.end());
        Map<String, AttributeValue> dayKey = VolunteerKeys.day(log.memberId(), before.day());
        TransactWriteItem day;
        if (before.version() == 0) {
            Map<String, AttributeValue> item = new HashMap<>(dayKey);
            item.put("type", Attr.s("LOGDAY"));
            item.put("entries", AttributeValue.fromM(Map.of(log.id(), VolunteerItems.interval(interval))));
            item.put("minutes", Attr.n(log.minutes()));
            item.put("version", Attr.n(1));
            day = TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                    .conditionExpression(TableKeys.ABSENT).build()).build();
        } else {
            UpdateExpression u = new UpdateExpression()
                    .setRaw("#entries.#id = :iv")
                    .set("version", Attr.n(before.version() + 1))
                    .add("minutes", log.minutes());
            u.names().put("#entries", "entries");
            u.names().put("#id", log.id());
            u.values().put(":iv", VolunteerItems.interval(interval));
            u.when(u.name("version") + " = " + u.value(Attr.n(before.version())));
            day = u.transactItem(table, dayKey);
        }
        return switch (Transactions.write(dynamo, "service log", List.of(putLog, day))) {
            case Transactions.DONE -> InsertOutcome.STORED;
            case 0 -> InsertOutcome.ID_TAKEN;
            default -> InsertOutcome.DAY_CHANGED;
        };
    }

    @Override
    public Optional<ServiceLog> find(String logId) {
        var r = DynamoCalls.call("GetItem log", () -> dynamo.getItem(b -> b.tableName(table)
                .key(VolunteerKeys.log(logId)).consistentRead(true)));
        return r.hasItem() && !r.item().isEmpty() ? Optional.of(VolunteerItems.log(r.item())) : Optional.empty();
    }

    private TransactWriteItem whilePending(ServiceLog next) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(VolunteerItems.log(next))
                .conditionExpression("#s = :pending").expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":pending", Attr.s(LogStatus.PENDING.name()))).build()).build();
    }

    @Override
    public AwardOutcome verify(ServiceLog verified, PointsAward award) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(whilePending(verified));
        items.addAll(AwardWrites.items(table, award,
                AwardWrites.account(award.memberId(), award.memberName(), award.community(), award.year())));
        int failed = Transactions.write(dynamo, "verification", items);
        if (failed == Transactions.DONE) return AwardOutcome.DONE;
        if (failed == 0) return AwardOutcome.STALE;
        return failed == 1 + AwardWrites.MONTH ? AwardOutcome.CAP_REACHED : AwardOutcome.DUPLICATE;
    }

    @Override
    public boolean reject(ServiceLog rejected) {
        UpdateExpression day = new UpdateExpression().add("minutes", -rejected.minutes());
        day.remove("#entries.#id");
        day.names().put("#entries", "entries");
        day.names().put("#id", rejected.id());
        LocalDate d = VolunteerTime.day(rejected.start());
        return Transactions.write(dynamo, "rejection", List.of(whilePending(rejected),
                day.transactItem(table, VolunteerKeys.day(rejected.memberId(), d)))) == Transactions.DONE;
    }

    /** One conditional UpdateItem: the beneficiary's, verified, not yet rated. */
    @Override
    public RateResult rate(String logId, String beneficiaryId, Rating rating) {
        UpdateExpression u = new UpdateExpression()
                .set("ratingScore", Attr.n(rating.score()))
                .set("ratedAt", Attr.s(org.linli.core.Times.stored(rating.at())));
        if (rating.comment() != null) u.set("ratingComment", Attr.s(rating.comment()));
        u.when(u.name("beneficiaryId") + " = " + u.value(Attr.s(beneficiaryId)) + " AND " + u.name("status") + " = "
                + u.value(Attr.s(LogStatus.VERIFIED.name())) + " AND attribute_not_exists(" + u.name("ratingScore") + ")");
        try {
            var r = DynamoCalls.call("UpdateItem rating", () -> dynamo.updateItem(b -> b.tableName(table)
                    .key(VolunteerKeys.log(logId)).updateExpression(u.expression()).conditionExpression(u.condition())
                    .expressionAttributeNames(u.names()).expressionAttributeValues(u.values())
                    .returnValues(ReturnValue.ALL_NEW)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
            return new RateResult(true, Optional.of(VolunteerItems.log(r.attributes())));
        } catch (ConditionalCheckFailedException e) {
            return new RateResult(false, e.hasItem() && !e.item().isEmpty() ? Optional.of(VolunteerItems.log(e.item())) : Optional.empty());
        }
    }

    @Override
    public Page<ServiceLog> byMember(String memberId, int limit, String cursor) {
        return IndexQuery.page(dynamo, table, VolunteerKeys.BY_MEMBER, VolunteerKeys.MEMBER_PK, VolunteerKeys.MEMBER_SK, VolunteerKeys.memberLogs(memberId), null, false, limit,
                cursor, VolunteerItems::log);
    }

    @Override
    public Page<ServiceLog> byCommunity(String communityCode, LogStatus status, int limit, String cursor) {
        return IndexQuery.page(dynamo, table, VolunteerKeys.BY_COMMUNITY, VolunteerKeys.COMMUNITY_PK, VolunteerKeys.COMMUNITY_SK, VolunteerKeys.logs(communityCode, status.name()),
                null, true, limit, cursor, VolunteerItems::log);
    }

    @Override
    public Page<ServiceLog> byBeneficiary(String userId, int limit, String cursor) {
        return IndexQuery.page(dynamo, table, VolunteerKeys.BY_USER, VolunteerKeys.USER_PK, VolunteerKeys.USER_SK, VolunteerKeys.received(userId), null, false, limit,
                cursor, VolunteerItems::log);
    }
}
