package org.linli.cases;

/**
 * A functional department (职能部门: police station, market supervision, housing...) that takes
 * department matters and reports for duty when a street summons it. {@code kind} matches a
 * category's {@code department}; {@code jurisdiction} is the territory node it serves (a street's
 * police station, a district's bureau) and {@code path} that node's codes from the root.
 * Its staff have the DEPARTMENT_STAFF role with the department's code in their scope.
 */
public record Department(String code, String name, String kind, String jurisdiction, java.util.List<String> path) {
    public Department {
        path = java.util.List.copyOf(path);
    }

    /**
     * Whether the caller may see this department in the registry: administrators always; its own
     * staff; staff of a node it is seated at or above ({@code path} holds their node: the street's
     * office sees its police station); and staff of a node below its seat (its jurisdiction lies on
     * their node's path, {@code callerPaths}: the street summons the district's bureau).
     */
    public boolean inScopeOf(org.linli.identity.Principal caller, java.util.Collection<java.util.List<String>> callerPaths) {
        if (caller.covers(path) || caller.worksFor(code)) return true;
        for (java.util.List<String> p : callerPaths) if (p.contains(jurisdiction)) return true;
        return false;
    }
}
