package org.linli.registers;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.linli.kpi.Unit;

/**
 * 包联 visits and their KPI counters ({@code visitsDue}, {@code visitsDone} per unit and month).
 * A visit is stored with its counters in one transaction; the household keeps the period it was
 * last visited in, so that only the first visit of a period is credited.
 */
public interface VisitStore {
    /**
     * A bound household as the due lists need it: nothing sensitive (the listing's fields, the binding, the last visit,
     * {@code duePeriod}: the due month of the last period it was counted due for, null before the first).
     */
    record BoundHousehold(HouseholdListing listing, Instant boundSince, Instant lastVisitAt, YearMonth duePeriod) {}

    sealed interface Recorded permits Stored, Existing {}

    record Stored(Visit visit) implements Recorded {}

    /** The same visit id was already stored: nothing changed. */
    record Existing(Visit visit) implements Recorded {}

    /** Stores the visit; credited (and counted as done on every node of its path for its due month) when first in its period. */
    Recorded record(Visit visit);

    /**
     * Counts the household due for the period counting in {@code dueMonth}, on every node of {@code path}, once: the
     * household's {@code duePeriod} marker is set in the same write, conditional on it not holding the period yet.
     * False (nothing changed) when it was already counted.
     */
    boolean addDue(String community, String householdId, List<String> path, YearMonth dueMonth);

    /** The households bound to {@code userId}, all of them (a worker has tens). */
    List<BoundHousehold> boundTo(String userId);

    /** The bound households of a community (a community has a few thousand households, a few hundred bound). */
    List<BoundHousehold> boundIn(String community);

    /** A community's visits whose due month is {@code dueMonth}. */
    List<Visit> visitsOf(String community, YearMonth dueMonth);

    /** A unit's visit counters for a month: {@code [due, done]}. */
    long[] counters(Unit unit, YearMonth month);

    /** Adds the deltas to a unit's visit counters if they still hold {@code read}; false when they changed meanwhile. */
    boolean correct(Unit unit, YearMonth month, long[] read, long[] delta);
}
