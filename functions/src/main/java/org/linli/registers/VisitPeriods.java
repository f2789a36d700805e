package org.linli.registers;

import java.time.Instant;
import java.time.YearMonth;
import org.linli.kpi.CaseFacts;

/**
 * The periods of a 包联 rhythm, in the months residents live in (Asia/Shanghai): a month for
 * 一月一联, a calendar quarter for 一季一访. A household is due once per period; a period counts in
 * the KPIs of the month it ends in (its {@link #dueMonth}), so a quarterly household visited in
 * January makes March's visit rate.
 */
public final class VisitPeriods {
    private VisitPeriods() {}

    /** Where a bound household stands in the current period. */
    public enum Status { DONE, DUE, OVERDUE }

    /** The first month of the period holding {@code m}. */
    public static YearMonth start(Rhythm r, YearMonth m) {
        int offset = (m.getMonthValue() - 1) % r.months();
        return m.minusMonths(offset);
    }

    /** The last month of the period holding {@code m}: where it counts. */
    public static YearMonth dueMonth(Rhythm r, YearMonth m) {
        return start(r, m).plusMonths(r.months() - 1L);
    }

    public static YearMonth dueMonth(Rhythm r, Instant at) {
        return dueMonth(r, CaseFacts.monthOf(at));
    }

    /** Whether a period ends in {@code m} for this rhythm (every month for monthly, Mar/Jun/Sep/Dec for quarterly). */
    public static boolean endsIn(Rhythm r, YearMonth m) {
        return dueMonth(r, m).equals(m);
    }

    /**
     * DONE when visited in the current period; OVERDUE when the household was already bound before
     * this period began and its previous period passed without a visit; DUE otherwise.
     */
    public static Status status(Rhythm r, Instant boundSince, Instant lastVisit, Instant now) {
        YearMonth current = start(r, CaseFacts.monthOf(now));
        YearMonth lastVisited = lastVisit == null ? null : CaseFacts.monthOf(lastVisit);
        if (lastVisited != null && !lastVisited.isBefore(current)) return Status.DONE;
        YearMonth previous = current.minusMonths(r.months());
        boolean boundBefore = boundSince != null && CaseFacts.monthOf(boundSince).isBefore(current);
        if (boundBefore && (lastVisited == null || lastVisited.isBefore(previous))) return Status.OVERDUE;
        return Status.DUE;
    }
}
