package org.linli.testing;

import java.util.List;
import org.linli.geo.Datum;
import org.linli.territory.BuildingRecord;
import org.linli.territory.GridKind;
import org.linli.territory.Level;
import org.linli.territory.NodeRef;
import org.linli.territory.TerritoryMap;
import org.linli.territory.TerritoryNode;

/**
 * A tiny map in GCJ-02 around (37.85 N, 113.55 E): district D → street S1 → community C1 with
 * grids G1 (west) and G2 (east) sharing the meridian 113.55, a school inside G1, and two
 * micro-grids in G1; street S2 has no grids (a gap that must end UNASSIGNED at S2).
 */
public final class SmallTerritory {
    public static final double SHARED_LNG = 113.55;

    private SmallTerritory() {}

    public static TerritoryMap map() {
        var d = new TerritoryNode("D", "示范区", Level.DISTRICT, GridKind.REGULAR, null, List.of("D"),
                DemoGeometry.box(113.50, 37.80, 113.62, 37.90));
        var s1 = new TerritoryNode("S1", "东街道", Level.STREET, GridKind.REGULAR, "D", List.of("D", "S1"),
                DemoGeometry.box(113.52, 37.83, 113.58, 37.87));
        var s2 = new TerritoryNode("S2", "西街道", Level.STREET, GridKind.REGULAR, "D", List.of("D", "S2"),
                DemoGeometry.box(113.50, 37.80, 113.52, 37.83));
        var c1 = new TerritoryNode("C1", "幸福社区", Level.COMMUNITY, GridKind.REGULAR, "S1", List.of("D", "S1", "C1"),
                DemoGeometry.box(113.53, 37.84, 113.57, 37.86));
        var g1 = new TerritoryNode("G1", "第一网格", Level.GRID, GridKind.REGULAR, "C1", List.of("D", "S1", "C1", "G1"),
                DemoGeometry.box(113.53, 37.84, SHARED_LNG, 37.86));
        var g2 = new TerritoryNode("G2", "第二网格", Level.GRID, GridKind.REGULAR, "C1", List.of("D", "S1", "C1", "G2"),
                DemoGeometry.box(SHARED_LNG, 37.84, 113.57, 37.86));
        var school = new TerritoryNode("G1S", "实验小学专属网格", Level.GRID, GridKind.SCHOOL, "C1", List.of("D", "S1", "C1", "G1S"),
                DemoGeometry.box(113.535, 37.845, 113.54, 37.85));
        var m1 = new TerritoryNode("G1-M1", "1号楼微网格", Level.MICRO_GRID, GridKind.REGULAR, "G1",
                List.of("D", "S1", "C1", "G1", "G1-M1"), DemoGeometry.box(113.53, 37.84, 113.54, 37.845));
        var m2 = new TerritoryNode("G1-M2", "2号楼微网格", Level.MICRO_GRID, GridKind.REGULAR, "G1",
                List.of("D", "S1", "C1", "G1", "G1-M2"), DemoGeometry.box(113.54, 37.84, 113.55, 37.845));
        var building = new BuildingRecord("B-G2-01", "幸福小区5号楼", new NodeRef("G2", "第二网格", Level.GRID), null,
                List.of("D", "S1", "C1", "G2"), 37.85, 113.56);
        return new TerritoryMap(Datum.GCJ02, 6, "D", List.of(d, s1, s2, c1, g1, g2, school, m1, m2), List.of(building));
    }
}
