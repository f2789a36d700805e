package org.linli.geo;

/**
 * Geohash cells: the key of the grid index. A point belongs to exactly one cell of a given
 * precision (intervals are closed below, open above), which is what makes lookups deterministic.
 */
public final class Geohash {
    private static final char[] BASE32 = "0123456789bcdefghjkmnpqrstuvwxyz".toCharArray();
    private static final int[] DECODE = new int[128];

    static {
        java.util.Arrays.fill(DECODE, -1);
        for (int i = 0; i < BASE32.length; i++) DECODE[BASE32[i]] = i;
    }

    private Geohash() {}

    public static String encode(double lat, double lng, int precision) {
        if (precision < 1 || precision > 12) throw new IllegalArgumentException("precision 1..12");
        double latLo = -90, latHi = 90, lngLo = -180, lngHi = 180;
        StringBuilder out = new StringBuilder(precision);
        boolean even = true;
        int bit = 0, ch = 0;
        while (out.length() < precision) {
            if (even) {
                double mid = (lngLo + lngHi) / 2;
                if (lng >= mid) { ch = (ch << 1) | 1; lngLo = mid; } else { ch <<= 1; lngHi = mid; }
            } else {
                double mid = (latLo + latHi) / 2;
                if (lat >= mid) { ch = (ch << 1) | 1; latLo = mid; } else { ch <<= 1; latHi = mid; }
            }
            even = !even;
            if (++bit == 5) {
                out.append(BASE32[ch]);
                bit = 0;
                ch = 0;
            }
        }
        return out.toString();
    }

    /** The cell's bounds as {minLat, minLng, maxLat, maxLng}. */
    public static double[] bounds(String hash) {
        double latLo = -90, latHi = 90, lngLo = -180, lngHi = 180;
        boolean even = true;
        for (int i = 0; i < hash.length(); i++) {
            char c = hash.charAt(i);
            int v = c < 128 ? DECODE[c] : -1;
            if (v < 0) throw new IllegalArgumentException("not a geohash");
            for (int b = 4; b >= 0; b--) {
                boolean one = ((v >> b) & 1) == 1;
                if (even) {
                    double mid = (lngLo + lngHi) / 2;
                    if (one) lngLo = mid; else lngHi = mid;
                } else {
                    double mid = (latLo + latHi) / 2;
                    if (one) latLo = mid; else latHi = mid;
                }
                even = !even;
            }
        }
        return new double[] {latLo, lngLo, latHi, lngHi};
    }

    /** Cell height and width in degrees at a precision: {latDegrees, lngDegrees}. */
    public static double[] cellSize(int precision) {
        int bits = 5 * precision;
        int lngBits = (bits + 1) / 2;
        int latBits = bits / 2;
        return new double[] {180.0 / (1L << latBits), 360.0 / (1L << lngBits)};
    }
}
