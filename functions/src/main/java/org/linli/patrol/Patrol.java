package org.linli.patrol;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * One patrol visit: who, where ({@code unit}, the micro-grid - or gridless grid - visited, with its
 * territory path; {@code buildingCode} when a building was named), when, what was seen, and the
 * reports its findings became. {@code credited}: whether it counted toward the month's plan
 * (visits beyond the plan's N per unit are kept but not credited).
 */
public record Patrol(String id, String patrollerId, String unit, List<String> path, String buildingCode, Instant visitedAt,
                     YearMonth month, String note, List<String> photoKeys, List<Finding> findings, boolean credited,
                     Instant createdAt) {
    public Patrol {
        path = List.copyOf(path);
        photoKeys = List.copyOf(photoKeys);
        findings = List.copyOf(findings);
    }

    /** Something seen; {@code reportId} when it was reported (source PATROL) in the same step. */
    public record Finding(String note, List<String> photoKeys, String category, String reportId) {
        public Finding {
            photoKeys = List.copyOf(photoKeys);
        }
    }

    public Patrol credited(boolean c) {
        return new Patrol(id, patrollerId, unit, path, buildingCode, visitedAt, month, note, photoKeys, findings, c, createdAt);
    }
}
