package org.linli.territory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.geo.Datum;
import org.linli.geo.GeoPoint;
import org.linli.testing.InMemoryTerritory;
import org.linli.testing.SmallTerritory;

class LocatorTest {
    private InMemoryTerritory territory;
    private Locator locator;

    @BeforeEach
    void publish() {
        territory = new InMemoryTerritory();
        new MapPublisher(territory).publish(SmallTerritory.map(), "test");
        locator = new Locator(territory);
    }

    @Test
    void theSameSpotInGcj02AndWgs84LandsOnTheSameGrid() {
        GeoPoint gcj = new GeoPoint(37.85, 113.56, Datum.GCJ02);
        GeoPoint wgs = gcj.in(Datum.WGS84);
        assertEquals("G2", locator.locate(gcj, null).grid().code());
        assertEquals("G2", locator.locate(wgs, null).grid().code());
    }

    @Test
    void aWgs84PointIsNotTakenAsGcj02() {
        // The raw WGS-84 numbers of a point near the shared edge fall in the other grid if not converted.
        GeoPoint gcj = new GeoPoint(37.85, SmallTerritory.SHARED_LNG + 0.0005, Datum.GCJ02);
        GeoPoint wgs = gcj.in(Datum.WGS84);
        GeoPoint misread = new GeoPoint(wgs.lat(), wgs.lng(), Datum.GCJ02);
        assertEquals("G2", locator.locate(wgs, null).grid().code());
        assertEquals("G1", locator.locate(misread, null).grid().code());
    }

    @Test
    void aKnownBuildingCodeWinsOverThePoint() {
        Placement p = locator.locate(new GeoPoint(37.85, 113.535, Datum.GCJ02), "B-G2-01");
        assertEquals(Placement.Method.BUILDING, p.method());
        assertEquals("G2", p.grid().code());
    }

    @Test
    void anUnknownBuildingFallsBackToThePoint() {
        Placement p = locator.locate(new GeoPoint(37.85, 113.56, Datum.GCJ02), "NO-SUCH");
        assertEquals(Placement.Method.POINT, p.method());
        assertEquals("G2", p.grid().code());
    }

    @Test
    void microGridsAndDedicatedGridsAreFound() {
        Placement p = locator.locate(new GeoPoint(37.842, 113.545, Datum.GCJ02), null);
        assertEquals("G1", p.grid().code());
        assertEquals("G1-M2", p.microGrid().code());
        assertEquals("G1S", locator.locate(new GeoPoint(37.847, 113.537, Datum.GCJ02), null).grid().code());
    }

    @Test
    void aStreetWithoutGridsKeepsItsStreet() {
        Placement p = locator.locate(new GeoPoint(37.81, 113.51, Datum.GCJ02), null);
        assertFalse(p.inGrid());
        assertEquals("S2", p.codeAt(Level.STREET));
    }

    @Test
    void aLookupIsTwoReadsWhateverThePoint() {
        territory.reads = 0;
        locator.locate(new GeoPoint(37.85, 113.56, Datum.GCJ02), null);
        assertEquals(2, territory.reads, "map pointer + one cell");
        territory.reads = 0;
        locator.locate(null, "B-G2-01");
        assertEquals(2, territory.reads, "map pointer + one building");
    }
}
