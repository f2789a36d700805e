package org.linli.views.cycle;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.linli.core.Times;
import org.linli.cycle.MonthlySummary;
import org.linli.json.Json;

/** JSON views of the monthly summaries (月度小结) the cycle stores for each community. */
public final class SummaryViews {
    private SummaryViews() {}

    public static ObjectNode summary(MonthlySummary s) {
        ObjectNode o = Json.object().put("community", s.community()).put("month", s.month().toString());
        ObjectNode wishes = o.putObject("requests");
        wishes.put("collected", s.collected()).put("classified", s.classified()).put("served", s.served()).put("rated", s.rated());
        o.putObject("cases").put("received", s.casesReceived()).put("resolved", s.casesResolved()).put("overdue", s.casesOverdue());
        o.putObject("volunteers").put("active", s.volunteersActive());
        o.set("organisations", org.linli.views.organisations.OrganisationViews.hours(s.organisations()));
        o.put("computedAt", Times.api(s.computedAt()));
        return o;
    }
}
