package org.linli.testing;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/** Geometry helpers for tests: WKT in (x = lng, y = lat), points. */
public final class DemoGeometry {
    public static final GeometryFactory FACTORY = new GeometryFactory();

    private DemoGeometry() {}

    public static Geometry wkt(String wkt) {
        try {
            return new WKTReader(FACTORY).read(wkt);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static Geometry box(double minLng, double minLat, double maxLng, double maxLat) {
        return wkt(String.format(java.util.Locale.ROOT, "POLYGON((%f %f, %f %f, %f %f, %f %f, %f %f))",
                minLng, minLat, maxLng, minLat, maxLng, maxLat, minLng, maxLat, minLng, minLat));
    }

    public static Point point(double lat, double lng) {
        return FACTORY.createPoint(new Coordinate(lng, lat));
    }
}
