package org.linli.registers;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.linli.patrol.Patrol;

/**
 * A 包联 visit to a care household: who visited, when, the household's territory path (its
 * building's: community, grid, micro-grid), a note and the findings (each possibly a report, as on
 * a patrol). {@code dueMonth}: the month its period (the binding's rhythm) ends in - where the
 * visit counts in the KPIs; {@code credited}: the first visit of the household in that period (the
 * one that makes the visit rate move; later ones are kept, not counted).
 */
public record Visit(String id, String community, String householdId, String visitorId, List<String> path, Instant visitedAt,
                    YearMonth dueMonth, String note, List<Patrol.Finding> findings, boolean credited, Instant createdAt) {
    public Visit {
        path = List.copyOf(path);
        findings = List.copyOf(findings);
    }

    public Visit credited(boolean c) {
        return new Visit(id, community, householdId, visitorId, path, visitedAt, dueMonth, note, findings, c, createdAt);
    }
}
