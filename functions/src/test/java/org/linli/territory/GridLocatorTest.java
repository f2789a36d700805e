package org.linli.territory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.linli.testing.DemoGeometry;

class GridLocatorTest {
    private static CellEntry grid(String code, String wkt) {
        return new CellEntry(code, code, Level.GRID, GridKind.REGULAR, List.of("C", code), false, DemoGeometry.wkt(wkt));
    }

    @Test
    void aPointOnASharedBoundaryAlwaysGoesToTheLowestCode() {
        CellEntry west = grid("G-B", "POLYGON((0 0, 1 0, 1 1, 0 1, 0 0))");
        CellEntry east = grid("G-A", "POLYGON((1 0, 2 0, 2 1, 1 1, 1 0))");
        var onEdge = DemoGeometry.point(0.5, 1.0);
        assertEquals("G-A", GridLocator.locate(1, List.of(west, east), onEdge).grid().code());
        assertEquals("G-A", GridLocator.locate(1, List.of(east, west), onEdge).grid().code(), "order does not matter");
    }

    @Test
    void strictlyInsideBeatsOnTheBoundary() {
        // The point is on G-A's edge but strictly inside G-Z (overlapping data): G-Z wins despite its code.
        CellEntry a = grid("G-A", "POLYGON((0 0, 1 0, 1 1, 0 1, 0 0))");
        CellEntry z = grid("G-Z", "POLYGON((0.5 0, 2 0, 2 1, 0.5 1, 0.5 0))");
        assertEquals("G-Z", GridLocator.locate(1, List.of(a, z), DemoGeometry.point(0.5, 1.0)).grid().code());
    }

    @Test
    void aHoleIsNotInsideItsPolygon() {
        CellEntry ring = grid("G-RING", "POLYGON((0 0, 4 0, 4 4, 0 4, 0 0), (1 1, 3 1, 3 3, 1 3, 1 1))");
        CellEntry islet = grid("G-ISLET", "POLYGON((1 1, 3 1, 3 3, 1 3, 1 1))");
        assertEquals("G-RING", GridLocator.locate(1, List.of(ring, islet), DemoGeometry.point(0.5, 0.5)).grid().code());
        assertEquals("G-ISLET", GridLocator.locate(1, List.of(ring, islet), DemoGeometry.point(2, 2)).grid().code());
        // On the hole's edge both cover the point; the islet has it... on its boundary too: lowest code.
        assertEquals("G-ISLET", GridLocator.locate(1, List.of(ring, islet), DemoGeometry.point(1, 2)).grid().code());
    }

    @Test
    void aMultiPolygonGridIsFoundInEachOfItsParts() {
        CellEntry two = grid("G-2P", "MULTIPOLYGON(((0 0, 1 0, 1 1, 0 1, 0 0)), ((3 0, 4 0, 4 1, 3 1, 3 0)))");
        assertEquals("G-2P", GridLocator.locate(1, List.of(two), DemoGeometry.point(0.5, 3.5)).grid().code());
        assertFalse(GridLocator.locate(1, List.of(two), DemoGeometry.point(0.5, 2)).inGrid(), "the gap between the parts");
    }

    @Test
    void aDedicatedGridBeatsTheRegularGridAroundIt() {
        CellEntry regular = grid("G1", "POLYGON((0 0, 4 0, 4 4, 0 4, 0 0))");
        CellEntry school = new CellEntry("G0-SCHOOL", "school", Level.GRID, GridKind.SCHOOL, List.of("C", "G0-SCHOOL"), false,
                DemoGeometry.wkt("POLYGON((1 1, 2 1, 2 2, 1 2, 1 1))"));
        assertEquals("G0-SCHOOL", GridLocator.locate(1, List.of(regular, school), DemoGeometry.point(1.5, 1.5)).grid().code());
    }

    @Test
    void theMicroGridMustBelongToTheChosenGrid() {
        CellEntry g = grid("G1", "POLYGON((0 0, 2 0, 2 2, 0 2, 0 0))");
        CellEntry m = new CellEntry("G1-M1", "m", Level.MICRO_GRID, GridKind.REGULAR, List.of("C", "G1", "G1-M1"), false,
                DemoGeometry.wkt("POLYGON((0 0, 1 0, 1 1, 0 1, 0 0))"));
        Placement p = GridLocator.locate(3, List.of(g, m), DemoGeometry.point(0.5, 0.5));
        assertEquals("G1", p.grid().code());
        assertEquals("G1-M1", p.microGrid().code());
        assertEquals(List.of("C", "G1", "G1-M1"), p.path());
        assertEquals(3, p.mapVersion());
        assertEquals("C", p.codeAt(Level.COMMUNITY));
    }

    @Test
    void aPointInAStreetButNoGridKeepsTheStreet() {
        CellEntry street = new CellEntry("S", "street", Level.STREET, GridKind.REGULAR, List.of("D", "S"), true, null);
        Placement p = GridLocator.locate(1, List.of(street), DemoGeometry.point(5, 5));
        assertFalse(p.inGrid());
        assertEquals("S", p.codeAt(Level.STREET));
        assertEquals("D", p.codeAt(Level.DISTRICT));
        assertNull(p.codeAt(Level.COMMUNITY));
    }

    @Test
    void nothingContainingMeansNowhere() {
        Placement p = GridLocator.locate(1, List.of(), DemoGeometry.point(0, 0));
        assertEquals(Placement.Method.NONE, p.method());
        assertNull(p.deepest());
    }
}
