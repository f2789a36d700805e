package org.linli.territory;

import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * A node of one map version. {@code path} lists codes from the root down to this node;
 * {@code boundary} (lng/lat, in the map's datum) is required for grids and micro-grids and
 * optional above them.
 */
public record TerritoryNode(String code, String name, Level level, GridKind kind, String parentCode,
                            List<String> path, Geometry boundary) {
    public TerritoryNode {
        path = List.copyOf(path);
        if (kind == null) kind = GridKind.REGULAR;
    }

    public NodeRef ref() {
        return new NodeRef(code, name, level);
    }
}
