package org.linli.cycle;

import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linli.organisations.OrganisationHours;

/**
 * A community's month (月度小结), counted as cohorts of that month: of the micro-wishes placed in
 * it, how many were classified (approved, dispatched or declined), served and rated by now; of the
 * cases opened there in it, how many are resolved (resolved, fed back or closed) and how many ran
 * late (escalated a level, flagged overdue, or still open past their limit - a case waiting for
 * its reporter's verdict is not late); and how many volunteers earned points or verified hours
 * in it; and the verified service hours of each organisation's volunteers that month
 * ({@code organisations}, from {@link org.linli.organisations.ServiceHours} - the year-end view's path too).
 */
public record MonthlySummary(String community, YearMonth month, int collected, int classified, int served, int rated,
                             int casesReceived, int casesResolved, int casesOverdue, int volunteersActive,
                             Instant computedAt, List<OrganisationHours> organisations) {
    public MonthlySummary {
        organisations = organisations == null ? List.of() : List.copyOf(organisations);
    }

    /** A summary without organisation figures (stored before organisations were counted). */
    public MonthlySummary(String community, YearMonth month, int collected, int classified, int served, int rated,
                          int casesReceived, int casesResolved, int casesOverdue, int volunteersActive, Instant computedAt) {
        this(community, month, collected, classified, served, rated, casesReceived, casesResolved, casesOverdue,
                volunteersActive, computedAt, List.of());
    }

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
