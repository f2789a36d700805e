package org.linli.cycle;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.linli.core.Times;

/**
 * The work of telling one community about one cycle step: what the planner sends for each
 * community and what a dispatch that runs out of time sends again to carry on. The cursor is not
 * in it - it lives in the checkpoint - so the first message, a continuation and a copy of either
 * all mean the same thing: "carry on from the checkpoint".
 */
public record DispatchWork(String cycleId, String district, String community, String step, YearMonth cycleMonth,
                           LocalDate firedOn, LocalDate deadline, LocalDate eventDate, List<String> kinds) {
    public DispatchWork {
        kinds = List.copyOf(kinds);
    }

    public static DispatchWork of(Occurrence o, String community) {
        return new DispatchWork(o.cycleId(), o.district(), community, o.step(), o.cycleMonth(), o.firedOn(), o.deadline(),
                o.eventDate(), o.kinds());
    }

    /**
     * The time the notifications of this work carry: the start of the day the step fell due. A
     * function of the cycle alone (a step falls due on one day), so the ids derived from it are
     * the same whenever and however often the step is dispatched.
     */
    public Instant notifiedAt() {
        return firedOn.atStartOfDay(Times.CHINA).toInstant();
    }
}
