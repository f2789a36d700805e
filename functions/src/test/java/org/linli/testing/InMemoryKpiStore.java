package org.linli.testing;

import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.linli.kpi.KpiStore;
import org.linli.kpi.Tally;
import org.linli.kpi.UnitMonth;

/** {@link KpiStore} in memory, with the adapter's conditions: the fold record as read, the counters as read. */
public final class InMemoryKpiStore implements KpiStore {
    public final Map<String, Folded> folds = new HashMap<>();
    public final Map<UnitMonth, Tally> counters = new HashMap<>();
    public int writes;

    @Override
    public synchronized Optional<Folded> folded(String caseId) {
        return Optional.ofNullable(folds.get(caseId));
    }

    @Override
    public synchronized boolean fold(Folded before, Folded after, Map<UnitMonth, Tally> deltas) {
        if (!java.util.Objects.equals(folds.get(after.facts().caseId()), before)) return false;
        writes++;
        folds.put(after.facts().caseId(), after);
        deltas.forEach((k, d) -> counters.merge(k, d, Tally::plus));
        return true;
    }

    @Override
    public synchronized Optional<Stored> unit(String code, YearMonth month) {
        return counters.entrySet().stream().filter(e -> e.getKey().unit().code().equals(code) && e.getKey().month().equals(month))
                .findFirst().map(e -> stored(e.getKey(), e.getValue()));
    }

    @Override
    public synchronized List<Stored> ranked(String rankParent, YearMonth month) {
        return counters.entrySet().stream().filter(e -> rankParent.equals(e.getKey().unit().rankParent()) && e.getKey().month().equals(month))
                .map(e -> stored(e.getKey(), e.getValue())).toList();
    }

    @Override
    public synchronized List<Stored> months(String code, Year year) {
        return counters.entrySet().stream().filter(e -> e.getKey().unit().code().equals(code) && e.getKey().month().getYear() == year.getValue())
                .map(e -> stored(e.getKey(), e.getValue())).toList();
    }

    @Override
    public synchronized List<Stored> unitsOf(YearMonth month) {
        return counters.entrySet().stream().filter(e -> e.getKey().month().equals(month)).map(e -> stored(e.getKey(), e.getValue())).toList();
    }

    @Override
    public synchronized List<Folded> foldsOf(YearMonth month) {
        return new ArrayList<>(folds.values().stream().filter(f -> f.facts().month().equals(month)).toList());
    }

    @Override
    public synchronized boolean correct(UnitMonth key, Tally read, Tally delta) {
        if (!counters.getOrDefault(key, Tally.ZERO).casePart().equals(read)) return false;
        counters.merge(key, delta, Tally::plus);
        return true;
    }

    private static Stored stored(UnitMonth k, Tally t) {
        return new Stored(k.unit(), k.month(), t, null, null);
    }

    /** The counters of one unit in one month (zero when absent). */
    public synchronized Tally of(String code, YearMonth month) {
        return counters.entrySet().stream().filter(e -> e.getKey().unit().code().equals(code) && e.getKey().month().equals(month))
                .map(Map.Entry::getValue).findFirst().orElse(Tally.ZERO);
    }

    public synchronized Map<UnitMonth, Tally> snapshot() {
        Map<UnitMonth, Tally> m = new HashMap<>(counters);
        m.values().removeIf(Tally::isZero);
        return m;
    }
}
