package org.linli.handlers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import org.linli.categories.Categories;
import org.linli.core.Ids;
import org.linli.core.NotFound;
import org.linli.core.Page;
import org.linli.http.Access;
import org.linli.http.ApiHandler;
import org.linli.http.ApiRequest;
import org.linli.http.ApiResponse;
import org.linli.http.Route;
import org.linli.json.Json;
import org.linli.kpi.KpiSettings;
import org.linli.kpi.UnitDirectory;
import org.linli.observability.Log;
import org.linli.patrol.Patrol;
import org.linli.patrol.PatrolLog;
import org.linli.patrol.PatrolParser;
import org.linli.patrol.PatrolStore;
import org.linli.report.ReportIntake;
import org.linli.territory.TerritoryDirectory;
import org.linli.views.Views;
import org.linli.views.patrol.PatrolViews;
import org.linli.wiring.Wiring;

/** Patrols (巡查): POST /patrols (a visit, findings reported in the same step), GET /patrols/{patrolId}, GET /me/patrols. */
public final class PatrolsApi extends ApiHandler {
    private final PatrolLog log;
    private final PatrolStore store;
    private final PatrolParser parser;

    public PatrolsApi() {
        this(Wiring.current());
    }

    private PatrolsApi(Wiring w) {
        this(w.territory(), w.units(), w.patrolStore(), w.patrolIntake(), w.categories(), w.kpiSettings(), w.clock());
        checkAccounts(w.accountCheck(), w::accessLog);
    }

    public PatrolsApi(TerritoryDirectory territory, UnitDirectory units, PatrolStore store, ReportIntake intake,
                      Categories categories, KpiSettings settings, Clock clock) {
        super(clock);
        this.store = store;
        this.log = new PatrolLog(territory, units, store, intake, settings.visitsPerMicroGrid(), clock);
        this.parser = new PatrolParser(categories);
        serve(ApiRoutes.BY_HANDLER.get(getClass().getName()),
                Route.of("POST /patrols", Access.staff().object(), this::create),
                Route.of("GET /patrols/{patrolId}", Access.staff().object(), this::get),
                Route.of("GET /me/patrols", Access.staff().own(), this::mine));
    }

    private ApiResponse create(ApiRequest request) {
        String key = Idempotency.key(request);
        PatrolLog.Logged logged = log.log(request.principal(), parser.parse(request.body()), key);
        Patrol p = logged.patrol();
        Log.info(logged.replayed() ? "patrol.replayed" : "patrol.logged", "patrolId", p.id(), "unit", p.unit(),
                "credited", p.credited(), "reports", p.findings().stream().filter(f -> f.reportId() != null).count(),
                "requestId", request.requestId());
        ApiResponse r = ApiResponse.created(PatrolViews.patrol(p), "/patrols/" + p.id());
        return logged.replayed() ? r.withHeader("Idempotent-Replayed", "true") : r;
    }

    private ApiResponse get(ApiRequest request) {
        String id = request.pathParam("patrolId");
        if (!Ids.looksLike(id, "ptl")) throw new NotFound("patrol", id);
        return ApiResponse.ok(PatrolViews.patrol(log.find(request.principal(), id)));
    }

    private ApiResponse mine(ApiRequest request) {
        Page<Patrol> page = store.byPatroller(request.principal().userId(), request.limit(20, 100), request.cursor());
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("items");
        page.items().forEach(p -> items.add(PatrolViews.patrol(p)));
        return ApiResponse.ok(Views.withCursor(body, page.nextCursor()));
    }

}
