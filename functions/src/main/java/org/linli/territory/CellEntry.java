package org.linli.territory;

import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * One node's share of one index cell. {@code full} means the node covers the whole cell (no
 * geometry stored); otherwise {@code geometry} is the node's polygon, or its part inside the cell.
 * {@code path} holds the codes from the root down to and including this node.
 */
public record CellEntry(String code, String name, Level level, GridKind kind, List<String> path,
                        boolean full, Geometry geometry) {
    public CellEntry {
        path = List.copyOf(path);
        if (!full && geometry == null) throw new IllegalArgumentException("a partial entry needs its geometry");
    }

    /** Inside or on the boundary. */
    public boolean covers(Point p) {
        return full || geometry.covers(p);
    }

    /** Strictly inside: used to break ties on shared boundaries. */
    public boolean interior(Point p) {
        return full || geometry.contains(p);
    }

    public NodeRef ref() {
        return new NodeRef(code, name, level);
    }
}
