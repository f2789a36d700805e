package org.linli.territory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.linli.geo.Geohash;
import org.linli.testing.DemoGeometry;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

class CellIndexerTest {
    @Test
    void theIndexAgreesWithABruteForceTestEverywhere() {
        // A large, many-vertex polygon (clipped per cell) and small ones (stored whole).
        Geometry circle = DemoGeometry.point(37.85, 113.55).buffer(0.03, 64); // ~260 vertices
        List<TerritoryNode> nodes = List.of(
                new TerritoryNode("BIG", "big", Level.STREET, GridKind.REGULAR, null, List.of("BIG"), circle),
                new TerritoryNode("SMALL", "small", Level.GRID, GridKind.REGULAR, "BIG", List.of("BIG", "SMALL"),
                        DemoGeometry.box(113.54, 37.84, 113.545, 37.846)));
        Map<String, List<CellEntry>> cells = new CellIndexer(6, new GeometryFactory()).index(nodes);
        Random random = new Random(1);
        for (int i = 0; i < 20_000; i++) {
            double lat = 37.81 + random.nextDouble() * 0.08;
            double lng = 113.51 + random.nextDouble() * 0.08;
            var p = DemoGeometry.point(lat, lng);
            List<CellEntry> entries = cells.getOrDefault(Geohash.encode(lat, lng, 6), List.of());
            for (TerritoryNode n : nodes) {
                boolean expected = n.boundary().covers(p);
                boolean indexed = entries.stream().anyMatch(e -> e.code().equals(n.code()) && e.covers(p));
                assertEquals(expected, indexed, n.code() + " at " + lat + "," + lng);
            }
        }
    }

    @Test
    void largePolygonsAreClippedAndInteriorCellsStoredAsFull() {
        Geometry big = DemoGeometry.point(37.85, 113.55).buffer(0.05, 64);
        var cells = new CellIndexer(6, new GeometryFactory()).index(List.of(
                new TerritoryNode("BIG", "big", Level.STREET, GridKind.REGULAR, null, List.of("BIG"), big)));
        long full = cells.values().stream().flatMap(List::stream).filter(CellEntry::full).count();
        long partial = cells.values().stream().flatMap(List::stream).filter(e -> !e.full()).count();
        assertTrue(full > 0, "interior cells need no geometry");
        assertTrue(partial > 0);
        int maxVertices = cells.values().stream().flatMap(List::stream).filter(e -> !e.full())
                .mapToInt(e -> e.geometry().getNumPoints()).max().orElse(0);
        assertTrue(maxVertices < big.getNumPoints() / 2, "clipped parts are small: " + maxVertices);
    }
}
