package org.linli.kpi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.linli.cases.CaseEvent;
import org.linli.core.StoreUnavailable;

/**
 * Keeps the counters up to date from the {@code case.event} stream. An event only says "this case
 * changed": the folder recomputes the case's facts from its audit trail and applies the difference
 * from what was last folded for it, with the fold record written in the same transaction as the
 * counters (conditional on the record read). So an event delivered twice, late or out of order
 * changes nothing it should not: a stale one finds the record already at or past its version, and
 * any event brings the case's contribution to its current state - a lost event is healed by the
 * next one, or by the recompute.
 */
public final class KpiFolder {
    private static final int ATTEMPTS = 5;

    public enum Result { APPLIED, UNCHANGED, UP_TO_DATE, UNKNOWN_CASE }

    private final CaseTrails trails;
    private final KpiStore store;

    public KpiFolder(CaseTrails trails, KpiStore store) {
        this.trails = trails;
        this.store = store;
    }

    /** Folds the case that event {@code eventVersion} changed (0: whatever its state, as the recompute does). */
    public Result fold(String caseId, long eventVersion) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<KpiStore.Folded> last = store.folded(caseId);
            boolean current = last.isPresent() && last.get().definitions() == CaseFacts.DEFINITIONS;
            if (eventVersion > 0 && current && last.get().facts().version() >= eventVersion) return Result.UP_TO_DATE;
            List<CaseEvent> trail = trails.trail(caseId);
            if (trail.isEmpty()) return Result.UNKNOWN_CASE;
            CaseFacts facts = CaseFacts.of(trail);
            if (current && sameContribution(last.get().facts(), facts)) return Result.UNCHANGED;
            Map<UnitMonth, Tally> deltas = deltas(last.map(KpiStore.Folded::facts).orElse(null), facts);
            if (store.fold(last.orElse(null), new KpiStore.Folded(facts, CaseFacts.DEFINITIONS), deltas)) return Result.APPLIED;
        }
        throw new StoreUnavailable("The KPI counters of case " + caseId + " are busy; the event will be retried.", null);
    }

    /** What changes on each unit when a case's contribution goes from {@code before} (null: none) to {@code after}. */
    public static Map<UnitMonth, Tally> deltas(CaseFacts before, CaseFacts after) {
        Map<UnitMonth, Tally> d = new LinkedHashMap<>();
        if (before != null) {
            for (Unit u : before.units()) d.merge(new UnitMonth(u, before.month()), Tally.ZERO.minus(before.tally()), Tally::plus);
        }
        for (Unit u : after.units()) d.merge(new UnitMonth(u, after.month()), after.tally(), Tally::plus);
        d.values().removeIf(Tally::isZero);
        return d;
    }

    private static boolean sameContribution(CaseFacts a, CaseFacts b) {
        return a.month().equals(b.month()) && a.path().equals(b.path()) && a.departments().equals(b.departments())
                && a.tally().equals(b.tally());
    }
}
