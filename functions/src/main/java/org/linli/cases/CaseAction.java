package org.linli.cases;

import java.util.Locale;
import java.util.Optional;

/**
 * What can happen to a case. The API names actions in kebab case ({@code /cases/{id}/actions/add-note});
 * {@link #OPEN} and {@link #JOIN} are recorded by assignment and are not actions anyone takes.
 */
public enum CaseAction {
    OPEN, JOIN,
    DISPATCH, REDISPATCH, ACCEPT, REJECT, RETURN, START, ADD_NOTE, RESOLVE, FEED_BACK,
    ESCALATE, SUMMON, CHECK_IN, COMPLETE_TASK, VERDICT, CALLBACK, CLOSE, REOPEN, MERGE, FLAG_OVERDUE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The action a path segment names; empty for unknown names and the internal OPEN/JOIN. */
    public static Optional<CaseAction> fromWire(String s) {
        if (s == null) return Optional.empty();
        for (CaseAction a : values()) {
            if (a.wire().equals(s) && a != OPEN && a != JOIN) return Optional.of(a);
        }
        return Optional.empty();
    }
}
