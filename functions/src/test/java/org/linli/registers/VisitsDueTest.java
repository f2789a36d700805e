package org.linli.registers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linli.kpi.Unit;

/** The visits due of the periods beginning: counted once per household and period, on every node of its path. */
class VisitsDueTest {
    private static final List<String> PATH = List.of("D1", "S1", "C1");
    private final InMemoryVisitStore store = new InMemoryVisitStore();

    private static Instant at(String shanghai) {
        return java.time.OffsetDateTime.parse(shanghai + "+08:00").toInstant();
    }

    private int run(String shanghai) {
        return Visits.periodsBegun(store, (c, b) -> PATH, "C1", at(shanghai));
    }

    @Test
    void aMonthlyHouseholdIsDueOncePerMonthOnEveryNode() {
        store.bind("h1", Rhythm.MONTHLY, at("2026-10-10T09:00:00"));
        store.addDue("C1", "h1", PATH, YearMonth.of(2026, 10)); // its binding
        assertEquals(1, run("2026-11-01T00:30:00")); // 1 November in Beijing, still 31 October in UTC
        assertEquals(0, run("2026-11-01T00:40:00")); // the step re-run: nothing
        assertEquals(1, run("2026-12-01T06:00:00"));
        for (String node : List.of("D1", "S1", "C1")) {
            assertEquals(1, store.due(node, YearMonth.of(2026, 10)), node);
            assertEquals(1, store.due(node, YearMonth.of(2026, 11)), node);
            assertEquals(1, store.due(node, YearMonth.of(2026, 12)), node);
        }
    }

    @Test
    void theMonthOfItsBindingIsNotCountedAgain() {
        store.bind("h1", Rhythm.MONTHLY, at("2026-11-01T08:00:00"));
        store.addDue("C1", "h1", PATH, YearMonth.of(2026, 11));
        assertEquals(0, run("2026-11-01T09:00:00"));
        assertEquals(1, store.due("C1", YearMonth.of(2026, 11)));
    }

    @Test
    void aQuarterlyHouseholdOnlyAtTheQuarterStart() {
        store.bind("h2", Rhythm.QUARTERLY, at("2026-08-10T09:00:00"));
        store.addDue("C1", "h2", PATH, YearMonth.of(2026, 9));
        assertEquals(0, run("2026-09-01T06:00:00"));
        assertEquals(1, run("2026-10-01T06:00:00"));
        assertEquals(0, run("2026-10-01T07:00:00"));
        assertEquals(0, run("2026-11-01T06:00:00"));
        assertEquals(0, run("2026-12-01T06:00:00"));
        assertEquals(1, run("2027-01-01T06:00:00"));
        assertEquals(1, store.due("D1", YearMonth.of(2026, 9)));
        assertEquals(1, store.due("D1", YearMonth.of(2026, 12))); // counted in the month its period ends
        assertEquals(0, store.due("D1", YearMonth.of(2026, 10)));
        assertEquals(1, store.due("D1", YearMonth.of(2027, 3)));
    }

    @Test
    void theStepFallingDueOnTheFirstOpensTheMonth() {
        var contact = new org.linli.cycle.DispatchWork("DEMO:2026-12:contact", "DEMO", "C1", "contact", YearMonth.of(2026, 12),
                java.time.LocalDate.of(2026, 12, 1), null, null, List.of("cycle.contact"));
        var classify = new org.linli.cycle.DispatchWork("DEMO:2026-12:classify", "DEMO", "C1", "classify", YearMonth.of(2026, 12),
                java.time.LocalDate.of(2026, 12, 20), null, null, List.of("cycle.classify"));
        assertEquals(true, org.linli.cycle.CommunityAudiences.opensMonth(contact));
        assertEquals(false, org.linli.cycle.CommunityAudiences.opensMonth(classify));
    }

    /** The store's behaviour in memory: the marker on the household guards the counters, as the DynamoDB transaction does. */
    static final class InMemoryVisitStore implements VisitStore {
        private final Map<String, BoundHousehold> households = new HashMap<>();
        private final Map<String, Visit> visits = new java.util.LinkedHashMap<>();
        private final Map<String, Long> due = new HashMap<>();

        void bind(String id, Rhythm r, Instant since) {
            households.put(id, new BoundHousehold(new HouseholdListing(id, "C1", "C1-B1", null, null, "张*", 1, 1, "u1", r),
                    since, null, null));
        }

        long due(String unit, YearMonth month) {
            return due.getOrDefault(unit + "@" + month, 0L);
        }

        @Override
        public boolean addDue(String community, String householdId, List<String> path, YearMonth dueMonth) {
            BoundHousehold h = households.get(householdId);
            if (h == null || (h.duePeriod() != null && !h.duePeriod().isBefore(dueMonth))) return false;
            households.put(householdId, new BoundHousehold(h.listing(), h.boundSince(), h.lastVisitAt(), dueMonth));
            for (int i = 0; i < path.size(); i++) due.merge(Unit.node(path.subList(0, i + 1)).code() + "@" + dueMonth, 1L, Long::sum);
            return true;
        }

        @Override
        public List<BoundHousehold> boundIn(String community) {
            return new ArrayList<>(households.values());
        }

        @Override
        public Recorded record(Visit visit) {
            Visit first = visits.putIfAbsent(visit.id(), visit);
            if (first != null) return new Existing(first);
            BoundHousehold h = households.get(visit.householdId());
            if (h != null) households.put(h.listing().id(), new BoundHousehold(h.listing(), h.boundSince(), visit.visitedAt(), h.duePeriod()));
            return new Stored(visit);
        }

        @Override
        public List<BoundHousehold> boundTo(String userId) {
            return households.values().stream().filter(h -> userId.equals(h.listing().boundTo())).toList();
        }

        @Override
        public List<Visit> visitsOf(String community, YearMonth dueMonth) {
            return visits.values().stream().filter(v -> v.community().equals(community) && v.dueMonth().equals(dueMonth)).toList();
        }

        @Override
        public long[] counters(Unit unit, YearMonth month) {
            return new long[] {due(unit.code(), month), 0};
        }

        @Override
        public boolean correct(Unit unit, YearMonth month, long[] read, long[] delta) {
            // as the adapter: the due correction only when the counter still holds what was read (done is not kept here)
            if (due(unit.code(), month) != read[0]) return false;
            due.merge(unit.code() + "@" + month, delta[0], Long::sum);
            return true;
        }
    }
}
