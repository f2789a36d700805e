package org.linli.territory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Publishes a validated territory as the next map version: reserve the version, index cells,
 * write everything, then flip the pointer. Earlier versions stay readable, so old cases keep
 * naming the map they used. Writing is idempotent (keys include the version), so an interrupted
 * publication can be run again on the same reserved version.
 */
public final class MapPublisher {
    /** Items per repository call: big enough to batch well, small enough to report progress often. */
    public static final int CHUNK = 500;

    /**
     * Told how far a publication got: the phases (indexing polygons, writing items) and the units
     * done. The import's progress meter is one; a map published in a test tells nobody.
     */
    public interface Meter {
        Meter SILENT = new Meter() {
            @Override
            public void phase(String name, long total, String unit) {}

            @Override
            public void advance(long n) {}
        };

        /** Starts the next phase: {@code total} {@code unit}s to do. */
        void phase(String name, long total, String unit);

        void advance(long n);
    }

    private final TerritoryRepository repository;

    public MapPublisher(TerritoryRepository repository) {
        this.repository = repository;
    }

    /** What one publication wrote. {@code maxCellEntries}: the entries of the fullest cell, the worst read. */
    public record Publication(MapInfo map, int nodes, int compounds, int cells, int buildings, long cellEntries,
                              int maxCellEntries) {
        public long items() {
            return nodes + compounds + cells + buildings;
        }
    }

    public MapInfo publish(TerritoryMap map, String note) {
        return publish(reserve(note), map, Meter.SILENT).map();
    }

    /** Takes the next version number; Conflict when a concurrent import took it first. */
    public int reserve(String note) {
        int version = repository.latestVersion() + 1;
        repository.reserveVersion(version, note);
        return version;
    }

    /** Indexes and writes {@code map} as {@code version} (reserved before), then makes it current. */
    public Publication publish(int version, TerritoryMap map, Meter meter) {
        meter.phase("indexing", map.nodes().size(), "polygons");
        Map<String, List<CellEntry>> cells = new CellIndexer(map.cellPrecision(), new GeometryFactory())
                .index(map.nodes(), () -> meter.advance(1));
        long entries = 0;
        int max = 0;
        for (List<CellEntry> e : cells.values()) {
            entries += e.size();
            max = Math.max(max, e.size());
        }
        long items = (long) map.nodes().size() + map.compounds().size() + cells.size() + map.buildings().size();
        meter.phase("writing", items, "items");
        chunked(map.nodes(), chunk -> repository.writeNodes(version, chunk), meter);
        chunked(map.compounds(), chunk -> repository.writeCompounds(version, chunk), meter);
        chunked(new ArrayList<>(cells.entrySet()), chunk -> repository.writeCells(version, toMap(chunk)), meter);
        chunked(map.buildings(), chunk -> repository.writeBuildings(version, chunk), meter);
        MapInfo info = new MapInfo(version, map.datum(), map.cellPrecision(), map.rootCode());
        repository.publish(info);
        return new Publication(info, map.nodes().size(), map.compounds().size(), cells.size(), map.buildings().size(), entries, max);
    }

    private static <T> void chunked(List<T> all, java.util.function.Consumer<List<T>> write, Meter meter) {
        for (int i = 0; i < all.size(); i += CHUNK) {
            List<T> chunk = all.subList(i, Math.min(all.size(), i + CHUNK));
            write.accept(chunk);
            meter.advance(chunk.size());
        }
    }

    private static Map<String, List<CellEntry>> toMap(List<Map.Entry<String, List<CellEntry>>> chunk) {
        Map<String, List<CellEntry>> m = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, List<CellEntry>> e : chunk) m.put(e.getKey(), e.getValue());
        return m;
    }
}
