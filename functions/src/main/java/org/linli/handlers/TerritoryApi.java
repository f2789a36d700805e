package org.linli.handlers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.linli.cases.Department;
import org.linli.cases.DepartmentDirectory;
import org.linli.core.NotFound;
import org.linli.core.Times;
import org.linli.core.ValidationFailed;
import org.linli.core.format.NodeCode;
import org.linli.geo.Datum;
import org.linli.geo.GeoPoint;
import org.linli.http.Access;
import org.linli.identity.Grant;
import org.linli.identity.Principal;
import org.linli.identity.Role;
import org.linli.http.ApiHandler;
import org.linli.http.ApiRequest;
import org.linli.http.ApiResponse;
import org.linli.http.Route;
import org.linli.json.Json;
import org.linli.territory.BuildingRecord;
import org.linli.territory.Level;
import org.linli.territory.Locator;
import org.linli.territory.MapInfo;
import org.linli.territory.MapVersion;
import org.linli.territory.Placement;
import org.linli.territory.RegistryNode;
import org.linli.territory.Roster;
import org.linli.territory.RosterMember;
import org.linli.territory.TerritoryRegistry;
import org.linli.territory.WorkerChoice;
import org.linli.territory.WorkerSelection;
import org.linli.views.territory.TerritoryViews;
import org.linli.wiring.Wiring;

/**
 * The territory registry's read API for the mini-program: a node with its children, the buildings
 * of a compound (the picker), the grid and worker for a point or a building code, and the map
 * versions; and the department registry for the console. Point lookups cost what assignment
 * costs: the cell, then one roster batch.
 */
public final class TerritoryApi extends ApiHandler {
    private final TerritoryRegistry registry;
    private final DepartmentDirectory departments;
    private final Locator locator;

    public TerritoryApi() {
        this(Wiring.current());
    }

    private TerritoryApi(Wiring w) {
        this(w.territory(), w.departments(), w.clock());
        checkAccounts(w.accountCheck(), w::accessLog);
    }

    public TerritoryApi(TerritoryRegistry registry, DepartmentDirectory departments, Clock clock) {
        super(clock);
        this.registry = registry;
        this.departments = departments;
        this.locator = new Locator(registry);
        serve(ApiRoutes.BY_HANDLER.get(getClass().getName()),
                Route.of("GET /territory/nodes/{code}", Access.ANY_USER.anyTerritory(), this::node),
                Route.of("GET /territory/nodes/{code}/buildings", Access.ANY_USER.anyTerritory(), this::buildings),
                Route.of("GET /territory/locate", Access.ANY_USER.anyTerritory(), this::locate),
                Route.of("GET /territory/versions", Access.staff().anyTerritory(), this::versions),
                Route.of("GET /territory/departments", Access.staff().object(), this::departments));
    }

    private ApiResponse node(ApiRequest request) {
        String code = code(request);
        int version = version(request);
        RegistryNode n = registry.node(version, code).orElseThrow(() -> new NotFound("territory node", code));
        String g = request.query("geometry").orElse("false");
        if (!g.equals("true") && !g.equals("false")) throw ValidationFailed.of("geometry", "must be true or false");
        boolean geometry = g.equals("true");
        ObjectNode body = TerritoryViews.node(n, geometry);
        body.put("mapVersion", version);
        ArrayNode children = body.putArray("children");
        List<RegistryNode> list = new ArrayList<>(registry.children(version, code));
        list.sort(Comparator.comparing((RegistryNode c) -> c.compound()).thenComparing(RegistryNode::code));
        for (RegistryNode c : list) children.add(TerritoryViews.node(c, false));
        return ApiResponse.ok(body);
    }

    private ApiResponse buildings(ApiRequest request) {
        String code = code(request);
        int version = version(request);
        List<BuildingRecord> list = new ArrayList<>(registry.buildingsUnder(version, code));
        if (list.isEmpty() && registry.node(version, code).isEmpty()) throw new NotFound("territory node", code);
        list.sort(Comparator.comparing(BuildingRecord::code));
        ObjectNode body = Json.object().put("mapVersion", version).put("parent", code);
        ArrayNode items = body.putArray("items");
        for (BuildingRecord b : list) {
            ObjectNode o = items.addObject().put("code", b.code()).put("name", b.name());
            TerritoryViews.ref(o, "grid", b.grid() == null ? null : b.grid().code(), b.grid() == null ? null : b.grid().name());
            TerritoryViews.ref(o, "microGrid", b.microGrid() == null ? null : b.microGrid().code(), b.microGrid() == null ? null : b.microGrid().name());
            if (b.compoundCode() != null) o.put("compound", b.compoundCode());
        }
        return ApiResponse.ok(body);
    }

