package org.linli.volunteer.points;

import java.time.Instant;
import java.time.YearMonth;

/** One appended ledger line: points (and what was wanted before the cap), why, from what, when. */
public record LedgerEntry(PointsRule rule, String sourceId, int points, int wanted, YearMonth month, String community,
                          Instant at) {}
