package org.linli.handlers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.Locale;
import org.linli.cases.Actor;
import org.linli.cases.Case;
import org.linli.cases.CaseAction;
import org.linli.cases.CaseEvent;
import org.linli.cases.CaseRegister;
import org.linli.cases.CaseStore;
import org.linli.cases.CaseWorkflow;
import org.linli.cases.Command;
import org.linli.cases.CommandParser;
import org.linli.cases.Standing;
import org.linli.cases.Tier;
import org.linli.categories.Categories;
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
import org.linli.observability.Log;
import org.linli.photos.PhotoRefs;
import org.linli.views.photos.PhotoViews;
import org.linli.views.Views;
import org.linli.views.cases.CaseViews;
import org.linli.wiring.Wiring;

/**
 * Cases (案卷): reading a case and its audit trail, acting on it ({@code POST /cases/{id}/actions/{action}}),
 * and the work queues - a worker's cases, a dispatcher's queue, a supervisor's overdue list, a
 * department's summons tasks - each one query.
 */
public final class CasesApi extends ApiHandler {
    private final CaseStore cases;
    private final CaseWorkflow workflow;
    private final Categories categories;
    private final PhotoRefs photos;
    private final CaseRegister register;

    public CasesApi() {
        this(Wiring.current());
    }

    private CasesApi(Wiring w) {
        this(w.caseStore(), w.caseWorkflow(), w.categories(), w.caseRegister(), w.clock(), w.photoRefs());
        checkAccounts(w.accountCheck(), w::accessLog);
    }

    public CasesApi(CaseStore cases, CaseWorkflow workflow, Categories categories, CaseRegister register, Clock clock,
                    PhotoRefs photos) {
        super(clock);
        this.photos = photos;
        this.cases = cases;
        this.workflow = workflow;
        this.categories = categories;
        this.register = register;
        serve(ApiRoutes.BY_HANDLER.get(getClass().getName()),
                Route.of("GET /cases", Access.staff().object(), this::register),
                Route.of("GET /cases/{caseId}", Access.ANY_USER.object(), this::get),
                Route.of("GET /cases/{caseId}/audit", Access.ANY_USER.object(), this::audit),
                Route.of("POST /cases/{caseId}/actions/{action}", Access.ANY_USER.object(), this::act),
                Route.of("GET /me/cases", Access.staff().own(), this::mine),
                Route.of("GET /dispatch/{nodeCode}/unassigned", Access.staff().node("nodeCode"), this::unassigned),
                Route.of("GET /supervision/{nodeCode}/overdue", Access.staff().node("nodeCode"), this::overdue),
                Route.of("GET /departments/{departmentCode}/tasks", Access.staff().node("departmentCode"), this::tasks));
    }

    /** The case and the caller's standing on it; 404 for residents who may not know it exists. */
    private Viewing read(ApiRequest request) {
        Principal me = request.principal();
        String id = request.pathParam("caseId");
        if (!Ids.looksLike(id, "case")) throw new NotFound("case", id);
        Case c = cases.find(id).orElseThrow(() -> new NotFound("case", id));
        Standing standing = Standing.of(c, Actor.of(me));
        if (!standing.canRead()) {
            if (me.isStaff()) throw new Forbidden("This case is outside your territory.");
            throw new NotFound("case", id);
        }
        return new Viewing(c, standing, Actor.of(me));
    }

    private record Viewing(Case c, Standing standing, Actor actor) {}

    private ApiResponse get(ApiRequest request) {
        Viewing v = read(request);
        return ApiResponse.ok(view(v.c(), v.standing(), v.actor()));
    }

    private ObjectNode view(Case c, Standing standing, Actor actor) {
        ObjectNode o = standing.followerOnly() ? CaseViews.followerView(c, categories) : CaseViews.caseView(c, categories, standing.staffView());
        // the result's evidence photos: links where the result is shown to this reader
        if (c.resolution() != null && o.has("result")) {
            PhotoViews.links((ObjectNode) o.get("result"), "photos", photos.links(c.resolution().evidence()));
        }
        var allowed = o.putArray("allowedActions");
        workflow.allowed(c, actor).forEach(a -> allowed.add(a.wire()));
        return o;
    }

