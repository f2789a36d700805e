package org.linli.cases;

import java.time.Instant;
import java.util.List;
import org.linli.geo.GeoPoint;
import org.linli.territory.Placement;

/**
 * A case (案卷). Created from its first report; {@code placement} records the map version and the
 * method that placed it; {@code assignee} is null and {@code queueNode} names the dispatcher's
 * node while UNASSIGNED. {@code deadline} is the current step's limit; {@code version} guards
 * concurrent changes.
 */
public record Case(String id, CaseStatus status, String category, MatterType matterType, boolean emergency,
                   List<String> reportIds, List<String> reporterIds, GeoPoint location, String buildingCode,
                   Placement placement, Assignee assignee, String queueNode, Instant createdAt, Instant deadline,
                   long version) {
    public Case {
        reportIds = List.copyOf(reportIds);
        reporterIds = List.copyOf(reporterIds);
    }

    /** The territory codes the case sits under, root first: what staff scope is checked against. */
    public List<String> territoryPath() {
        if (!placement.path().isEmpty()) return placement.path();
        return queueNode == null ? List.of() : List.of(queueNode);
    }
}
