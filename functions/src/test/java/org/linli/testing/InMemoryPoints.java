package org.linli.testing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.linli.volunteer.points.AwardOutcome;
import org.linli.volunteer.points.MonthScore;
import org.linli.volunteer.points.PointsAward;
import org.linli.volunteer.points.PointsStatement;
import org.linli.volunteer.points.PointsStore;
import org.linli.volunteer.points.RatingEvent;
import org.linli.volunteer.points.YearAccount;

/**
 * The points ledger as far as the wish and service-log loops read it: the month's earned points
 * (the cap) over the awards written beside the subjects (e.g. {@link InMemoryWishes#awards}).
 * Statements, boards, assessments and ratings are not kept here: their tests run on DynamoDB Local.
 */
public final class InMemoryPoints implements PointsStore {
    private final List<PointsAward> ledger;

    public InMemoryPoints(List<PointsAward> ledger) {
        this.ledger = ledger;
    }

    @Override
    public int monthEarned(String memberId, YearMonth month) {
        synchronized (ledger) {
            return ledger.stream().filter(a -> a.memberId().equals(memberId) && a.month().equals(month) && a.points() > 0)
                    .mapToInt(PointsAward::points).sum();
        }
    }

    private static UnsupportedOperationException notKept() {
        return new UnsupportedOperationException("not kept by InMemoryPoints: test it against DynamoDB Local");
    }

    @Override public Optional<PointsStatement> statement(String memberId, int year) { throw notKept(); }
    @Override public List<YearAccount> accounts(String communityCode, int year) { throw notKept(); }
    @Override public List<MonthScore> leaderboard(String communityCode, String period, int limit) { throw notKept(); }
    @Override public void assess(String memberId, String memberName, String communityCode, int year, BigDecimal score, String note,
                                 String by, Instant at) { throw notKept(); }
    @Override public AwardOutcome fold(RatingEvent event, PointsAward award) { throw notKept(); }
    @Override public Optional<Integer> appraise(RatingEvent appraisal) { throw notKept(); }
}
