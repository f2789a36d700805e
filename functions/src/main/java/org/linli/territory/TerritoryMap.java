package org.linli.territory;

import java.util.List;
import org.linli.geo.Datum;

/** A complete, validated territory ready to publish as a new map version. */
public record TerritoryMap(Datum datum, int cellPrecision, String rootCode, List<TerritoryNode> nodes,
                           List<BuildingRecord> buildings) {
    public TerritoryMap {
        nodes = List.copyOf(nodes);
        buildings = List.copyOf(buildings);
    }
}
