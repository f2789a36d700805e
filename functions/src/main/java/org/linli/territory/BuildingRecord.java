package org.linli.territory;

import java.util.List;

/**
 * A building (楼栋) with the code the mini-program offers in its picker, and the grid (and
 * micro-grid, when one is drawn) it belongs to in one map version. {@code compoundCode} names the
 * compound (小区) it stands in, when known: the picker lists buildings by compound.
 */
public record BuildingRecord(String code, String name, NodeRef grid, NodeRef microGrid, List<String> path,
                             Double lat, Double lng, String compoundCode) {
    public BuildingRecord {
        path = List.copyOf(path);
    }

    public BuildingRecord(String code, String name, NodeRef grid, NodeRef microGrid, List<String> path,
                          Double lat, Double lng) {
        this(code, name, grid, microGrid, path, lat, lng, null);
    }

    /** The node the picker lists this building under: its compound, else its micro-grid, else its grid. */
    public String pickerParent() {
        if (compoundCode != null) return compoundCode;
        return microGrid != null ? microGrid.code() : grid.code();
    }
}
