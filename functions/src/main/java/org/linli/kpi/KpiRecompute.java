package org.linli.kpi;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linli.core.Page;

/**
 * Rebuilds a month's counters from the cases. First every case opened in the month is folded
 * again from its audit trail (a page at a time: the command is resumable by its cursor), which
 * brings each case's fold record - and, through it, the counters - to the case's current state
 * under the current definitions. Then, on the last page, every unit's counters are compared with
 * the sum of the fold records, and with {@code repair} the differences are written back.
 *
 * <p>Safe while events keep arriving: folding a case is conditional on its fold record, and a
 * repair is conditional on the counters still holding what was read - which was read before the
 * fold records, so that a fold landing in between shows up as a changed counter and the unit is
 * simply checked again.
 */
public final class KpiRecompute {
    private static final int REPAIR_ATTEMPTS = 3;

    private final CaseTrails trails;
    private final KpiStore store;
    private final KpiFolder folder;

    public KpiRecompute(CaseTrails trails, KpiStore store) {
        this.trails = trails;
        this.store = store;
        this.folder = new KpiFolder(trails, store);
    }

    /** A unit whose stored counters differ from the sum of its cases' fold records. */
    public record Difference(String unit, Map<Counter, Long> stored, Map<Counter, Long> expected) {}

    /** What one run did: cases walked and re-folded; on the last page, the differences found and repaired. */
    public record Run(YearMonth month, int cases, int refolded, String nextCursor, List<Difference> differences, int repaired) {}

    public Run run(YearMonth month, String cursor, int pageSize, boolean repair) {
        Page<String> page = trails.openedIn(month, pageSize, cursor);
        int refolded = 0;
        for (String caseId : page.items()) {
            if (folder.fold(caseId, 0) == KpiFolder.Result.APPLIED) refolded++;
        }
        if (page.nextCursor() != null) return new Run(month, page.items().size(), refolded, page.nextCursor(), List.of(), 0);
        List<Difference> differences = new ArrayList<>();
        int repaired = 0;
        for (int attempt = 0; attempt < REPAIR_ATTEMPTS; attempt++) {
            differences.clear();
            boolean retry = false;
            Map<UnitMonth, Tally> stored = new HashMap<>();
            for (KpiStore.Stored s : store.unitsOf(month)) stored.put(new UnitMonth(s.unit(), month), s.tally().casePart());
            Map<UnitMonth, Tally> expected = expected(store.foldsOf(month), month);
            Map<UnitMonth, Tally> all = new LinkedHashMap<>(expected);
            stored.keySet().forEach(k -> all.putIfAbsent(k, Tally.ZERO));
            for (UnitMonth key : all.keySet()) {
                Tally want = expected.getOrDefault(key, Tally.ZERO);
                Tally have = stored.getOrDefault(key, Tally.ZERO);
                if (want.equals(have)) continue;
                differences.add(new Difference(key.unit().code(), have.asMap(), want.asMap()));
                if (repair) {
                    if (store.correct(key, have, want.minus(have))) repaired++;
                    else retry = true;
                }
            }
            if (!retry) break;
        }
        return new Run(month, page.items().size(), refolded, null, List.copyOf(differences), repaired);
    }

    /** The counters a month's fold records add up to, per unit. */
    public static Map<UnitMonth, Tally> expected(List<KpiStore.Folded> folds, YearMonth month) {
        Map<UnitMonth, Tally> sum = new LinkedHashMap<>();
        for (KpiStore.Folded f : folds) {
            if (!f.facts().month().equals(month)) continue;
            for (Unit u : f.facts().units()) sum.merge(new UnitMonth(u, month), f.facts().tally(), Tally::plus);
        }
        sum.values().removeIf(Tally::isZero);
        return sum;
    }
}
