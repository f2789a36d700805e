package org.linli.geo;

/** A latitude/longitude pair in decimal degrees, in the given datum. */
public record GeoPoint(double lat, double lng, Datum datum) {
    public GeoPoint {
        if (!(lat >= -90 && lat <= 90) || !(lng >= -180 && lng <= 180)) {
            throw new IllegalArgumentException("coordinates out of range");
        }
        if (datum == null) throw new IllegalArgumentException("datum is required");
    }

    /** The same place expressed in {@code target}. */
    public GeoPoint in(Datum target) {
        if (target == datum) return this;
        return target == Datum.GCJ02 ? DatumTransform.wgs84ToGcj02(this) : DatumTransform.gcj02ToWgs84(this);
    }
}
