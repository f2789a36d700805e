package org.linli.territory;

import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * A residential compound (小区): not a level of the governance hierarchy but a place residents
 * know, listed under its community (or grid) so that the mini-program can offer its buildings in a
 * picker. {@code boundary} is optional; compounds are not in the cell index (grids decide placement).
 */
public record Compound(String code, String name, String parentCode, List<String> path, Geometry boundary) {
    public Compound {
        path = List.copyOf(path);
    }
}
