package org.linli.territory;

import java.util.List;

/**
 * A building (楼栋) with the code the mini-program offers in its picker, and the grid (and
 * micro-grid, when one is drawn) it belongs to in one map version.
 */
public record BuildingRecord(String code, String name, NodeRef grid, NodeRef microGrid, List<String> path,
                             Double lat, Double lng) {
    public BuildingRecord {
        path = List.copyOf(path);
    }
}
