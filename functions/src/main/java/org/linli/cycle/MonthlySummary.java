package org.linli.cycle;

import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A community's month (月度小结), counted as cohorts of that month: of the micro-wishes placed in
 * it, how many were classified (approved, dispatched or declined), served and rated by now; of the
 * cases opened there in it, how many are resolved (resolved, fed back or closed) and how many ran
 * late (escalated a level, flagged overdue, or still open past their limit - a case waiting for
 * its reporter's verdict is not late); and how many volunteers earned points or verified hours
 * in it.
 */
public record MonthlySummary(String community, YearMonth month, int collected, int classified, int served, int rated,
                             int casesReceived, int casesResolved, int casesOverdue, int volunteersActive,
                             Instant computedAt) {

    /** The figures by name, as message values and in the API. */
    public Map<String, String> values() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("collected", String.valueOf(collected));
        v.put("classified", String.valueOf(classified));
        v.put("served", String.valueOf(served));
        v.put("rated", String.valueOf(rated));
        v.put("casesReceived", String.valueOf(casesReceived));
        v.put("casesResolved", String.valueOf(casesResolved));
        v.put("casesOverdue", String.valueOf(casesOverdue));
        v.put("volunteersActive", String.valueOf(volunteersActive));
        return v;
    }
}
