package org.linli.cycle;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Set;
import org.linli.cases.Case;
import org.linli.cases.CaseStatus;
import org.linli.core.Page;
import org.linli.core.Times;
import org.linli.volunteer.membership.Community;
import org.linli.volunteer.wishes.Wish;
import org.linli.volunteer.wishes.WishEvent;
import org.linli.volunteer.wishes.WishState;
import org.linli.volunteer.wishes.WishStore;

/**
 * The monthly summary of a community, computed once on the summary date and stored: later reads
 * (the staff's message, the API, a re-fired schedule) see the same figures. Reads are paged;
 * nothing is scanned: the community's wishes by state (live states whole, settled ones newest
 * first down to the month's start), its cases by the month they were opened in, and the month's
 * leaderboard partition for the active volunteers.
 */
public final class Summaries {
    private static final Set<String> CLASSIFIED = Set.of("APPROVED", "DISPATCHED", "DECLINED");
    private static final Set<CaseStatus> RESOLVED = Set.of(CaseStatus.RESOLVED, CaseStatus.FED_BACK, CaseStatus.CLOSED);

    private final WishStore wishes;
    private final CommunityActivity activity;
    private final CycleStore store;
    private final Clock clock;

    public Summaries(WishStore wishes, CommunityActivity activity, CycleStore store, Clock clock) {
        this.wishes = wishes;
        this.activity = activity;
        this.store = store;
        this.clock = clock;
    }

    /** The stored summary, or a new one computed and stored now. */
    public MonthlySummary of(Community c, YearMonth month) {
        return store.summary(c.code(), month).orElseGet(() -> store.keep(compute(c, month)));
    }

    MonthlySummary compute(Community c, YearMonth month) {
        Instant from = month.atDay(1).atStartOfDay(Times.CHINA).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(Times.CHINA).toInstant();
        int[] w = new int[4]; // collected, classified, served, rated
        for (WishState state : WishState.values()) {
            String cursor = null;
            boolean older = false;
            do {
                Page<Wish> page = wishes.byState(c.code(), state, null, Paging.PAGE, cursor);
                for (Wish wish : page.items()) {
                    Instant sort = settledAt(wish);
                    if (sort != null && sort.isBefore(from)) {
                        older = true; // newest first: everything after this was placed before the month
                        break;
                    }
                    if (wish.createdAt().isBefore(from) || !wish.createdAt().isBefore(to)) continue;
                    w[0]++;
                    if (wish.history().stream().map(WishEvent::action).anyMatch(CLASSIFIED::contains)) w[1]++;
                    if (wish.history().stream().anyMatch(e -> e.action().equals("COMPLETED"))) w[2]++;
                    if (wish.rating() != null) w[3]++;
                }
                cursor = page.nextCursor();
            } while (cursor != null && !older);
        }
        Instant now = clock.instant();
        int[] k = new int[3]; // received, resolved, late
        Paging.each((limit, cursor) -> activity.casesOpened(c.code(), month, limit, cursor), kase -> {
            k[0]++;
            if (RESOLVED.contains(kase.status())) k[1]++;
            if (kase.escalations() > 0 || kase.overdueFlagged() || late(kase, now)) k[2]++;
        });
        return new MonthlySummary(c.code(), month, w[0], w[1], w[2], w[3], k[0], k[1], k[2],
                activity.activeVolunteers(c.code(), month), now);
    }

    /** Open past its limit; a case waiting for its reporter's verdict is not late (nobody is handling it). */
    private static boolean late(Case c, Instant now) {
        return c.status() != CaseStatus.FED_BACK && c.overdue(now);
    }

    /** The sort time of the states listed newest first (every one at or after the wish's placement); null for live states. */
    private static Instant settledAt(Wish w) {
        return switch (w.state()) {
            case COMPLETED -> w.completion().at();
            case FULFILLED -> w.rating().at();
            case DECLINED -> w.updatedAt();
            default -> null;
        };
    }
}
