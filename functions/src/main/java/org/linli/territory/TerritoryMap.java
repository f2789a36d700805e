package org.linli.territory;

import java.util.List;
import org.linli.geo.Datum;

/**
 * A complete, validated territory ready to publish as a new map version. {@code cellPrecision}
 * is the geohash length of its cell index, chosen per version (see docs/territory.md).
 */
public record TerritoryMap(Datum datum, int cellPrecision, String rootCode, List<TerritoryNode> nodes,
                           List<BuildingRecord> buildings, List<Compound> compounds) {
    public TerritoryMap {
        nodes = List.copyOf(nodes);
        buildings = List.copyOf(buildings);
        compounds = List.copyOf(compounds);
    }

    public TerritoryMap(Datum datum, int cellPrecision, String rootCode, List<TerritoryNode> nodes,
                        List<BuildingRecord> buildings) {
        this(datum, cellPrecision, rootCode, nodes, buildings, List.of());
    }
}
