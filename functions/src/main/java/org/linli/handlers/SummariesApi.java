package org.linli.handlers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.YearMonth;
import org.linli.core.NotFound;
import org.linli.core.Page;
import org.linli.cycle.CycleStore;
import org.linli.cycle.MonthlySummary;
import org.linli.http.Access;
import org.linli.http.ApiHandler;
import org.linli.http.ApiRequest;
import org.linli.http.ApiResponse;
import org.linli.http.Route;
import org.linli.json.Json;
import org.linli.views.Views;
import org.linli.views.cycle.SummaryViews;
import org.linli.volunteer.grading.Standings;
import org.linli.volunteer.membership.Communities;
import org.linli.volunteer.membership.Community;
import org.linli.volunteer.membership.Memberships;
import org.linli.wiring.Wiring;

/**
 * The monthly summaries (月度小结) the cycle stores on its summary date, for the staff whose
 * territory covers the community: {@code GET /communities/{code}/summaries} (newest first) and
 * {@code GET /communities/{code}/summaries/{month}}.
 */
public final class SummariesApi extends ApiHandler {
    private final CycleStore store;
    private final Communities communities;

    public SummariesApi() {
        this(Wiring.current());
    }

    private SummariesApi(Wiring w) {
        this(w.cycleStore(), w.communities(), w.clock());
        checkAccounts(w.accountCheck(), w::accessLog);
    }

    public SummariesApi(CycleStore store, Communities communities, Clock clock) {
        super(clock);
        this.store = store;
        this.communities = communities;
        serve(ApiRoutes.BY_HANDLER.get(getClass().getName()),
                Route.of("GET /communities/{code}/summaries", Access.staff().community("code"), this::list),
                Route.of("GET /communities/{code}/summaries/{month}", Access.staff().community("code"), this::one));
    }

    private Community staffCommunity(ApiRequest r) {
        Community c = communities.require(r.pathParam("code"));
        Memberships.requireStaffOf(r.principal(), c);
        return c;
    }

    private ApiResponse list(ApiRequest r) {
        Community c = staffCommunity(r);
        Page<MonthlySummary> page = store.summaries(c.code(), r.limit(12, 60), r.cursor());
        ObjectNode body = Json.object();
        var items = body.putArray("items");
        page.items().forEach(s -> items.add(SummaryViews.summary(s)));
        return ApiResponse.ok(Views.withCursor(body, page.nextCursor()));
    }

    private ApiResponse one(ApiRequest r) {
        Community c = staffCommunity(r);
        YearMonth month = Standings.month(r.pathParam("month"));
        return store.summary(c.code(), month).map(s -> ApiResponse.ok(SummaryViews.summary(s)))
                .orElseThrow(() -> new NotFound("summary", c.code() + "/" + month));
    }

}
