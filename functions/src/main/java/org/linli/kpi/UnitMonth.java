package org.linli.kpi;

import java.time.YearMonth;

/** One unit's counters for one month: the item a fold adds to. */
public record UnitMonth(Unit unit, YearMonth month) {}
