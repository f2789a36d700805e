package org.linli.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.linli.categories.WorkflowSettings;
import org.linli.geo.Datum;
import org.linli.geo.GeoPoint;
import org.linli.geo.Geohash;

/**
 * Nearby duplicates (附近重复): open cases are indexed by category and geohash cell (GCJ-02,
 * precision 7 ≈ 150 m × 120 m here); a new report queries its own cell and the neighbours a
 * {@code radius} circle reaches - at most 4 cells for 50 m, whatever the city's size - then checks
 * the exact distance. The cells are those the circle's bounding box touches.
 */
public final class NearbyCases {
    private static final double METERS_PER_DEGREE = 111_320.0;
    private static final double EARTH_RADIUS = 6_371_008.8;

    private NearbyCases() {}

    /** The index cell of a point (in GCJ-02, the map's datum, whatever the report used). */
    public static String cell(GeoPoint p, int precision) {
        GeoPoint g = p.in(Datum.GCJ02);
        return Geohash.encode(g.lat(), g.lng(), precision);
    }

    /** Every cell a circle of {@code radiusMeters} around {@code p} can reach. */
    public static List<String> cells(GeoPoint p, int radiusMeters, int precision) {
        GeoPoint g = p.in(Datum.GCJ02);
        double dLat = radiusMeters / METERS_PER_DEGREE;
        double dLng = radiusMeters / (METERS_PER_DEGREE * Math.max(0.01, Math.cos(Math.toRadians(g.lat()))));
        double minLat = Math.max(-90, g.lat() - dLat);
        double maxLat = Math.min(90, g.lat() + dLat);
        double minLng = Math.max(-180, g.lng() - dLng);
        double maxLng = Math.min(180, g.lng() + dLng);
        double[] size = Geohash.cellSize(precision);
        double[] start = Geohash.bounds(Geohash.encode(minLat, minLng, precision));
        Set<String> out = new LinkedHashSet<>();
        out.add(Geohash.encode(g.lat(), g.lng(), precision));
        for (double lat = start[0]; lat <= maxLat; lat += size[0]) {
            for (double lng = start[1]; lng <= maxLng; lng += size[1]) {
                double cLat = Math.min(89.999999, lat + size[0] / 2);
                double cLng = Math.min(179.999999, lng + size[1] / 2);
                out.add(Geohash.encode(cLat, cLng, precision));
            }
        }
        return new ArrayList<>(out);
    }

    /** Great-circle distance in metres (both points taken in GCJ-02). */
    public static double distanceMeters(GeoPoint a, GeoPoint b) {
        GeoPoint x = a.in(Datum.GCJ02);
        GeoPoint y = b.in(Datum.GCJ02);
        double dLat = Math.toRadians(y.lat() - x.lat());
        double dLng = Math.toRadians(y.lng() - x.lng());
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(x.lat())) * Math.cos(Math.toRadians(y.lat())) * Math.sin(dLng / 2) * Math.sin(dLng / 2);
        return 2 * EARTH_RADIUS * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    /**
     * The open case of {@code category} a report at {@code point} should join: the nearest within
     * the radius, opened within the window; the oldest on a tie.
     */
    public static Optional<Case> find(CaseStore store, String category, GeoPoint point, Instant now,
                                      WorkflowSettings.Duplicates rule) {
        if (point == null || !rule.enabled()) return Optional.empty();
        List<Case> candidates = store.openNear(category, cells(point, rule.radiusMeters(), rule.cellPrecision()),
                now.minus(rule.window()));
        return candidates.stream()
                .filter(c -> c.status().open() && c.location() != null && category.equals(c.category()))
                .filter(c -> distanceMeters(point, c.location()) <= rule.radiusMeters())
                .min(Comparator.comparingDouble((Case c) -> distanceMeters(point, c.location()))
                        .thenComparing(Case::createdAt));
    }
}
