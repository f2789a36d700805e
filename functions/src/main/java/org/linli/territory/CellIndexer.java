package org.linli.territory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linli.geo.Geohash;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Builds the cell index of a map: for every node polygon, the geohash cells it touches, each
 * holding either "covers the whole cell" or the geometry to test against. Small polygons are
 * stored whole (exact, no clipping error); large ones (streets, communities) are clipped to the
 * cell so that a cell item stays small whatever the size of the territory.
 */
public final class CellIndexer {
    /** Polygons up to this many vertices are stored whole rather than clipped. */
    static final int WHOLE_POLYGON_MAX_VERTICES = 64;

    private final int precision;
    private final GeometryFactory factory;

    public CellIndexer(int precision, GeometryFactory factory) {
        this.precision = precision;
        this.factory = factory;
    }

    /** Geometry is in (x = lng, y = lat). Nodes without geometry are skipped. */
    public Map<String, List<CellEntry>> index(List<TerritoryNode> nodes) {
        return index(nodes, () -> { });
    }

    /** As {@link #index(List)}, calling {@code eachNode} after each node (progress of a long import). */
    public Map<String, List<CellEntry>> index(List<TerritoryNode> nodes, Runnable eachNode) {
        Map<String, List<CellEntry>> cells = new LinkedHashMap<>();
        for (TerritoryNode node : nodes) {
            if (node.boundary() != null) add(node, cells);
            eachNode.run();
        }
        return cells;
    }

    private void add(TerritoryNode node, Map<String, List<CellEntry>> cells) {
        Geometry polygon = node.boundary();
        PreparedGeometry prepared = PreparedGeometryFactory.prepare(polygon);
        boolean storeWhole = polygon.getNumPoints() <= WHOLE_POLYGON_MAX_VERTICES;
        Envelope env = polygon.getEnvelopeInternal();
        double[] size = Geohash.cellSize(precision);
        // Walk the cells overlapping the envelope, starting from the cell of its lower-left corner.
        double[] start = Geohash.bounds(Geohash.encode(env.getMinY(), env.getMinX(), precision));
        for (double lat = start[0]; lat <= env.getMaxY(); lat += size[0]) {
            for (double lng = start[1]; lng <= env.getMaxX(); lng += size[1]) {
                String hash = Geohash.encode(lat + size[0] / 2, lng + size[1] / 2, precision);
                double[] b = Geohash.bounds(hash);
                Geometry rect = factory.toGeometry(new Envelope(b[1], b[3], b[0], b[2]));
                if (!prepared.intersects(rect)) continue;
                CellEntry entry;
                if (prepared.containsProperly(rect)) {
                    entry = new CellEntry(node.code(), node.name(), node.level(), node.kind(), node.path(), true, null);
                } else if (storeWhole) {
                    entry = new CellEntry(node.code(), node.name(), node.level(), node.kind(), node.path(), false, polygon);
                } else {
                    Geometry clipped = polygonalPart(polygon.intersection(rect));
                    if (clipped == null) continue; // touches the cell along an edge only
                    entry = new CellEntry(node.code(), node.name(), node.level(), node.kind(), node.path(), false, clipped);
                }
                cells.computeIfAbsent(hash, h -> new ArrayList<>()).add(entry);
            }
        }
    }

    private Geometry polygonalPart(Geometry g) {
        if (g.isEmpty()) return null;
        if (g instanceof Polygonal) return g;
        List<Geometry> parts = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (part instanceof Polygonal && !part.isEmpty()) parts.add(part);
        }
        if (parts.isEmpty()) return null;
        return factory.buildGeometry(parts).union();
    }
}
