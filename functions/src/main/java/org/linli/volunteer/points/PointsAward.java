package org.linli.volunteer.points;

import java.time.Instant;
import java.time.YearMonth;

/**
 * One ledger entry to append: {@code points} (after the monthly cap; {@code wanted} before it)
 * for {@code memberId} in {@code community}, counted in {@code month}, because of {@code rule}
 * applied to {@code sourceId} (a service log, a wish, a rating event). A source earns points
 * under a rule once: the store writes the entry only if it does not exist. {@code minutes} are
 * verified service minutes the entry adds to the member's hours.
 */
public record PointsAward(String memberId, String memberName, String community, YearMonth month, PointsRule rule,
                          String sourceId, int points, int wanted, int minutes, int monthlyCap, Instant at) {

    public static PointsAward of(String memberId, String memberName, String community, YearMonth month, PointsRule rule,
                                 String sourceId, int points, int minutes, int monthlyCap, Instant at) {
        return new PointsAward(memberId, memberName, community, month, rule, sourceId, points, points, minutes, monthlyCap, at);
    }

    public int year() {
        return month.getYear();
    }

    /** The award reduced to {@code room} points left under the cap (never below 0; deductions untouched). */
    public PointsAward cappedTo(int room) {
        if (wanted <= 0) return this;
        return new PointsAward(memberId, memberName, community, month, rule, sourceId, Math.min(wanted, Math.max(0, room)),
                wanted, minutes, monthlyCap, at);
    }

    /** The highest month total of positive points that still leaves room for this award. */
    public int earnedLimit() {
        return monthlyCap - points;
    }
}
