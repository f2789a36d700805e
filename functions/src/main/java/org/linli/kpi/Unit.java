package org.linli.kpi;

import java.util.List;

/**
 * Something KPIs are kept for: a territory node (its {@code path} from the root, itself last) or
 * a functional department ({@code path} = the map root and its code, so that the district and
 * the department's own staff cover it). {@code rankParent} names the ranking it appears in: a
 * node among its parent's children, a department among the root's departments; null for the root.
 */
public record Unit(String code, Kind kind, List<String> path, String rankParent) {
    public enum Kind { NODE, DEPARTMENT }

    /** The pseudo-parent under which a root's departments are ranked. */
    public static String departmentsOf(String root) {
        return root + "#DEPARTMENTS";
    }

    public Unit {
        path = List.copyOf(path);
    }

    public static Unit node(List<String> path) {
        String code = path.get(path.size() - 1);
        return new Unit(code, Kind.NODE, path, path.size() > 1 ? path.get(path.size() - 2) : null);
    }

    public static Unit department(String code, String root) {
        return new Unit(code, Kind.DEPARTMENT, root == null ? List.of(code) : List.of(root, code),
                root == null ? null : departmentsOf(root));
    }
}
