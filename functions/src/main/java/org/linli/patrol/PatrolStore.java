package org.linli.patrol;

import java.time.YearMonth;
import java.util.Optional;
import org.linli.core.Page;
import org.linli.kpi.Unit;

/** Patrol visits and the patrol counters of the KPI units, written together. */
public interface PatrolStore {
    /** What recording a visit did. */
    sealed interface Recorded permits Stored, Existing {}

    /** Stored now; {@code credited} when it counted toward the plan. */
    record Stored(Patrol patrol) implements Recorded {}

    /** The same visit (same id) was already recorded: nothing changed. */
    record Existing(Patrol patrol) implements Recorded {}

    /**
     * Stores the visit and, in the same transaction, adds it to the patrol counters of every node
     * of its path for its month - credited toward the plan while its unit has fewer than
     * {@code visitsPerUnit} credited visits that month.
     */
    Recorded record(Patrol patrol, int visitsPerUnit);

    Optional<Patrol> find(String id);

    /** A patroller's visits, newest first. */
    Page<Patrol> byPatroller(String userId, int limit, String cursor);

    /** Sets a unit's planned visits for a month (with its name and level), keeping its counters. */
    void plan(Unit unit, YearMonth month, String name, String level, long planned);
}
