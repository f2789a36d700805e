package org.linli.volunteer.points;

import java.util.function.Function;
import org.linli.core.StoreUnavailable;

/**
 * Grants points under the monthly cap. The write is attempted with the full award; a store
 * refuses it (CAP_REACHED) when the month's earned points would pass the cap, and then the award
 * is cut to the room left, read fresh, and tried again. Concurrent awards near the cap converge
 * in a few rounds; the common case is one write.
 */
public final class Points {
    private static final int ROUNDS = 4;

    private final PointsStore store;

    public Points(PointsStore store) {
        this.store = store;
    }

    /** The outcome and the award as finally written (possibly capped). */
    public record Granted(AwardOutcome outcome, PointsAward award) {}

    public Granted grant(PointsAward wanted, Function<PointsAward, AwardOutcome> write) {
        PointsAward award = wanted.cappedTo(wanted.monthlyCap());
        for (int round = 0; round < ROUNDS; round++) {
            AwardOutcome o = write.apply(award);
            if (o != AwardOutcome.CAP_REACHED) return new Granted(o, award);
            int earned = store.monthEarned(award.memberId(), award.month());
            award = wanted.cappedTo(wanted.monthlyCap() - earned);
        }
        throw new StoreUnavailable("Points could not be granted under the monthly cap; try again.", null);
    }
}
