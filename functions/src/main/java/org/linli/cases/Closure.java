package org.linli.cases;

/** How a case came to be closed. */
public enum Closure {
    /** The reporter (or a callback) said satisfied. */
    SATISFIED,
    BASICALLY_SATISFIED,
    /** Nobody answered within the verdict window (the sweep closed it). */
    UNCONFIRMED,
    /** Staff closed it after feedback, with a note. */
    STAFF_CLOSED
}
