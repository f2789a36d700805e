package org.linli.geo;

/**
 * WGS-84 <-> GCJ-02. GCJ-02 is WGS-84 plus a published, deterministic offset (a few hundred
 * metres) applied inside mainland China; outside it the two coincide. The forward formula is the
 * widely published one; the inverse has no closed form, so it is solved by fixed-point iteration
 * to well under a millimetre.
 */
public final class DatumTransform {
    private static final double A = 6378245.0;                 // Krasovsky 1940 semi-major axis
    private static final double EE = 0.00669342162296594323;    // its first eccentricity squared

    private DatumTransform() {}

    public static GeoPoint wgs84ToGcj02(GeoPoint p) {
        requireDatum(p, Datum.WGS84);
        if (outsideChina(p.lat(), p.lng())) return new GeoPoint(p.lat(), p.lng(), Datum.GCJ02);
        double[] d = delta(p.lat(), p.lng());
        return new GeoPoint(p.lat() + d[0], p.lng() + d[1], Datum.GCJ02);
    }

    public static GeoPoint gcj02ToWgs84(GeoPoint p) {
        requireDatum(p, Datum.GCJ02);
        if (outsideChina(p.lat(), p.lng())) return new GeoPoint(p.lat(), p.lng(), Datum.WGS84);
        double lat = p.lat();
        double lng = p.lng();
        for (int i = 0; i < 30; i++) {
            double[] d = delta(lat, lng);
            double nextLat = p.lat() - d[0];
            double nextLng = p.lng() - d[1];
            boolean done = Math.abs(nextLat - lat) < 1e-10 && Math.abs(nextLng - lng) < 1e-10;
            lat = nextLat;
            lng = nextLng;
            if (done) break;
        }
        return new GeoPoint(lat, lng, Datum.WGS84);
    }

    /** The rough mainland bounding box used by every published implementation. */
    static boolean outsideChina(double lat, double lng) {
        return lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271;
    }

    private static double[] delta(double lat, double lng) {
        double dLat = transformLat(lng - 105.0, lat - 35.0);
        double dLng = transformLng(lng - 105.0, lat - 35.0);
        double radLat = lat / 180.0 * Math.PI;
        double magic = Math.sin(radLat);
        magic = 1 - EE * magic * magic;
        double sqrtMagic = Math.sqrt(magic);
        dLat = (dLat * 180.0) / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
        dLng = (dLng * 180.0) / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
        return new double[] {dLat, dLng};
    }

    private static double transformLat(double x, double y) {
        double r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
        r += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        r += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        r += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return r;
    }

    private static double transformLng(double x, double y) {
        double r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
        r += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        r += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        r += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return r;
    }

    private static void requireDatum(GeoPoint p, Datum expected) {
        if (p.datum() != expected) throw new IllegalArgumentException("expected a " + expected + " point");
    }
}
