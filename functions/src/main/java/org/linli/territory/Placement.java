package org.linli.territory;

import java.util.List;

/**
 * Where a report lies on a given map version. {@code grid} is null when no grid contains the
 * location; {@code deepest} is then the deepest node that does (a community, a street), or null
 * when nothing does, which decides whose dispatch queue receives the case. {@code path} holds the
 * codes from the map's root down to {@code deepest}.
 */
public record Placement(int mapVersion, Method method, NodeRef grid, NodeRef microGrid, NodeRef deepest,
                        List<String> path) {
    public enum Method { BUILDING, POINT, NONE }

    public Placement {
        path = List.copyOf(path);
    }

    public static Placement nowhere(int mapVersion) {
        return new Placement(mapVersion, Method.NONE, null, null, null, List.of());
    }

    public boolean inGrid() {
        return grid != null;
    }

    /**
     * Whose dispatch queue receives a case that no worker takes: the street's when the place is
     * known that far, else the district's, else the city's, else the map root's.
     */
    public String dispatchNode(java.util.function.Supplier<String> rootCode) {
        for (Level level : new Level[] {Level.STREET, Level.DISTRICT, Level.CITY}) {
            String code = codeAt(level);
            if (code != null) return code;
        }
        return rootCode.get();
    }

    /**
     * The code of the path's node at {@code level}, or null. The hierarchy is strict (each node's
     * parent is one level up), so a code's level follows from its distance to {@code deepest}.
     */
    public String codeAt(Level level) {
        if (deepest == null) return null;
        int i = path.size() - 1 - (deepest.level().depth() - level.depth());
        return i >= 0 && i < path.size() ? path.get(i) : null;
    }
}
