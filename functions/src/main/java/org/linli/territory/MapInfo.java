package org.linli.territory;

import org.linli.geo.Datum;

/**
 * A published map version: what a placement is computed against. {@code cellPrecision} is the
 * geohash length of the cell index; {@code rootCode} is the top node, whose dispatcher receives
 * what falls outside every street.
 */
public record MapInfo(int version, Datum datum, int cellPrecision, String rootCode) {}
