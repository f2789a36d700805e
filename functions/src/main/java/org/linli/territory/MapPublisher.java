package org.linli.territory;

import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Publishes a validated territory as the next map version: index cells, write everything, then
 * flip the pointer. Earlier versions stay readable, so old cases keep naming the map they used.
 */
public final class MapPublisher {
    private final TerritoryRepository repository;

    public MapPublisher(TerritoryRepository repository) {
        this.repository = repository;
    }

    public MapInfo publish(TerritoryMap map, String note) {
        int version = repository.latestVersion() + 1;
        repository.reserveVersion(version, note);
        Map<String, List<CellEntry>> cells = new CellIndexer(map.cellPrecision(), new GeometryFactory()).index(map.nodes());
        repository.writeNodes(version, map.nodes());
        repository.writeCells(version, cells);
        repository.writeBuildings(version, map.buildings());
        MapInfo info = new MapInfo(version, map.datum(), map.cellPrecision(), map.rootCode());
        repository.publish(info);
        return info;
    }
}
