package org.linli.cycle;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * One step of one district's monthly cycle, due on {@code firedOn}. The cycle month is the month
 * whose requests the step is about (the service day on 5 December belongs to November's cycle).
 * Its id - district, cycle month, step - is what makes a re-fired schedule recognisable.
 *
 * @param deadline  the date the step's work is due by, when the step has one
 * @param eventDate the date of the event the step announces (the service day), when it has one
 */
public record Occurrence(String district, String step, YearMonth cycleMonth, LocalDate firedOn, LocalDate deadline,
                         LocalDate eventDate, List<String> kinds) {
    public Occurrence {
        kinds = List.copyOf(kinds);
    }

    public String cycleId() {
        return cycleId(district, cycleMonth, step);
    }

    public static String cycleId(String district, YearMonth cycleMonth, String step) {
        return district + ":" + cycleMonth + ":" + step;
    }
}
