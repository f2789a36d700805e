package org.linli.testing.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.linli.volunteer.membership.Community;
import org.linli.volunteer.membership.MemberStore;
import org.linli.volunteer.membership.Membership;
import org.linli.volunteer.membership.MembershipStatus;
import org.linli.volunteer.points.AwardOutcome;
import org.linli.volunteer.points.MonthScore;
import org.linli.volunteer.points.PointsAward;
import org.linli.volunteer.points.PointsRule;
import org.linli.volunteer.points.PointsStatement;
import org.linli.volunteer.points.PointsStore;
import org.linli.volunteer.points.RatingEvent;
import org.linli.volunteer.points.RatingKind;
import org.linli.volunteer.points.YearAccount;

/**
 * What every {@link PointsStore} does, written once: run against InMemoryPoints and against DynamoDB Local, each
 * with the member store it folds ratings into. Members and the community are fresh per instance (the table is shared).
 */
public abstract class PointsStoreContract {
    protected abstract PointsStore store();

    protected abstract MemberStore members();

    private static final Instant AT = Instant.parse("2026-11-18T02:00:00Z");
    private static final YearMonth MONTH = YearMonth.of(2026, 11);
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Community community = new Community("C" + run, "柳园社区", List.of("DEMO", "DEMO-W", "C" + run));

    private String member(String name) {
        String id = "usr_" + run + name;
        members().register(new Membership(id, community, "党员" + name, "13700001111", List.of(), null, "第一党支部",
                MembershipStatus.PENDING, AT, null, null, null, 0, 0));
        return id;
    }

    private RatingEvent rating(String eventName, String memberId, int score) {
        return new RatingEvent("rte_" + run + eventName, RatingKind.SERVICE, "log_" + run + eventName, memberId,
                "党员" + memberId.substring(memberId.length() - 1), community.code(), 2026, MONTH, score, AT);
    }

    private PointsAward award(String memberId, PointsRule rule, String source, int points, int minutes, int cap) {
        return PointsAward.of(memberId, "党员" + memberId.substring(memberId.length() - 1), community.code(), MONTH, rule,
                source + run, points, minutes, cap, AT);
    }

    @Test
    void aRatingFoldsOnceIntoTheMemberAndHisYear() {
        String m = member("a");
        RatingEvent e = rating("r1", m, 5);
        assertEquals(AwardOutcome.DONE, store().fold(e, award(m, PointsRule.RATING, "r1", 2, 0, 100)));
        assertEquals(AwardOutcome.DUPLICATE, store().fold(e, award(m, PointsRule.RATING, "r1", 2, 0, 100)));
        Membership after = members().membership(m).orElseThrow();
        assertEquals(5, after.ratingSum());
        assertEquals(1, after.ratingCount());

        PointsStatement s = store().statement(m, 2026).orElseThrow();
        assertEquals(2, s.account().points());
        assertEquals(5, s.account().beneficiarySum());
        assertEquals(1, s.account().beneficiaryCount());
        assertEquals(0, s.account().residentCount());
        assertEquals(community.code(), s.account().community());
        assertEquals(List.of(new MonthScore("2026-11", m, "党员a", 2, 0)), s.months());
        assertEquals(1, s.entries().size());
        assertEquals(PointsRule.RATING, s.entries().get(0).rule());
        assertEquals(2, store().monthEarned(m, MONTH));
        assertEquals(Optional.empty(), store().statement(m, 2025));
    }

    @Test
    void aRatingOfSomeoneWithNoRegistrationIsRefused() {
        assertThrows(IllegalStateException.class, () -> store().fold(rating("r2", "usr_" + run + "nobody", 4), null));
    }

    @Test
    void aSourceEarnsOnceUnderARuleAndTheCapHoldsAwardsBack() {
        String m = member("b");
        assertEquals(AwardOutcome.DONE, store().fold(rating("r3", m, 4), award(m, PointsRule.RATING, "src", 8, 0, 10)));
        assertEquals(AwardOutcome.DUPLICATE, store().fold(rating("r4", m, 4), award(m, PointsRule.RATING, "src", 8, 0, 10)),
                "the same source under the same rule");
        PointsAward tooMuch = award(m, PointsRule.RATING, "src2", 5, 0, 10);
        assertEquals(AwardOutcome.CAP_REACHED, store().fold(rating("r5", m, 4), tooMuch));
        assertEquals(8, store().monthEarned(m, MONTH), "nothing of a refused award is written");
        assertEquals(1, store().statement(m, 2026).orElseThrow().account().beneficiaryCount());
        assertEquals(AwardOutcome.DONE, store().fold(rating("r5", m, 4), tooMuch.cappedTo(10 - 8)));
        assertEquals(10, store().monthEarned(m, MONTH));
    }

    @Test
    void aCommunitysAccountsAndBoardsAddUpItsMembersAwards() {
        String low = member("c");
        String high = member("d");
        store().fold(rating("r6", low, 5), award(low, PointsRule.VERIFIED_SERVICE, "log6", 3, 45, 100));
        store().fold(rating("r7", high, 5), award(high, PointsRule.FULFILLED_WISH, "wsh7", 7, 0, 100));

        List<MonthScore> year = store().leaderboard(community.code(), "2026", 10);
        assertEquals(List.of(high, low), year.stream().map(MonthScore::memberId).toList());
        assertEquals(7, year.get(0).points());
        assertEquals(45, year.get(1).verifiedMinutes());
        List<MonthScore> month = store().leaderboard(community.code(), "2026-11", 1);
        assertEquals(List.of(new MonthScore("2026-11", high, "党员d", 7, 0)), month);

        List<YearAccount> accounts = store().accounts(community.code(), 2026).stream()
                .sorted(java.util.Comparator.comparing(YearAccount::memberId)).toList();
        assertEquals(List.of(low, high), accounts.stream().map(YearAccount::memberId).toList());
        assertEquals(1, accounts.get(0).servicesVerified());
        assertEquals(45, accounts.get(0).verifiedMinutes());
        assertEquals(1, accounts.get(1).wishesFulfilled());
        assertEquals(List.of(), store().accounts(community.code(), 2025));
    }

    @Test
    void theAssessmentIsSetOnTheYearAccountAndAnAppraisalIsStoredOnce() {
        String m = member("e");
        store().assess(m, "党员e", community.code(), 2026, new BigDecimal("85.5"), "表现突出", "usr_staff", AT);
        YearAccount a = store().accounts(community.code(), 2026).stream().filter(x -> x.memberId().equals(m)).findFirst().orElseThrow();
        assertEquals(0, new BigDecimal("85.5").compareTo(a.assessment()));
        assertEquals("表现突出", a.assessmentNote());
        store().assess(m, "党员e", community.code(), 2026, new BigDecimal("90"), null, "usr_staff", AT.plusSeconds(60));
        a = store().statement(m, 2026).orElseThrow().account();
        assertEquals(0, new BigDecimal("90").compareTo(a.assessment()));
        assertNull(a.assessmentNote());

        Membership member = members().membership(m).orElseThrow();
        RatingEvent appraisal = RatingEvent.appraisal("usr_" + run + "resident", member, 2026, 4, AT);
        assertEquals(Optional.empty(), store().appraise(appraisal));
        assertEquals(Optional.of(4), store().appraise(RatingEvent.appraisal("usr_" + run + "resident", member, 2026, 2, AT)));
    }
}
