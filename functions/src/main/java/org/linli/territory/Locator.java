package org.linli.territory;

import java.util.List;
import org.linli.geo.Geohash;
import org.linli.geo.GeoPoint;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/**
 * Places a location on the current map: a known building code first (one key lookup), else the
 * point, converted to the map's datum, through its index cell and an exact point-in-polygon test.
 */
public final class Locator {
    private final TerritoryDirectory directory;
    private final GeometryFactory geometry = new GeometryFactory();

    public Locator(TerritoryDirectory directory) {
        this.directory = directory;
    }

    /**
     * As {@link #locate(GeoPoint, String)}, and when neither places it, the node the place is only
     * known to lie in ({@code placeCode}, one more lookup): placed there with no grid, so that the
     * case waits in the dispatch queue above it (a street's, for a street or community).
     */
    public Placement locate(GeoPoint point, String buildingCode, String placeCode) {
        Placement p = locate(point, buildingCode);
        if (p.method() != Placement.Method.NONE || placeCode == null) return p;
        return directory.node(p.mapVersion(), placeCode)
                .filter(n -> !n.compound())
                .map(n -> {
                    Level level = Level.valueOf(n.level());
                    // A grid named in an address is not a place a worker can be sent to: its community's queue.
                    List<String> path = n.path();
                    while (level.depth() > Level.COMMUNITY.depth() && path.size() > 1) {
                        path = path.subList(0, path.size() - 1);
                        level = Level.values()[level.ordinal() - 1];
                    }
                    String code = path.get(path.size() - 1);
                    NodeRef deepest = new NodeRef(code, code.equals(n.code()) ? n.name() : null, level);
                    return new Placement(p.mapVersion(), Placement.Method.NONE, null, null, deepest, path);
                })
                .orElse(p);
    }

    public Placement locate(GeoPoint point, String buildingCode) {
        MapInfo map = directory.currentMap();
        if (buildingCode != null) {
            var building = directory.building(map.version(), buildingCode);
            if (building.isPresent()) {
                BuildingRecord b = building.get();
                return new Placement(map.version(), Placement.Method.BUILDING, b.grid(), b.microGrid(),
                        b.microGrid() != null ? b.microGrid() : b.grid(), b.path());
            }
        }
        if (point == null) return Placement.nowhere(map.version());
        GeoPoint p = point.in(map.datum());
        Point jts = geometry.createPoint(new Coordinate(p.lng(), p.lat()));
        String cell = Geohash.encode(p.lat(), p.lng(), map.cellPrecision());
        return GridLocator.locate(map.version(), directory.cell(map.version(), cell), jts);
    }

    public MapInfo currentMap() {
        return directory.currentMap();
    }
}
