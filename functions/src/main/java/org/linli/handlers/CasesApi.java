package org.linli.handlers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import org.linli.adapters.dynamo.DynamoCaseStore;
import org.linli.cases.Case;
import org.linli.cases.CaseStore;
import org.linli.cases.Categories;
import org.linli.config.AwsClients;
import org.linli.config.Env;
import org.linli.core.Forbidden;
import org.linli.core.Ids;
import org.linli.core.NotFound;
import org.linli.core.Page;
import org.linli.core.ValidationFailed;
import org.linli.http.Access;
import org.linli.http.ApiHandler;
import org.linli.http.ApiRequest;
import org.linli.http.ApiResponse;
import org.linli.http.Route;
import org.linli.identity.Principal;
import org.linli.json.Json;

/** GET /cases/{caseId}, GET /me/cases (a worker's queue), GET /dispatch/{nodeCode}/unassigned. */
public final class CasesApi extends ApiHandler {
    private static final java.util.regex.Pattern NODE_CODE = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final CaseStore cases;
    private final Categories categories;

    public CasesApi() {
        this(new DynamoCaseStore(AwsClients.dynamo(), Env.require("CASES_TABLE")), Categories.fromClasspath(),
                Clock.systemUTC());
    }

    public CasesApi(CaseStore cases, Categories categories, Clock clock) {
        super(clock);
        this.cases = cases;
        this.categories = categories;
        serve(ApiRoutes.BY_HANDLER.get(getClass().getName()),
                Route.of("GET /cases/{caseId}", Access.ANY_USER, this::get),
                Route.of("GET /me/cases", Access.staff(), this::mine),
                Route.of("GET /dispatch/{nodeCode}/unassigned", Access.staff(), this::unassigned));
    }

    private ApiResponse get(ApiRequest request) {
        Principal me = request.principal();
        String id = request.pathParam("caseId");
        if (!Ids.looksLike(id, "case")) throw new NotFound("case", id);
        Case c = cases.find(id).orElseThrow(() -> new NotFound("case", id));
        boolean assignee = c.assignee() != null && c.assignee().userId().equals(me.userId());
        boolean staff = assignee || me.covers(c.territoryPath());
        if (!staff) {
            if (!c.reporterIds().contains(me.userId())) {
                if (me.isStaff()) throw new Forbidden("This case is outside your territory.");
                throw new NotFound("case", id);
            }
        }
        return ApiResponse.ok(Views.caseView(c, categories, staff));
    }

    private ApiResponse mine(ApiRequest request) {
        Page<Case> page = cases.assignedTo(request.principal().userId(), request.limit(20, 100), request.cursor());
        return ApiResponse.ok(list(page));
    }

    private ApiResponse unassigned(ApiRequest request) {
        Principal me = request.principal();
        String node = request.pathParam("nodeCode");
        if (!NODE_CODE.matcher(node).matches()) throw ValidationFailed.of("nodeCode", "is not a territory code");
        if (!me.isAdmin() && !me.scope().contains(node)) {
            throw new Forbidden("You do not dispatch for " + node + ".");
        }
        return ApiResponse.ok(list(cases.unassignedAt(node, request.limit(20, 100), request.cursor())));
    }

    private ObjectNode list(Page<Case> page) {
        ObjectNode body = Json.object();
        var items = body.putArray("items");
        for (Case c : page.items()) items.add(Views.caseView(c, categories, true));
        if (page.nextCursor() == null) body.putNull("nextCursor");
        else body.put("nextCursor", page.nextCursor());
        return body;
    }
}
