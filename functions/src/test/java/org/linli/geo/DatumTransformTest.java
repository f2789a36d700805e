package org.linli.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatumTransformTest {
    private static final double EPS = 1e-7; // about 1 cm

    /** WGS-84 → GCJ-02 reference pairs published with the open-source eviltransform test suite. */
    @ParameterizedTest
    @CsvSource({
            "31.1774276, 121.5272106, 31.17530398364597, 121.531541859215",   // Shanghai
            "22.543847, 113.912316, 22.540796131694766, 113.9171764808363",   // Shenzhen
            "39.911954, 116.377817, 39.91334545536069, 116.38404722455657"    // Beijing
    })
    void wgs84ToGcj02MatchesPublishedPoints(double wLat, double wLng, double gLat, double gLng) {
        GeoPoint g = new GeoPoint(wLat, wLng, Datum.WGS84).in(Datum.GCJ02);
        assertEquals(gLat, g.lat(), EPS);
        assertEquals(gLng, g.lng(), EPS);
        assertEquals(Datum.GCJ02, g.datum());
    }

    @ParameterizedTest
    @CsvSource({
            "31.1774276, 121.5272106, 31.17530398364597, 121.531541859215",
            "39.911954, 116.377817, 39.91334545536069, 116.38404722455657"
    })
    void gcj02ToWgs84InvertsTheOffset(double wLat, double wLng, double gLat, double gLng) {
        GeoPoint w = new GeoPoint(gLat, gLng, Datum.GCJ02).in(Datum.WGS84);
        assertEquals(wLat, w.lat(), 1e-6);
        assertEquals(wLng, w.lng(), 1e-6);
    }

    @Test
    void roundTripsAcrossChinaToUnderAMillimetre() {
        Random random = new Random(42);
        for (int i = 0; i < 2000; i++) {
            double lat = 18 + random.nextDouble() * 35;
            double lng = 75 + random.nextDouble() * 60;
            GeoPoint w = new GeoPoint(lat, lng, Datum.WGS84);
            GeoPoint back = w.in(Datum.GCJ02).in(Datum.WGS84);
            assertEquals(lat, back.lat(), 1e-8);
            assertEquals(lng, back.lng(), 1e-8);
        }
    }

    @Test
    void theOffsetIsHundredsOfMetresInsideChina() {
        GeoPoint yangquan = new GeoPoint(37.857, 113.58, Datum.WGS84);
        GeoPoint g = yangquan.in(Datum.GCJ02);
        double metres = Math.hypot((g.lat() - yangquan.lat()) * 111_000, (g.lng() - yangquan.lng()) * 88_000);
        assertTrue(metres > 100 && metres < 1000, "offset " + metres + " m");
    }

    @Test
    void outsideChinaTheDatumsCoincide() {
        GeoPoint paris = new GeoPoint(48.8566, 2.3522, Datum.WGS84);
        GeoPoint g = paris.in(Datum.GCJ02);
        assertEquals(paris.lat(), g.lat());
        assertEquals(paris.lng(), g.lng());
    }
}
