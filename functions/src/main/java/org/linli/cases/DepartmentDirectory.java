package org.linli.cases;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The department registry, as routing and summoning need it. Each method is one round trip. */
public interface DepartmentDirectory {
    /** The departments with these codes; unknown codes are absent. */
    Map<String, Department> find(Collection<String> codes);

    /**
     * The department of {@code kind} serving a place: the one seated at the deepest node of
     * {@code path} (root first) that has one - a street's police station before the district's bureau.
     */
    Optional<Department> serving(List<String> path, String kind);

    /**
     * The whole registry, ordered by code: one listing partition read in full (a deployment has tens
     * to a few hundred departments, one page). The console's department picker filters it by scope.
     */
    List<Department> registry();
}
