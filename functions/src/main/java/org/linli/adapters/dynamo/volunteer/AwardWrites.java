package org.linli.adapters.dynamo.volunteer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.linli.adapters.dynamo.Attr;
import org.linli.adapters.dynamo.TableKeys;
import org.linli.adapters.dynamo.UpdateExpression;
import org.linli.volunteer.points.PointsAward;
import org.linli.volunteer.points.PointsRule;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The transaction items of one points award: the ledger entry (written only if absent: a source
 * earns once under a rule), the member's year account and month aggregates (ADD, so concurrent
 * awards never lose an update), and the cap as the month's condition. The account update is
 * returned open so that a rating can add its own sums to the same item.
 */
final class AwardWrites {
    /** Item order inside {@link #items}: the caller's subject items come first, then these. */
    static final int ENTRY = 0;
    static final int ACCOUNT = 1;
    static final int MONTH = 2;

    private AwardWrites() {}

    /** The year account update of a member, with the keys that put it on the balances index. */
    static UpdateExpression account(String memberId, String memberName, String community, int year) {
        UpdateExpression u = new UpdateExpression()
                .set("memberId", Attr.s(memberId))
                .set("community", Attr.s(community))
                .set("year", Attr.n(year))
                .set(VolunteerKeys.COMMUNITY_PK, Attr.s(VolunteerKeys.balances(community, year)))
                .set(VolunteerKeys.COMMUNITY_SK, Attr.s(memberId));
        if (memberName != null) u.set("memberName", Attr.s(memberName));
        return u;
    }

    /** Adds the award's effect to an account update. */
    static void onAccount(UpdateExpression account, PointsAward a) {
        account.set(VolunteerKeys.BOARD_PK, Attr.s(VolunteerKeys.board(a.community(), Integer.toString(a.year()))))
                .add("points", a.points())
                .add(VolunteerKeys.BOARD_SCORE, a.points());
        if (a.rule() == PointsRule.VERIFIED_SERVICE) account.add("verifiedMinutes", a.minutes()).add("servicesVerified", 1);
        if (a.rule() == PointsRule.FULFILLED_WISH) account.add("wishesFulfilled", 1);
    }

    /** Entry, account (with {@code account}'s other clauses), month: three items, in that order. */
    static List<TransactWriteItem> items(String table, PointsAward a, UpdateExpression account) {
        List<TransactWriteItem> items = new ArrayList<>();
        Map<String, AttributeValue> entry = new HashMap<>(VolunteerKeys.entry(a.memberId(), a.year(), a.rule(), a.sourceId()));
        entry.put("type", Attr.s("LEDGER"));
        entry.put("memberId", Attr.s(a.memberId()));
        entry.put("community", Attr.s(a.community()));
        entry.put("rule", Attr.s(a.rule().name()));
        entry.put("sourceId", Attr.s(a.sourceId()));
        entry.put("points", Attr.n(a.points()));
        entry.put("wanted", Attr.n(a.wanted()));
        entry.put("month", Attr.s(a.month().toString()));
        VolunteerItems.time(entry, "at", a.at());
        items.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(entry)
                .conditionExpression(TableKeys.ABSENT).build()).build());

        onAccount(account, a);
        items.add(account.transactItem(table, VolunteerKeys.account(a.memberId(), a.year())));

        UpdateExpression month = new UpdateExpression()
                .set("memberId", Attr.s(a.memberId()))
                .set("community", Attr.s(a.community()))
                .set("month", Attr.s(a.month().toString()))
                .set(VolunteerKeys.BOARD_PK, Attr.s(VolunteerKeys.board(a.community(), a.month().toString())))
                .add("points", a.points())
                .add(VolunteerKeys.BOARD_SCORE, a.points())
                .add("verifiedMinutes", a.minutes());
        if (a.memberName() != null) month.set("memberName", Attr.s(a.memberName()));
        if (a.points() > 0) {
            String earned = month.name("earned");
            month.add("earned", a.points());
            month.when("attribute_not_exists(" + earned + ") OR " + earned + " <= " + month.value(Attr.n(a.earnedLimit())));
        }
        items.add(month.transactItem(table, VolunteerKeys.month(a.memberId(), a.month())));
        return items;
    }
}
