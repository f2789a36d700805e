package org.linli.consultations;

import static org.linli.consultations.ConsultationAction.*;
import static org.linli.consultations.ConsultationState.*;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The consultation's state machine as data. Notices go out once the meeting is set (again after
 * a change of plan is not modelled: cancel and open anew); attendance may be corrected until the
 * decision; a decision needs the meeting held; anything not final may be cancelled.
 */
public final class ConsultationRules {
    public record Rule(ConsultationAction action, Set<ConsultationState> from, ConsultationState to) {}

    public static final List<Rule> RULES = List.of(
            new Rule(NOTIFY, EnumSet.of(OPEN), NOTIFIED),
            new Rule(RECORD_ATTENDANCE, EnumSet.of(NOTIFIED, MET), MET),
            new Rule(DECIDE, EnumSet.of(MET), DECIDED),
            new Rule(CANCEL, EnumSet.of(OPEN, NOTIFIED, MET), CANCELLED));

    private ConsultationRules() {}

    /** Where {@code action} leads from {@code state}; empty when it may not be taken there. */
    public static Optional<ConsultationState> next(ConsultationState state, ConsultationAction action) {
        for (Rule r : RULES) if (r.action() == action && r.from().contains(state)) return Optional.of(r.to());
        return Optional.empty();
    }

    /** What may be done in {@code state}: the client's buttons. */
    public static Set<ConsultationAction> allowed(ConsultationState state) {
        Set<ConsultationAction> out = new LinkedHashSet<>();
        for (Rule r : RULES) if (r.from().contains(state)) out.add(r.action());
        return out;
    }
}
