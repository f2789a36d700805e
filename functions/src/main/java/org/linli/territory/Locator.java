package org.linli.territory;

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
