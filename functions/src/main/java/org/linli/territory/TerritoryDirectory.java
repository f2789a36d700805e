package org.linli.territory;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The read side of the territory, as assignment needs it. Every method is one key lookup (or
 * one batch), whatever the number of grids: that is the constant-cost promise.
 */
public interface TerritoryDirectory {
    /** The map version new placements use. */
    MapInfo currentMap();

    /** The entries of one index cell of a map version; empty when no node touches it. */
    List<CellEntry> cell(int mapVersion, String geohash);

    Optional<BuildingRecord> building(int mapVersion, String code);

    /** A node (or compound) of one version: one GetItem. */
    Optional<RegistryNode> node(int mapVersion, String code);

    /** Rosters of the given nodes, in one round trip; nodes without a roster are absent. */
    Map<String, Roster> rosters(Collection<String> nodeCodes);
}
