package org.linli.volunteer.points;

import java.util.List;

/** A member's points for a year, from one query: the balance, each month, and the ledger lines. */
public record PointsStatement(YearAccount account, List<MonthScore> months, List<LedgerEntry> entries) {
    public PointsStatement {
        months = List.copyOf(months);
        entries = List.copyOf(entries);
    }
}
