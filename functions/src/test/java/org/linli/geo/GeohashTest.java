package org.linli.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class GeohashTest {
    @Test
    void encodesTheWellKnownExample() {
        // The example of the original geohash.org description.
        assertEquals("u4pruydqqvj", Geohash.encode(57.64911, 10.40744, 11));
        assertEquals("ezs42", Geohash.encode(42.6, -5.6, 5));
    }

    @Test
    void aPointLiesInsideTheBoundsOfItsCell() {
        Random random = new Random(7);
        for (int i = 0; i < 5000; i++) {
            double lat = -89 + random.nextDouble() * 178;
            double lng = -179 + random.nextDouble() * 358;
            int precision = 1 + random.nextInt(9);
            double[] b = Geohash.bounds(Geohash.encode(lat, lng, precision));
            assertTrue(lat >= b[0] && lat < b[2] && lng >= b[1] && lng < b[3]);
        }
    }

    @Test
    void cellsAreClosedBelowAndOpenAbove() {
        double[] b = Geohash.bounds("wwe5n5");
        assertEquals("wwe5n5", Geohash.encode(b[0], b[1], 6), "lower-left corner belongs to the cell");
        assertTrue(!Geohash.encode(b[2], b[3], 6).equals("wwe5n5"), "upper-right corner belongs to a neighbour");
    }

    @Test
    void cellSizeMatchesBounds() {
        double[] size = Geohash.cellSize(6);
        double[] b = Geohash.bounds("wwe5n5");
        assertEquals(size[0], b[2] - b[0], 1e-12);
        assertEquals(size[1], b[3] - b[1], 1e-12);
    }

    @Test
    void rejectsCharactersOutsideTheAlphabet() {
        assertThrows(IllegalArgumentException.class, () -> Geohash.bounds("wwea"));
    }
}
