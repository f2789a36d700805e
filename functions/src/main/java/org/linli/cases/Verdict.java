package org.linli.cases;

/** The reporter's verdict on a fed-back result, or the outcome of a staff callback (回访). */
public enum Verdict {
    SATISFIED, BASICALLY_SATISFIED, DISSATISFIED, UNREACHABLE;

    public boolean closes() {
        return this == SATISFIED || this == BASICALLY_SATISFIED;
    }
}
