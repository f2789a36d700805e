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
}
