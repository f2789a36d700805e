package org.linli.adapters.dynamo.volunteer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.linli.adapters.dynamo.Attr;
import org.linli.adapters.dynamo.DynamoCalls;
import org.linli.adapters.dynamo.IndexQuery;
import org.linli.adapters.dynamo.PutIfAbsent;
import org.linli.adapters.dynamo.TableKeys;
import org.linli.adapters.dynamo.Transactions;
import org.linli.adapters.dynamo.UpdateExpression;
import org.linli.core.Times;
import org.linli.volunteer.points.AwardOutcome;
import org.linli.volunteer.points.LedgerEntry;
import org.linli.volunteer.points.MonthScore;
import org.linli.volunteer.points.PointsAward;
import org.linli.volunteer.points.PointsStatement;
import org.linli.volunteer.points.PointsStore;
import org.linli.volunteer.points.RatingEvent;
import org.linli.volunteer.points.RatingKind;
import org.linli.volunteer.points.YearAccount;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * {@link PointsStore} on the volunteer table. A member's year is one partition
 * ({@code POINTS#member#year}: ACCOUNT, MONTH#mm, ENTRY#rule#source), read with one query; the
 * account items form the balances index of a community's year, and account and month items carry
 * a numeric {@code lbscore} that the ByBoard index sorts on.
 */
public final class DynamoPointsStore implements PointsStore {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoPointsStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public int monthEarned(String memberId, YearMonth month) {
        var r = DynamoCalls.call("GetItem month", () -> dynamo.getItem(b -> b.tableName(table)
                .key(VolunteerKeys.month(memberId, month)).consistentRead(true)));
        return r.hasItem() ? (int) Attr.num(r.item(), "earned", 0) : 0;
    }

    @Override
    public Optional<PointsStatement> statement(String memberId, int year) {
        List<Map<String, AttributeValue>> items = IndexQuery.all(dynamo, QueryRequest.builder().tableName(table)
                .keyConditionExpression(TableKeys.PK + " = :p").consistentRead(true)
                .expressionAttributeValues(Map.of(":p", Attr.s(VolunteerKeys.pointsPartition(memberId, year)))).build());
        if (items.isEmpty()) return Optional.empty();
        YearAccount account = null;
        List<MonthScore> months = new ArrayList<>();
        List<LedgerEntry> entries = new ArrayList<>();
        for (Map<String, AttributeValue> item : items) {
            String sk = Attr.str(item, TableKeys.SK);
            if (sk.equals("ACCOUNT")) account = VolunteerItems.account(item);
            else if (sk.startsWith(VolunteerKeys.MONTH)) months.add(VolunteerItems.score(item));
            else if (sk.startsWith(VolunteerKeys.ENTRY)) entries.add(VolunteerItems.entry(item));
        }
        entries.sort(java.util.Comparator.comparing(LedgerEntry::at));
        if (account == null) return Optional.empty();
        return Optional.of(new PointsStatement(account, months, entries));
    }

    @Override
    public List<YearAccount> accounts(String communityCode, int year) {
        return IndexQuery.all(dynamo, QueryRequest.builder().tableName(table).indexName(VolunteerKeys.BY_COMMUNITY)
                        .keyConditionExpression(VolunteerKeys.COMMUNITY_PK + " = :p")
                        .expressionAttributeValues(Map.of(":p", Attr.s(VolunteerKeys.balances(communityCode, year)))).build())
                .stream().map(VolunteerItems::account).toList();
    }

    @Override
    public List<MonthScore> leaderboard(String communityCode, String period, int limit) {
        var r = DynamoCalls.call("Query ByBoard", () -> dynamo.query(b -> b.tableName(table).indexName(VolunteerKeys.BY_BOARD)
                .keyConditionExpression(VolunteerKeys.BOARD_PK + " = :p")
                .expressionAttributeValues(Map.of(":p", Attr.s(VolunteerKeys.board(communityCode, period))))
                .scanIndexForward(false).limit(limit)));
        return r.items().stream().map(VolunteerItems::score).toList();
    }

    @Override
    public void assess(String memberId, String memberName, String communityCode, int year, BigDecimal score, String note,
                       String by, Instant at) {
        UpdateExpression u = AwardWrites.account(memberId, memberName, communityCode, year)
                .set("assessment", AttributeValue.fromN(score.toPlainString()))
                .set("assessedBy", Attr.s(by))
                .set("assessedAt", Attr.s(Times.stored(at)));
        if (note != null) u.set("assessmentNote", Attr.s(note));
        else u.remove(u.name("assessmentNote"));
        Update update = u.transactItem(table, VolunteerKeys.account(memberId, year)).update();
        DynamoCalls.call("UpdateItem assessment", () -> dynamo.updateItem(b -> b.tableName(table).key(update.key())
                .updateExpression(update.updateExpression()).expressionAttributeNames(update.expressionAttributeNames())
                .expressionAttributeValues(update.expressionAttributeValues())));
    }

    /**
     * One transaction: the rating record (only if absent: the event's idempotency), the member's
     * lifetime aggregates, his year account's sums - and, with points, the ledger entry and month.
     */
    @Override
    public AwardOutcome fold(RatingEvent e, PointsAward award) {
        List<TransactWriteItem> items = new ArrayList<>();
        Map<String, AttributeValue> rating = record(VolunteerKeys.rating(e.eventId()), "RATING", e);
        items.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(rating)
                .conditionExpression(TableKeys.ABSENT).build()).build());

        UpdateExpression lifetime = new UpdateExpression().add("ratingSum", e.score()).add("ratingCount", 1);
        lifetime.when("attribute_exists(" + lifetime.name(TableKeys.PK) + ")");
        items.add(lifetime.transactItem(table, VolunteerKeys.membership(e.memberId())));

        UpdateExpression account = AwardWrites.account(e.memberId(), e.memberName(), e.community(), e.year());
        String prefix = e.kind() == RatingKind.APPRAISAL ? "resident" : "beneficiary";
        account.add(prefix + "Sum", e.score()).add(prefix + "Count", 1);
        if (award == null) items.add(account.transactItem(table, VolunteerKeys.account(e.memberId(), e.year())));
        else items.addAll(AwardWrites.items(table, award, account));

        int failed = Transactions.write(dynamo, "rating", items);
        if (failed == Transactions.DONE) return AwardOutcome.DONE;
        if (failed == 1) throw new IllegalStateException("rating " + e.eventId() + " names a member with no registration");
        if (award != null && failed == 2 + AwardWrites.MONTH) return AwardOutcome.CAP_REACHED;
        return AwardOutcome.DUPLICATE;
    }

    @Override
    public Optional<Integer> appraise(RatingEvent a) {
        return PutIfAbsent.put(dynamo, table, "appraisal", record(VolunteerKeys.appraisal(a.eventId()), "APPRAISAL", a))
                .map(old -> (int) Attr.num(old, "score", 0));
    }

    /** A rating's or an appraisal's own record: what, who, for whom, when, the score. */
    private static Map<String, AttributeValue> record(Map<String, AttributeValue> key, String type, RatingEvent e) {
        Map<String, AttributeValue> item = new HashMap<>(key);
        item.put("type", Attr.s(type));
        item.put("kind", Attr.s(e.kind().name()));
        item.put("subjectId", Attr.s(e.subjectId()));
        item.put("memberId", Attr.s(e.memberId()));
        item.put("community", Attr.s(e.community()));
        item.put("year", Attr.n(e.year()));
        item.put("score", Attr.n(e.score()));
        VolunteerItems.time(item, "at", e.at());
        return item;
    }
}
