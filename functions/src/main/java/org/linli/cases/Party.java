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
    /** A resident who reported the case or follows it (joined or merged duplicates). */
    REPORTER,
    /** The scheduled sweep: escalations, overdue flags, unconfirmed closing. */
    SYSTEM
}
