package org.linli.kpi;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Names, levels and paths of KPI units: the nodes of the current territory map and the registered departments. */
public interface UnitDirectory {
    /** {@code level} is a territory level (STREET, GRID...) or DEPARTMENT; {@code path} is the unit's as in {@link Unit}. */
    record UnitInfo(String code, String name, String level, Unit.Kind kind, List<String> path) {
        public UnitInfo {
            path = List.copyOf(path);
        }

        public Unit unit() {
            return kind == Unit.Kind.DEPARTMENT ? Unit.department(code, path.size() > 1 ? path.get(0) : null) : Unit.node(path);
        }
    }

    /** The units with these codes; unknown codes are absent. One round trip, cached for a few minutes. */
    Map<String, UnitInfo> find(Collection<String> codes);

    /** A node's children in the current map, by level then code. */
    List<UnitInfo> children(String code);

    /** The current map's root node. */
    String root();
}