    private ApiResponse audit(ApiRequest request) {
        Viewing v = read(request);
        // A follower sees the case's status and outcome, not its trail (issue 13 defect 2).
        if (v.standing().followerOnly()) throw new NotFound("case", v.c().id());
        Page<CaseEvent> page = cases.audit(v.c().id(), request.limit(50, 200), request.cursor());
        ObjectNode body = Json.object();
        var items = body.putArray("items");
        for (CaseEvent e : page.items()) {
            ObjectNode entry = CaseViews.auditEntry(e, v.standing().staffView(), v.actor().id());
            // attachments are shown to staff only, and so are their links
            if (v.standing().staffView() && !e.attachments().isEmpty()) PhotoViews.links(entry, "photos", photos.links(e.attachments()));
            items.add(entry);
        }
        return ApiResponse.ok(Views.withCursor(body, page.nextCursor()));
    }

    private ApiResponse act(ApiRequest request) {
        Principal me = request.principal();
        String id = request.pathParam("caseId");
        if (!Ids.looksLike(id, "case")) throw new NotFound("case", id);
        String name = request.pathParam("action");
        CaseAction action = CaseAction.fromWire(name).orElseThrow(() -> new NotFound("There is no case action '" + name
                + "'; see docs/api.md for dispatch, accept, resolve, verdict and the rest."));
        String key = Idempotency.required(request);
        Command cmd = CommandParser.parse(action, request.body(), key);
        photos.requireUsable(me.userId(), "photoKeys", cmd.photoKeys()); // staff evidence: uploaded by the acting member
        Actor actor = Actor.of(me);
        CaseWorkflow.Outcome o = workflow.act(id, cmd, actor);
        Log.info(o.replayed() ? "case.action_replayed" : "case.action", "caseId", id, "action", action.wire(),
                "status", o.c().status(), "version", o.c().version(), "requestId", request.requestId());
        ObjectNode body = view(o.c(), Standing.of(o.c(), actor), actor);
        body.putObject("event").put("eventId", o.event().eventId()).put("version", o.event().version())
                .put("action", o.event().action().wire());
        ApiResponse response = ApiResponse.ok(body);
        return o.replayed() ? response.withHeader("Idempotent-Replayed", "true") : response;
    }

    /** The case register (事件台账): the unit's cases, filtered, newest first; the unit is checked in the domain. */
    private ApiResponse register(ApiRequest request) {
        CaseRegister.Filters f = RegisterParams.read(request, categories);
        Page<Case> page = register.list(request.principal(), f, request.limit(50, 100), request.cursor());
        return ApiResponse.ok(list(page));
    }

    private ApiResponse mine(ApiRequest request) {
        Page<Case> page = cases.assignedTo(request.principal().userId(), request.limit(20, 100), request.cursor());
        return ApiResponse.ok(list(page));
    }

    private ApiResponse unassigned(ApiRequest request) {
        String node = request.pathParam("nodeCode"); // the gate: a node the caller works for
        return ApiResponse.ok(list(cases.unassignedAt(node, request.limit(20, 100), request.cursor())));
    }

    private ApiResponse overdue(ApiRequest request) {
        String node = request.pathParam("nodeCode"); // the gate: a node the caller works for
        Tier tier = null;
        var level = request.query("level");
        if (level.isPresent()) {
            try {
                tier = Tier.valueOf(level.get().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ValidationFailed.of("level", "must be COMMUNITY, STREET, DEPARTMENT or DISTRICT");
            }
        }
        return ApiResponse.ok(list(cases.overdue(node, tier, clock.instant(), request.limit(20, 100), request.cursor())));
    }

    private ApiResponse tasks(ApiRequest request) {
        String department = request.pathParam("departmentCode"); // the gate: his department
        Page<CaseStore.DepartmentTask> page = cases.tasksOf(department, request.limit(20, 100), request.cursor());
        ObjectNode body = Json.object();
        var items = body.putArray("items");
        for (CaseStore.DepartmentTask t : page.items()) items.add(CaseViews.task(t, categories));
        return ApiResponse.ok(Views.withCursor(body, page.nextCursor()));
    }

    private ObjectNode list(Page<Case> page) {
        ObjectNode body = Json.object();
        var items = body.putArray("items");
        for (Case c : page.items()) items.add(CaseViews.caseView(c, categories, true));
        return Views.withCursor(body, page.nextCursor());
    }
}
