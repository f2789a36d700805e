package org.linli.volunteer.points;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/** Persistence of the points ledger, members' year accounts, leaderboards and ratings. */
public interface PointsStore {
    /** Positive points the member earned in the month so far (what the cap is checked against). */
    int monthEarned(String memberId, YearMonth month);

    /** The member's year: balance, months and ledger lines (one query); empty when nothing happened. */
    Optional<PointsStatement> statement(String memberId, int year);

    /** Every year account of a community (a few queries of the balances index, one per page). */
    List<YearAccount> accounts(String communityCode, int year);

    /** The top of a community's board for a month ("2026-11") or a year ("2026"), highest first. */
    List<MonthScore> leaderboard(String communityCode, String period, int limit);

    /** Sets the party organisation's assessment on the member's year account. */
    void assess(String memberId, String memberName, String communityCode, int year, BigDecimal score, String note,
                String by, Instant at);

    /**
     * Records the rating and folds it into the member's aggregates (and appends {@code award} when
     * not null), in one transaction. DUPLICATE when the event was folded before: nothing changes.
     */
    AwardOutcome fold(RatingEvent event, PointsAward award);

    /**
     * Stores a resident's appraisal of a member for a year, once. Returns the score stored before
     * when there was one (then nothing changes).
     */
    Optional<Integer> appraise(RatingEvent appraisal);
}
