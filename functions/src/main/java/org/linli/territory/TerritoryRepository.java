package org.linli.territory;

import java.util.List;
import java.util.Map;

/**
 * The write side of the territory. A version's nodes, cells and buildings are written first and
 * stay invisible until {@link #publish} moves the current-map pointer: readers never see half a map.
 */
public interface TerritoryRepository {
    /** The highest version ever published, 0 when none. */
    int latestVersion();

    /** Reserves {@code version}; Conflict when another import took it first. */
    void reserveVersion(int version, String note);

    void writeNodes(int version, List<TerritoryNode> nodes);

    void writeCells(int version, Map<String, List<CellEntry>> cells);

    void writeBuildings(int version, List<BuildingRecord> buildings);

    void writeCompounds(int version, List<Compound> compounds);

    /**
     * Marks the version published and makes it current, unless a newer version already is (two
     * imports finishing out of order): the newest published version is always the current one.
     */
    void publish(MapInfo map);

    void saveRoster(Roster roster);

    /** Replaces the rosters of the nodes they name (rosters are not versioned: staff change daily). */
    void saveRosters(List<Roster> rosters);
}
