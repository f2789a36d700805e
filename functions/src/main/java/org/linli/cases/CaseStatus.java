package org.linli.cases;

/** Where a case stands in the loop. */
public enum CaseStatus {
    /** No grid (or nobody in it) could take it: waiting in a street/district dispatcher's queue. */
    UNASSIGNED,
    /** Assigned to a grid and its worker (任务指派), waiting to be accepted. */
    ASSIGNED
}
