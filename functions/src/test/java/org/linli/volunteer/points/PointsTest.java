package org.linli.volunteer.points;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.linli.volunteer.PointsRules;
import org.linli.volunteer.VolunteerRules;

class PointsTest {
    private static final PointsRules RULES = VolunteerRules.fromClasspath().points();

    @Test
    void rulesProrateHoursByTheMinuteAndMapRatings() {
        assertEquals(5, RULES.forVerifiedMinutes(150)); // 2.5 h × 2
        assertEquals(0, RULES.forVerifiedMinutes(29));
        assertEquals(1, RULES.forVerifiedMinutes(30));
        assertEquals(-2, RULES.forRating(1));
        assertEquals(0, RULES.forRating(3));
        assertEquals(2, RULES.forRating(5));
    }

    /** A month that already holds {@code earned} points: the store refuses awards that would pass the cap. */
    private static final class Month implements PointsStore {
        int earned;
        final List<Integer> written = new ArrayList<>();

        AwardOutcome write(PointsAward a) {
            if (a.points() > 0 && earned > a.earnedLimit()) return AwardOutcome.CAP_REACHED;
            written.add(a.points());
            if (a.points() > 0) earned += a.points();
            return AwardOutcome.DONE;
        }

        @Override public int monthEarned(String memberId, YearMonth month) { return earned; }
        @Override public Optional<PointsStatement> statement(String memberId, int year) { return Optional.empty(); }
        @Override public List<YearAccount> accounts(String communityCode, int year) { return List.of(); }
        @Override public List<MonthScore> leaderboard(String communityCode, String period, int limit) { return List.of(); }
        @Override public void assess(String m, String n, String c, int y, BigDecimal s, String note, String by, Instant at) { }
        @Override public AwardOutcome fold(RatingEvent event, PointsAward award) { return write(award); }
        @Override public Optional<Integer> appraise(RatingEvent appraisal) { return Optional.empty(); }
    }

    private static PointsAward award(int points) {
        return PointsAward.of("usr_m", "张三", "DEMO-W1", YearMonth.of(2026, 3), PointsRule.VERIFIED_SERVICE, "log_" + points,
                points, 60, 60, Instant.EPOCH);
    }

    @Test
    void anAwardPastTheMonthlyCapIsCutToTheRoomLeftAndRecordsWhatWasWanted() {
        Month month = new Month();
        month.earned = 56;
        Points.Granted g = new Points(month).grant(award(8), month::write);
        assertEquals(AwardOutcome.DONE, g.outcome());
        assertEquals(4, g.award().points());
        assertEquals(8, g.award().wanted());
        assertEquals(60, month.earned);
        Points.Granted none = new Points(month).grant(award(8), month::write);
        assertEquals(0, none.award().points()); // the source is still recorded, with nothing
        assertEquals(List.of(4, 0), month.written);
    }

    @Test
    void deductionsAreNeverCapped() {
        Month month = new Month();
        month.earned = 60;
        Points.Granted g = new Points(month).grant(award(-2), month::write);
        assertEquals(-2, g.award().points());
    }

    @Test
    void aSingleAwardNeverExceedsTheCap() {
        Month month = new Month();
        assertEquals(60, new Points(month).grant(award(75), month::write).award().points());
    }
}
