package org.linli.territory.imports;

import org.linli.territory.GridKind;
import org.linli.territory.Level;
import org.locationtech.jts.geom.Geometry;

/**
 * One GeoJSON feature as read, before the checks that need the whole territory. Fields that
 * could not be read are null (their problem is already reported); {@code geometryBroken} says the
 * feature had a geometry that could not be read, so that it is not also reported as missing one.
 * {@code level} is null for a compound ({@code compound} true) or an unreadable level.
 */
public record ImportedFeature(int index, String code, String name, Level level, boolean compound, GridKind kind,
                              String parent, Geometry boundary, boolean geometryBroken) {
    public String levelName() {
        return compound ? "COMPOUND" : level == null ? null : level.name();
    }
}
