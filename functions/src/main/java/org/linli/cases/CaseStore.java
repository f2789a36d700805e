package org.linli.cases;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.linli.core.Page;

/** Persistence of cases. Adapters translate their failures into domain exceptions. */
public interface CaseStore {
    /**
     * Creates {@code c} and links report {@code reportId} to it in one atomic write. Returns false,
     * changing nothing, when the report already has a case: the message was delivered twice.
     */
    boolean createFromReport(Case c, String reportId);

    Optional<Case> find(String caseId);

    Map<String, Case> findAll(Collection<String> caseIds);

    /** A worker's open cases, earliest deadline first. */
    Page<Case> assignedTo(String userId, int limit, String cursor);

    /** Cases waiting unassigned in a node's dispatch queue, oldest first. */
    Page<Case> unassignedAt(String nodeCode, int limit, String cursor);
}
