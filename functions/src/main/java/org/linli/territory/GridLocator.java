package org.linli.territory;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Point;

/**
 * Decides, exactly, which nodes of one index cell contain a point. Deterministic on shared
 * boundaries: a dedicated grid beats a regular one, a node that has the point strictly inside
 * beats one that only touches it, and the lowest code breaks what remains.
 */
public final class GridLocator {
    private GridLocator() {}

    public static Placement locate(int mapVersion, List<CellEntry> entries, Point p) {
        List<CellEntry> containing = entries.stream().filter(e -> e.covers(p)).toList();
        if (containing.isEmpty()) return Placement.nowhere(mapVersion);

        Optional<CellEntry> grid = best(containing.stream().filter(e -> e.level() == Level.GRID).toList(), p);
        Optional<CellEntry> micro = best(containing.stream()
                .filter(e -> e.level() == Level.MICRO_GRID)
                .filter(e -> grid.isEmpty() || e.path().contains(grid.get().code()))
                .toList(), p);

        CellEntry deepest = micro.or(() -> grid).orElseGet(() -> best(deepestLevel(containing), p).orElseThrow());
        NodeRef gridRef = grid.map(CellEntry::ref).orElse(null);
        if (gridRef == null && micro.isPresent()) {
            // A micro-grid outside every grid polygon: the import validates against this, but the
            // micro-grid's own path still names its grid, so the case is not lost.
            List<String> path = micro.get().path();
            String code = path.size() >= 2 ? path.get(path.size() - 2) : micro.get().code();
            gridRef = new NodeRef(code, code, Level.GRID);
        }
        return new Placement(mapVersion, Placement.Method.POINT, gridRef, micro.map(CellEntry::ref).orElse(null),
                deepest.ref(), deepest.path());
    }

    private static List<CellEntry> deepestLevel(List<CellEntry> containing) {
        int max = containing.stream().mapToInt(e -> e.level().depth()).max().orElseThrow();
        return containing.stream().filter(e -> e.level().depth() == max).toList();
    }

    private static Optional<CellEntry> best(List<CellEntry> candidates, Point p) {
        return candidates.stream().min(Comparator
                .comparing((CellEntry e) -> e.kind() != null && e.kind().dedicated() ? 0 : 1)
                .thenComparing(e -> e.interior(p) ? 0 : 1)
                .thenComparing(CellEntry::code));
    }
}
