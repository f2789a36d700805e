package org.linli.consultations;

/** How a decision moves the case it was about. */
public enum CaseOutcome {
    /** Settled by the decision: the case is resolved with it as the result (then fed back to the reporter as usual). */
    RESOLVED,
    /** Handed to departments: the case's owner summons them (街乡吹哨、部门报到). */
    REDIRECTED,
    /** Not a matter the platform can take: rejected with the reason. */
    REJECTED
}
