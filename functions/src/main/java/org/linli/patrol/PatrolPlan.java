package org.linli.patrol;

import java.util.ArrayList;
import java.util.List;
import org.linli.kpi.UnitDirectory;
import org.linli.territory.Level;

/**
 * The month's patrol plan, derived from the current map: a patrol unit is a micro-grid, or a grid
 * drawn without micro-grids; each is to be visited {@code visitsPerUnit} times; every node above
 * plans the sum of its units. One Query per node with children (the map's ByParent index).
 */
public final class PatrolPlan {
    private PatrolPlan() {}

    /** A node and its planned visits for the month. */
    public record Row(UnitDirectory.UnitInfo node, long units, long planned) {}

    public static List<Row> derive(UnitDirectory directory, int visitsPerUnit) {
        String root = directory.root();
        UnitDirectory.UnitInfo rootInfo = directory.find(List.of(root)).get(root);
        if (rootInfo == null) throw new IllegalStateException("the map's root " + root + " has no node");
        List<Row> rows = new ArrayList<>();
        walk(directory, rootInfo, visitsPerUnit, rows);
        return rows;
    }

    private static long walk(UnitDirectory directory, UnitDirectory.UnitInfo node, int visitsPerUnit, List<Row> rows) {
        long units;
        if (Level.MICRO_GRID.name().equals(node.level())) {
            units = 1;
        } else {
            List<UnitDirectory.UnitInfo> children = directory.children(node.code());
            units = 0;
            for (UnitDirectory.UnitInfo child : children) units += walk(directory, child, visitsPerUnit, rows);
            if (Level.GRID.name().equals(node.level()) && children.isEmpty()) units = 1;
        }
        rows.add(new Row(node, units, units * visitsPerUnit));
        return units;
    }
}
