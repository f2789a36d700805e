package org.linli.cycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.linli.core.Page;
import org.linli.kpi.Counter;
import org.linli.kpi.Tally;
import org.linli.kpi.Unit;
import org.linli.kpi.UnitMonth;
import org.linli.testing.InMemoryCycleStore;
import org.linli.testing.InMemoryKpiStore;
import org.linli.testing.MutableClock;
import org.linli.volunteer.Rating;
import org.linli.volunteer.membership.Community;
import org.linli.volunteer.points.AwardOutcome;
import org.linli.volunteer.points.PointsAward;
import org.linli.volunteer.wishes.Claim;
import org.linli.volunteer.wishes.Completion;
import org.linli.volunteer.wishes.Wish;
import org.linli.volunteer.wishes.WishContent;
import org.linli.volunteer.wishes.WishState;
import org.linli.volunteer.wishes.WishStore;

/** The month's cohorts, counted from paged reads that stop at the month's start, computed once. */
class SummariesTest {
    private static final Community C1 = new Community("C1", "柳园社区", List.of("D", "S1", "C1"));
    private static final Instant OCT = Instant.parse("2026-10-10T02:00:00Z");
    private static final Instant NOV = Instant.parse("2026-11-05T02:00:00Z");
    private static final Instant DEC = Instant.parse("2026-12-02T02:00:00Z");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-15T02:00:00Z"));
    private final InMemoryCycleStore store = new InMemoryCycleStore();
    private final Wishes wishes = new Wishes();
    private final InMemoryKpiStore kpis = new InMemoryKpiStore();
    private final Summaries summaries = new Summaries(wishes, (community, month) -> 7, kpis, store, new org.linli.organisations.ServiceHours(new org.linli.organisations.InMemoryOrganisationStore(), (c, p, n) -> java.util.List.of()), clock);

    /** byState as the store answers it: live states oldest first, settled ones newest first, in pages. */
    private static final class Wishes implements WishStore {
        final Map<WishState, List<Wish>> byState = new EnumMap<>(WishState.class);
        final Map<WishState, Integer> pagesRead = new EnumMap<>(WishState.class);

        void add(Wish w) {
            byState.computeIfAbsent(w.state(), s -> new ArrayList<>()).add(w);
        }

        @Override
        public Page<Wish> byState(String community, WishState state, Instant sortBefore, int limit, String cursor) {
            pagesRead.merge(state, 1, Integer::sum);
            List<Wish> all = new ArrayList<>(byState.getOrDefault(state, List.of()));
            Comparator<Wish> order = switch (state) {
                case FULFILLED -> Comparator.comparing((Wish w) -> w.rating().at()).reversed();
                case COMPLETED -> Comparator.comparing((Wish w) -> w.completion().at()).reversed();
                case DECLINED -> Comparator.comparing(Wish::updatedAt).reversed();
                default -> Comparator.comparing(Wish::createdAt);
            };
            all.sort(order);
            int from = cursor == null ? 0 : Integer.parseInt(cursor);
            int to = Math.min(all.size(), from + limit);
            return new Page<>(all.subList(from, to), to < all.size() ? String.valueOf(to) : null);
        }

        private static AssertionError unused() {
            return new AssertionError("the summary only lists wishes by state");
        }

        @Override public Optional<Wish> insertNew(Wish wish, org.linli.core.RateLimit.Charge charge) { throw unused(); }
        @Override public Optional<Wish> find(String wishId) { throw unused(); }
        @Override public ClaimContext claimContext(String memberId, String wishId) { throw unused(); }
        @Override public ClaimResult claim(Wish claimed) { throw unused(); }
        @Override public boolean save(Wish next) { throw unused(); }
        @Override public AwardOutcome fulfil(Wish fulfilled, PointsAward award) { throw unused(); }
        @Override public Page<Wish> byResident(String residentId, int limit, String cursor) { throw unused(); }
        @Override public Page<Wish> byClaimant(String memberId, int limit, String cursor) { throw unused(); }
    }

    private static int n;

    private static Wish placed(Instant at) {
        return Wish.placed("wish_" + (++n), C1, "usr_r" + n, new WishContent("换灯泡", "楼道灯坏了", at.plus(Duration.ofDays(3)), "3号楼",
                List.of(), "王芳", "13812341234"), "f" + n, at);
    }

    private static Wish served(Instant at) {
        Wish w = placed(at).published(null, "usr_staff", null, at.plusSeconds(3600));
        w = w.claimed(new Claim("usr_m", "赵建国", at.plusSeconds(7200), at.plus(Duration.ofDays(3))));
        return w.completed(new Completion(at.plus(Duration.ofDays(1)), "换好了", List.of("uploads/x.jpg")));
    }

    @Test
    void countsTheMonthsCohortsAndStopsReadingAtTheMonthsStart() {
        wishes.add(placed(NOV));                                              // collected
        wishes.add(placed(DEC));                                              // next month's
        wishes.add(placed(NOV).published(null, "usr_staff", null, NOV));     // collected, classified
        wishes.add(placed(NOV).declined("不属于微心愿", "usr_staff", NOV));      // collected, classified
        wishes.add(placed(OCT).published(null, "usr_staff", null, OCT)
                .claimed(new Claim("usr_m", "赵建国", NOV, DEC)));              // October's
        wishes.add(served(NOV));                                              // collected, classified, served
        wishes.add(served(NOV).fulfilled(new Rating(5, "好", NOV.plus(Duration.ofDays(2))))); // ... and rated
        wishes.add(served(OCT).fulfilled(new Rating(4, null, NOV)));          // October's, rated in November
        for (int i = 0; i < 150; i++) wishes.add(served(OCT).fulfilled(new Rating(5, null, OCT.plus(Duration.ofDays(1)))));

        // The case figures are the community's KPI counters of the month (SummaryAgreesWithKpisTest folds real cases).
        kpis.counters.put(new UnitMonth(Unit.node(C1.path()), YearMonth.of(2026, 11)),
                Tally.ZERO.with(Counter.RECEIVED, 5).with(Counter.CLOSED, 1).with(Counter.HANDLED, 2).with(Counter.OVERDUE, 1));
        MonthlySummary s = summaries.of(C1, YearMonth.of(2026, 11));
        assertEquals(5, s.collected());
        assertEquals(4, s.classified());
        assertEquals(2, s.served());
        assertEquals(1, s.rated());
        assertEquals(5, s.casesReceived());
        assertEquals(1, s.casesResolved(), "closed");
        assertEquals(1, s.casesOverdue());
        assertEquals(7, s.volunteersActive());
        assertEquals(1, wishes.pagesRead.get(WishState.FULFILLED), "150 older fulfilled wishes on the next pages are not read");
    }

    @Test
    void aSummaryIsComputedOnceAndTheStoredOneServesEveryLaterRead() {
        wishes.add(placed(NOV));
        MonthlySummary first = summaries.of(C1, YearMonth.of(2026, 11));
        wishes.add(placed(NOV));
        clock.advance(Duration.ofHours(1));
        MonthlySummary again = summaries.of(C1, YearMonth.of(2026, 11));
        assertEquals(first, again);
        assertEquals(1, again.collected());
    }
}
