package org.linli.cases;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.linli.core.Page;

/**
 * Persistence of cases, their audit trails, request records and summons tasks. Every write is one
 * atomic request (a DynamoDB transaction counts as one): the case, its audit entry and the
 * client's request record change together or not at all. Adapters translate their failures into
 * domain exceptions and conditional failures into {@link Write} outcomes.
 */
public interface CaseStore {
    /**
     * Creates {@code c}, its first audit entry, and links report {@code reportId} to it, atomically.
     * {@link AlreadyLinked} (changing nothing) when the report already has a case: a redelivery.
     */
    Write createFromReport(Case c, String reportId, CaseEvent opened);

    /**
     * Adds report {@code reportId} to an open case as a follower: the case (expected at
     * {@code expectedVersion}), the JOIN audit entry and the report, atomically.
     */
    Write joinFromReport(Case after, long expectedVersion, String reportId, CaseEvent joined);

    /** Applies one case action: see {@link Change}. */
    Write commit(Change change);

    Optional<Case> find(String caseId);

    /** The case and, when {@code requestKey} is given, the record of that request, in one consistent read. */
    Loaded load(String caseId, String requestKey);

    Map<String, Case> findAll(Collection<String> caseIds);

    /** The audit entry a transition to {@code version} wrote. */
    Optional<CaseEvent> auditEntry(String caseId, long version);

    /** A case's audit trail, oldest first. */
    Page<CaseEvent> audit(String caseId, int limit, String cursor);

    /** A worker's open cases, earliest deadline first. */
    Page<Case> assignedTo(String userId, int limit, String cursor);

    /** Cases waiting (UNASSIGNED or ESCALATED) in a node's dispatch queue, oldest first. */
    Page<Case> unassignedAt(String nodeCode, int limit, String cursor);

    /** Open cases past their deadline that {@code supervisorNode} supervises at {@code tier}, most overdue first. */
    Page<Case> overdue(String supervisorNode, Tier tier, Instant now, int limit, String cursor);

    /** A department's open summons tasks, earliest deadline first. */
    Page<DepartmentTask> tasksOf(String department, int limit, String cursor);

    /**
     * One page of the case register (see {@link RegisterQuery}), newest first. A bounded number of
     * calls per page whatever the filters (the call-budget table has them); a page may hold fewer
     * than {@code limit} cases, even none, and still have a next cursor.
     */
    Page<Case> register(RegisterQuery query, int limit, String cursor);

    /** Open cases whose deadline has passed and that the sweep has not flagged, across the due index's shards. */
    List<Case> due(Instant now, int limit);

    /** Open cases of {@code category} indexed in any of {@code cells}, opened at or after {@code since}. */
    List<Case> openNear(String category, Collection<String> cells, Instant since);

    /**
     * One action's write: the case at {@code after} if still at {@code expectedVersion}, the summons
     * tasks that changed, the audit entry, the request record (null for none), and for a merge the
     * target case's own change ({@code also}, without a request record).
     */
    record Change(Case after, long expectedVersion, List<SummonsTask> changedTasks, CaseEvent event,
                  RequestRecord request, Change also) {
        public Change {
            changedTasks = List.copyOf(changedTasks);
        }
    }

    /** A client request already applied: its fingerprint (action + body) and the version it produced. */
    record RequestRecord(String key, String fingerprint, long version, Instant expiresAt) {}

    /** A case as read with the request record, if any. */
    record Loaded(Optional<Case> c, Optional<RequestRecord> request) {}

    /** A summons task with the case it belongs to. */
    record DepartmentTask(String caseId, String category, SummonsTask task) {}

    /** The outcome of a conditional write. */
    sealed interface Write permits Written, Stale, AlreadyLinked, RequestSeen {}

    record Written() implements Write {}

    /** The case (or a merge target) changed since it was read; {@code fresh} is its current state, {@code caseId} which. */
    record Stale(String caseId, Case fresh) implements Write {}

    /** The report already belongs to {@code caseId}; {@code eventVersion} is the transition that linked it. */
    record AlreadyLinked(String caseId, long eventVersion) implements Write {}

    /** The same client request was applied concurrently. */
    record RequestSeen(RequestRecord record) implements Write {}
}
