package org.linli.testing.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Year;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.linli.kpi.CaseFacts;
import org.linli.kpi.Counter;
import org.linli.kpi.KpiFolder;
import org.linli.kpi.KpiStore;
import org.linli.kpi.Tally;
import org.linli.kpi.Unit;
import org.linli.kpi.UnitMonth;

/**
 * What every {@link KpiStore} does, written once: run against InMemoryKpiStore and against DynamoDB Local, where a
 * hot unit's counters (the root, the nodes below it, the departments) are spread over shards that every read adds
 * up. Unit codes and the month are fresh per instance (the table is shared with other suites), so listings by month
 * are filtered to this run's units.
 */
public abstract class KpiStoreContract {
    protected abstract KpiStore store();

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    /** A month no other suite writes: a random one between 2200 and 2999. */
    private final YearMonth month = YearMonth.of(2200 + ThreadLocalRandom.current().nextInt(800), 1 + ThreadLocalRandom.current().nextInt(12));
    private final String root = "R" + run;
    private final String district = root + "-D";
    private final String street = district + "-S";
    private final String grid = street + "-G";
    private final String department = "DEPT" + run;
    private final List<String> path = List.of(root, district, street, grid);

    private CaseFacts facts(String caseId, long version, Tally tally) {
        return new CaseFacts(caseId + run, version, month, path, List.of(department), tally);
    }

    private static Tally received(long n) {
        return Tally.ZERO.with(Counter.RECEIVED, n);
    }

    private boolean foldNew(CaseFacts f) {
        return store().fold(null, new KpiStore.Folded(f, CaseFacts.DEFINITIONS), deltas(null, f));
    }

    private static Map<UnitMonth, Tally> deltas(CaseFacts before, CaseFacts after) {
        return KpiFolder.deltas(before, after);
    }

    private Tally at(String code) {
        return store().unit(code, month).map(KpiStore.Stored::tally).orElse(Tally.ZERO);
    }

    private List<KpiStore.Stored> mine(List<KpiStore.Stored> all) {
        return all.stream().filter(s -> s.unit().code().contains(run)).toList();
    }

    @Test
    void aFoldRecordsTheCaseAndAddsToEveryUnitItCountsIn() {
        CaseFacts f = facts("case-a", 3, received(1).with(Counter.RESPONDED, 1));
        assertEquals(Optional.empty(), store().folded(f.caseId()));
        assertTrue(foldNew(f));
        assertEquals(Optional.of(new KpiStore.Folded(f, CaseFacts.DEFINITIONS)), store().folded(f.caseId()));
        for (String code : List.of(root, district, street, grid, department)) assertEquals(f.tally(), at(code), code);
        assertEquals(List.of(f.caseId()), store().foldsOf(month).stream().map(x -> x.facts().caseId()).filter(id -> id.endsWith(run)).toList());
    }

    @Test
    void aFoldConditionalOnARecordThatChangedWritesNothing() {
        CaseFacts first = facts("case-b", 1, received(1));
        assertTrue(foldNew(first));
        assertFalse(foldNew(first), "a second first fold of the case finds its record");
        CaseFacts later = facts("case-b", 2, received(1).with(Counter.CLOSED, 1));
        KpiStore.Folded stale = new KpiStore.Folded(facts("case-b", 7, received(1)), CaseFacts.DEFINITIONS);
        assertFalse(store().fold(stale, new KpiStore.Folded(later, CaseFacts.DEFINITIONS), deltas(first, later)));
        assertEquals(received(1), at(root));
        assertTrue(store().fold(new KpiStore.Folded(first, CaseFacts.DEFINITIONS), new KpiStore.Folded(later, CaseFacts.DEFINITIONS),
                deltas(first, later)));
        assertEquals(later.tally(), at(root));
        assertEquals(later.tally(), at(grid));
    }

    @Test
    void manyCasesAddUpOnEveryUnitAndEveryListing() {
        for (int i = 0; i < 24; i++) assertTrue(foldNew(facts("case-many-" + i, 1, received(1).with(Counter.OVERDUE, i % 2))));
        Tally want = received(24).with(Counter.OVERDUE, 12);
        for (String code : List.of(root, district, street, grid, department)) assertEquals(want, at(code), code);

        List<KpiStore.Stored> units = mine(store().unitsOf(month));
        assertEquals(5, units.size(), "each unit listed once: " + units);
        units.forEach(s -> assertEquals(want, s.tally(), s.unit().code()));

        List<KpiStore.Stored> underRoot = store().ranked(root, month);
        assertEquals(List.of(district), underRoot.stream().map(s -> s.unit().code()).toList());
        assertEquals(want, underRoot.get(0).tally());
        assertEquals(Unit.node(List.of(root, district)), underRoot.get(0).unit());
        List<KpiStore.Stored> departments = store().ranked(Unit.departmentsOf(root), month);
        assertEquals(List.of(department), departments.stream().map(s -> s.unit().code()).toList());
        assertEquals(want, departments.get(0).tally());

        for (String code : List.of(root, grid)) {
            List<KpiStore.Stored> months = store().months(code, Year.of(month.getYear()));
            assertEquals(List.of(month), months.stream().map(KpiStore.Stored::month).toList(), code);
            assertEquals(want, months.get(0).tally(), code);
        }
        assertEquals(List.of(), store().months(root, Year.of(month.getYear() + 1)));
    }

    @Test
    void aRepairAddsOnlyWhileTheCountersStillHoldWhatWasRead() {
        for (int i = 0; i < 5; i++) assertTrue(foldNew(facts("case-fix-" + i, 1, received(1))));
        for (String code : List.of(root, grid)) {
            Unit unit = store().unit(code, month).orElseThrow().unit();
            UnitMonth key = new UnitMonth(unit, month);
            assertFalse(store().correct(key, received(4), received(2)), "counters read as 4 are 5: " + code);
            assertEquals(received(5), at(code));
            assertTrue(store().correct(key, received(5), received(-2)), code);
            assertEquals(received(3), at(code));
        }
        Unit absent = Unit.node(List.of(root, district + "-nothing"));
        assertFalse(store().correct(new UnitMonth(absent, month), received(1), received(1)));
        assertTrue(store().correct(new UnitMonth(absent, month), Tally.ZERO, received(2)));
        assertEquals(received(2), at(absent.code()));
    }
}
