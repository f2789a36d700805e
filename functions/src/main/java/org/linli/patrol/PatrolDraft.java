package org.linli.patrol;

import java.time.Instant;
import java.util.List;
import org.linli.geo.GeoPoint;

/**
 * A visit as submitted: the place (exactly one of a building code, a micro-grid or a grid drawn
 * without micro-grids), when, a note and photos, and findings - each of which may ask to become a
 * report ({@code reportCategory}), located at {@code reportPoint}/{@code reportBuilding} or else at
 * the visited building.
 */
public record PatrolDraft(String buildingCode, String microGrid, String grid, Instant visitedAt, String note,
                          List<String> photoKeys, List<FindingDraft> findings) {
    public PatrolDraft {
        photoKeys = List.copyOf(photoKeys);
        findings = List.copyOf(findings);
    }

    public record FindingDraft(String note, List<String> photoKeys, String reportCategory, GeoPoint reportPoint,
                               String reportBuilding) {
        public FindingDraft {
            photoKeys = List.copyOf(photoKeys);
        }
    }
}
