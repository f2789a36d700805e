package org.linli.territory;

import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * A node of the registry as the read API shows it: a level of the hierarchy or a compound
 * ({@code level} "COMPOUND"). {@code boundary} may be null (upper levels, compounds without one).
 */
public record RegistryNode(String code, String name, String level, GridKind kind, String parentCode,
                           List<String> path, Geometry boundary) {
    public static final String COMPOUND = "COMPOUND";

    public RegistryNode {
        path = List.copyOf(path);
        if (kind == null) kind = GridKind.REGULAR;
    }

    public static RegistryNode of(TerritoryNode n) {
        return new RegistryNode(n.code(), n.name(), n.level().name(), n.kind(), n.parentCode(), n.path(), n.boundary());
    }

    public static RegistryNode of(Compound c) {
        return new RegistryNode(c.code(), c.name(), COMPOUND, GridKind.REGULAR, c.parentCode(), c.path(), c.boundary());
    }

    public boolean compound() {
        return COMPOUND.equals(level);
    }
}
