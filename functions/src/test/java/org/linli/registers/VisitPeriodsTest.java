package org.linli.registers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class VisitPeriodsTest {
    private static Instant at(String shanghai) {
        return java.time.OffsetDateTime.parse(shanghai + "+08:00").toInstant();
    }

    @Test
    void aQuarterlyPeriodCountsInTheMonthItEnds() {
        assertEquals(YearMonth.of(2026, 3), VisitPeriods.dueMonth(Rhythm.QUARTERLY, YearMonth.of(2026, 1)));
        assertEquals(YearMonth.of(2026, 12), VisitPeriods.dueMonth(Rhythm.QUARTERLY, YearMonth.of(2026, 10)));
        assertEquals(YearMonth.of(2026, 2), VisitPeriods.dueMonth(Rhythm.MONTHLY, YearMonth.of(2026, 2)));
        assertTrue(VisitPeriods.endsIn(Rhythm.QUARTERLY, YearMonth.of(2026, 6)));
        assertFalse(VisitPeriods.endsIn(Rhythm.QUARTERLY, YearMonth.of(2026, 5)));
        // Shanghai's month: 1 December 00:30 in Beijing is still 30 November in UTC.
        assertEquals(YearMonth.of(2026, 12), VisitPeriods.dueMonth(Rhythm.MONTHLY, at("2026-12-01T00:30:00")));
    }

    @Test
    void doneDueOrOverdue() {
        Instant now = at("2026-12-15T10:00:00");
        assertEquals(VisitPeriods.Status.DONE, VisitPeriods.status(Rhythm.MONTHLY, at("2026-10-01T09:00:00"), at("2026-12-02T09:00:00"), now));
        assertEquals(VisitPeriods.Status.DUE, VisitPeriods.status(Rhythm.MONTHLY, at("2026-12-01T09:00:00"), null, now),
                "bound this month: due, not overdue");
        assertEquals(VisitPeriods.Status.DUE, VisitPeriods.status(Rhythm.MONTHLY, at("2026-10-01T09:00:00"), at("2026-11-20T09:00:00"), now));
        assertEquals(VisitPeriods.Status.OVERDUE, VisitPeriods.status(Rhythm.MONTHLY, at("2026-10-01T09:00:00"), at("2026-10-20T09:00:00"), now),
                "November passed without a visit");
        assertEquals(VisitPeriods.Status.DONE, VisitPeriods.status(Rhythm.QUARTERLY, at("2026-01-01T09:00:00"), at("2026-10-05T09:00:00"), now));
        assertEquals(VisitPeriods.Status.OVERDUE, VisitPeriods.status(Rhythm.QUARTERLY, at("2026-01-01T09:00:00"), at("2026-05-05T09:00:00"), now));
    }

    @Test
    void theCycleRemindsEachBoundPersonOfHisHouseholdsStillDue() {
        Instant now = at("2026-12-20T09:00:00");
        java.util.List<VisitStore.BoundHousehold> bound = java.util.List.of(
                bound("hh_1", "usr_a", Rhythm.MONTHLY, at("2026-10-01T09:00:00"), at("2026-12-02T09:00:00")), // done
                bound("hh_2", "usr_a", Rhythm.MONTHLY, at("2026-10-01T09:00:00"), null),                      // overdue
                bound("hh_3", "usr_a", Rhythm.QUARTERLY, at("2026-10-01T09:00:00"), at("2026-11-02T09:00:00")), // done this quarter
                bound("hh_4", "usr_b", Rhythm.MONTHLY, at("2026-12-10T09:00:00"), null));                     // due
        assertEquals(java.util.Map.of("usr_a", 1, "usr_b", 1), Visits.stillDue(bound, now));
    }

    private static VisitStore.BoundHousehold bound(String id, String user, Rhythm r, Instant since, Instant last) {
        return new VisitStore.BoundHousehold(new HouseholdListing(id, "C1", "C1-B1", null, null, "张*", 1, 1, user, r), since, last, null);
    }
}
