package org.linli.testing.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.linli.cycle.Checkpoint;
import org.linli.cycle.CycleStore;
import org.linli.cycle.MonthlySummary;

/**
 * What every {@link CycleStore} does, written once: run against InMemoryCycleStore and against DynamoDB Local.
 * Cycle ids and communities are fresh per instance (the table is shared).
 */
public abstract class CycleStoreContract {
    protected abstract CycleStore store();

    private static final Instant AT = Instant.parse("2026-11-18T02:00:00Z");
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String community = "C" + run;

    private MonthlySummary summary(YearMonth month, int collected) {
        return new MonthlySummary(community, month, collected, 3, 2, 1, 4, 3, 1, 2, AT);
    }

    @Test
    void aCheckpointMovesOneVersionAtATime() {
        String cycle = "cyc_" + run;
        assertEquals(Optional.empty(), store().checkpoint(cycle, community));
        Checkpoint start = Checkpoint.start(cycle, community, AT);
        Checkpoint first = start.after(10, "page-2", 2, AT.plusSeconds(5));
        assertTrue(store().save(first), "version 1 over none");
        assertFalse(store().save(first), "version 1 again: another dispatch wrote it");
        Checkpoint second = first.after(10, null, 2, AT.plusSeconds(10));
        Checkpoint third = second.after(5, null, 2, AT.plusSeconds(15));
        assertFalse(store().save(third), "version 3 over 1");
        assertTrue(store().save(second));
        assertEquals(Optional.of(second), store().checkpoint(cycle, community));
        assertEquals(Optional.empty(), store().checkpoint(cycle, community + "-other"));
    }

    @Test
    void aSummaryIsKeptOnceAndTheFirstStays() {
        YearMonth month = YearMonth.of(2026, 10);
        MonthlySummary first = summary(month, 5);
        assertEquals(first, store().keep(first));
        assertEquals(first, store().keep(summary(month, 9)), "the stored one comes back");
        assertEquals(Optional.of(first), store().summary(community, month));
        assertEquals(Optional.empty(), store().summary(community, month.minusMonths(1)));
    }

    @Test
    void aCommunitysSummariesAreListedNewestFirstPageByPage() {
        for (int m = 1; m <= 3; m++) store().keep(summary(YearMonth.of(2026, m), m));
        List<YearMonth> months = Paging.all(2, cursor -> store().summaries(community, 2, cursor)).stream().map(MonthlySummary::month).toList();
        assertEquals(List.of(YearMonth.of(2026, 3), YearMonth.of(2026, 2), YearMonth.of(2026, 1)), months);
        assertFalse(store().summaries(community, 2, null).nextCursor() == null, "a full page says there may be more");
    }
}
