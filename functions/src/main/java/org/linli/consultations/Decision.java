package org.linli.consultations;

import java.time.Instant;
import java.util.List;

/**
 * The decision: the option chosen (its index), the votes per option and abstentions, a summary
 * (what was decided, the case's result), the minutes (纪要: staff only, masked in public), and for
 * a case how it moves on ({@code departments} for a redirect, {@code reason} for a rejection).
 */
public record Decision(int chosen, List<Integer> votes, int abstained, String summary, String minutes, CaseOutcome outcome,
                       List<String> departments, String reason, Instant decidedAt, String decidedBy) {
    public Decision {
        votes = List.copyOf(votes);
        departments = departments == null ? List.of() : List.copyOf(departments);
    }

    public int votesCast() {
        return votes.stream().mapToInt(Integer::intValue).sum() + abstained;
    }
}
