package org.linli.cases;

/**
 * How an actor stands to one case; the transition table grants actions to parties, and the
 * caller's roles, scope and relation to the case decide which parties he is.
 */
public enum Party {
    /** The person the case is assigned to (any staff role). */
    ASSIGNEE,
    /** Staff acting for the case's current tier: their role reaches it and their scope covers it. */
    OWNER,
    /** Staff of a department with a summons task on the case. */
    DEPARTMENT,
    /** The resident who reported the case first: his verdict decides its closing. */
    REPORTER,
    /**
     * A resident whose report joined the case, or was merged into it: he sees his own report and
     * the case's status and outcome, nothing of the first reporter or the staff; his verdict is
     * recorded as satisfaction data and never decides the case (issue 13 defect 2).
     */
    FOLLOWER,
    /** The scheduled sweep: escalations, overdue flags, unconfirmed closing. */
    SYSTEM
}
