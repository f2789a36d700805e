package org.linli.kpi;

import java.time.Year;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Persistence of the counters (one item per unit and month), the per-case fold records, and the
 * reads KPIs are served from - each one GetItem or one Query (paged), never a scan.
 */
public interface KpiStore {
    /** What a case contributes now, as last folded: its facts and the definitions they were computed under. */
    record Folded(CaseFacts facts, int definitions) {}

    /** A unit's month as stored; {@code name} and {@code level} are set by the month's plan and may be null. */
    record Stored(Unit unit, YearMonth month, Tally tally, String name, String level) {}

    Optional<Folded> folded(String caseId);

    /**
     * Replaces the case's fold record {@code before} (null: none yet) by {@code after} and adds
     * {@code deltas} to the counters, atomically. False, writing nothing, when the fold record is
     * no longer {@code before} (another consumer folded the case meanwhile).
     */
    boolean fold(Folded before, Folded after, Map<UnitMonth, Tally> deltas);

    Optional<Stored> unit(String code, YearMonth month);

    /** The units ranked under {@code rankParent} in a month (a node's children, or a root's departments). */
    List<Stored> ranked(String rankParent, YearMonth month);

    /** A unit's months of a year, oldest first. */
    List<Stored> months(String code, Year year);

    /** Every unit with counters in a month. */
    List<Stored> unitsOf(YearMonth month);

    /** Every fold record of cases opened in a month. */
    List<Folded> foldsOf(YearMonth month);

    /**
     * Adds {@code delta} to a unit's counters if they still hold {@code read} (ZERO: the item is
     * absent or all zero); false when they changed meanwhile. The recompute's repair.
     */
    boolean correct(UnitMonth key, Tally read, Tally delta);
}