    private ApiResponse locate(ApiRequest request) {
        String building = request.query("building").orElse(null);
        GeoPoint point = point(request, building == null);
        if (building != null && !NodeCode.valid(building)) throw ValidationFailed.of("building", "is not a building code");
        MapInfo map = locator.currentMap();
        Placement p = locator.locate(point, building);
        if (point == null && p.method() == Placement.Method.NONE) throw new NotFound("building", building);
        ObjectNode body = Json.object().put("mapVersion", p.mapVersion()).put("method", p.method().name());
        if (point != null) {
            GeoPoint inMap = point.in(map.datum());
            body.putObject("point").put("lat", inMap.lat()).put("lng", inMap.lng()).put("datum", inMap.datum().name());
        }
        TerritoryViews.ref(body, "grid", p.grid() == null ? null : p.grid().code(), p.grid() == null ? null : p.grid().name());
        TerritoryViews.ref(body, "microGrid", p.microGrid() == null ? null : p.microGrid().code(), p.microGrid() == null ? null : p.microGrid().name());
        ArrayNode path = body.putArray("path");
        p.path().forEach(path::add);
        boolean staff = request.principal().isStaff();
        if (!p.inGrid()) {
            body.putNull("worker");
            body.putNull("microGridLeader");
            body.put("queueNode", p.dispatchNode(map::rootCode));
            return ApiResponse.ok(body);
        }
        // One batch for the grid, its community and its micro-grid: the same cost as assignment.
        String community = p.codeAt(Level.COMMUNITY);
        List<String> codes = new ArrayList<>(List.of(p.grid().code()));
        if (community != null) codes.add(community);
        if (p.microGrid() != null) codes.add(p.microGrid().code());
        Map<String, Roster> rosters = registry.rosters(codes);
        WorkerChoice choice = WorkerSelection.choose(rosters.get(p.grid().code()), community == null ? null : rosters.get(community));
        if (choice.found()) TerritoryViews.member(body.putObject("worker"), choice.worker(), staff).put("rule", choice.rule().name());
        else body.putNull("worker");
        var leader = p.microGrid() == null ? java.util.Optional.<RosterMember>empty()
                : WorkerSelection.microGridLeader(rosters.get(p.microGrid().code()));
        if (leader.isPresent()) TerritoryViews.member(body.putObject("microGridLeader"), leader.get(), staff);
        else body.putNull("microGridLeader");
        if (!choice.found()) body.put("queueNode", p.dispatchNode(map::rootCode));
        return ApiResponse.ok(body);
    }

    private ApiResponse versions(ApiRequest request) {
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("items");
        for (MapVersion v : registry.versions()) {
            ObjectNode o = items.addObject().put("version", v.version()).put("state", v.state()).put("current", v.current());
            if (v.note() != null) o.put("note", v.note());
            if (v.rootCode() != null) o.put("rootCode", v.rootCode());
            if (v.cellPrecision() != null) o.put("cellPrecision", v.cellPrecision());
            if (v.createdAt() != null) o.put("createdAt", Times.api(v.createdAt()));
            if (v.publishedAt() != null) o.put("publishedAt", Times.api(v.publishedAt()));
        }
        return ApiResponse.ok(body);
    }

    /**
     * The department registry in the caller's scope (the console's summons picker): one Query of the
     * listing, and for staff below the district the path of each node they hold (the map pointer,
     * cached, and one GetItem per node) so that the departments seated above them are listed too.
     */
    private ApiResponse departments(ApiRequest request) {
        Principal caller = request.principal();
        List<List<String>> paths = new ArrayList<>();
        if (!caller.isAdmin()) {
            Set<String> nodes = new LinkedHashSet<>();
            for (Grant g : caller.grants()) if (g.role().territorial() && g.role() != Role.DEPARTMENT_STAFF && g.node() != null) nodes.add(g.node());
            if (!nodes.isEmpty()) {
                int version = locator.currentMap().version();
                for (String code : nodes) registry.node(version, code).ifPresent(n -> paths.add(n.path()));
            }
        }
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("items");
        for (Department d : departments.registry()) {
            if (!d.inScopeOf(caller, paths)) continue;
            ObjectNode o = items.addObject().put("code", d.code()).put("name", d.name()).put("kind", d.kind());
            if (d.jurisdiction() != null) o.put("seat", d.jurisdiction());
        }
        return ApiResponse.ok(body);
    }

    // ------------------------------------------------------------------ helpers

    private static String code(ApiRequest request) {
        String code = request.pathParam("code");
        if (!NodeCode.valid(code)) throw ValidationFailed.of("code", "is not a territory code");
        return code;
    }

    /** {@code ?version=N} (an earlier map: cases name theirs), else the current map. */
    private int version(ApiRequest request) {
        var raw = request.query("version");
        if (raw.isEmpty()) return locator.currentMap().version();
        try {
            int v = Integer.parseInt(raw.get());
            if (v >= 1) return v;
        } catch (NumberFormatException ignored) {
            // below
        }
        throw ValidationFailed.of("version", "must be a map version number (1 or more)");
    }

    /** {@code lat}, {@code lng} and {@code datum} (WGS84 or GCJ02) from the query, all or none. */
    private static GeoPoint point(ApiRequest request, boolean required) {
        var lat = request.query("lat");
        var lng = request.query("lng");
        var datum = request.query("datum");
        if (lat.isEmpty() && lng.isEmpty() && !required) return null;
        List<org.linli.core.FieldError> errors = new ArrayList<>();
        Double la = coordinate(lat.orElse(null), 90, "lat", errors);
        Double ln = coordinate(lng.orElse(null), 180, "lng", errors);
        Datum d = null;
        if (datum.isEmpty()) errors.add(new org.linli.core.FieldError("datum", "is required: WGS84 (wx.getLocation's default) or GCJ02"));
        else {
            try {
                d = Datum.valueOf(datum.get().toUpperCase(Locale.ROOT).replace("-", ""));
            } catch (IllegalArgumentException e) {
                errors.add(new org.linli.core.FieldError("datum", "must be WGS84 or GCJ02"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed("Give lat, lng and datum (or building=CODE): " + errors.size() + " field(s) need attention.", errors);
        }
        return new GeoPoint(la, ln, d);
    }

    private static Double coordinate(String raw, double bound, String field, List<org.linli.core.FieldError> errors) {
        if (raw == null) {
            errors.add(new org.linli.core.FieldError(field, "is required"));
            return null;
        }
        try {
            double v = Double.parseDouble(raw);
            if (v >= -bound && v <= bound) return v;
        } catch (NumberFormatException ignored) {
            // below
        }
        errors.add(new org.linli.core.FieldError(field, "must be a number between -" + (int) bound + " and " + (int) bound));
        return null;
    }

}
