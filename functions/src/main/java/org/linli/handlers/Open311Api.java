package org.linli.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.linli.cases.Case;
import org.linli.cases.CaseStatus;
import org.linli.categories.Categories;
import org.linli.categories.Category;
import org.linli.core.FieldError;
import org.linli.core.Forbidden;
import org.linli.core.Ids;
import org.linli.core.Masking;
import org.linli.core.NotFound;
import org.linli.core.Times;
import org.linli.core.ValidationFailed;
import org.linli.core.format.NodeCode;
import org.linli.core.format.Phone;
import org.linli.geo.Datum;
import org.linli.geo.GeoPoint;
import org.linli.http.Access;
import org.linli.http.ApiHandler;
import org.linli.http.ApiRequest;
import org.linli.http.ApiResponse;
import org.linli.http.Route;
import org.linli.json.Json;
import org.linli.kpi.UnitDirectory;
import org.linli.observability.Log;
import org.linli.open311.ApiKeys;
import org.linli.open311.Open311Catalog;
import org.linli.open311.Open311Form;
import org.linli.open311.Open311Status;
import org.linli.open311.RequestFilter;
import org.linli.open311.ServiceRequests;
import org.linli.open311.SparkXml;
import org.linli.report.Contact;
import org.linli.report.Report;
import org.linli.report.ReportDraft;
import org.linli.report.ReportIntake;
import org.linli.report.ReportStore;
import org.linli.report.Source;
import org.linli.territory.Locator;
import org.linli.territory.Placement;
import org.linli.territory.TerritoryDirectory;
import org.linli.wiring.Wiring;

/**
 * Open311 GeoReport v2 (docs/open311.md), JSON and XML: the service list and definitions, POST a
 * request (form-encoded, with an {@code api_key} scoped to a territory; answered with a token,
 * the services being {@code batch}), the token's request id, GET requests by id or by filters
 * within the specification's 90 days and 1000 requests, GET one request. Public reads need no
 * key. Errors are the specification's - a list of {@code {code, description}} with 400, 403 or
 * 404 - not Linli's error format: the one exception to it, made in {@link #renderError}.
 */
public final class Open311Api extends ApiHandler {
    static final String BASE = "/open311/v2";
    private static final int MAX_DESCRIPTION = 4000;
    private static final Set<CaseStatus> CLOSED = EnumSet.of(CaseStatus.CLOSED, CaseStatus.REJECTED, CaseStatus.MERGED);

    private final Open311Catalog catalog;
    private final ApiKeys keys;
    private final ServiceRequests requests;
    private final ReportStore reports;
    private final ReportIntake intake;
    private final Locator locator;
    private final UnitDirectory units;
    private final String jurisdiction;
    private final boolean production;

    public Open311Api() {
        this(Wiring.current());
    }

    private Open311Api(Wiring w) {
        this(w.apiKeys(), w.serviceRequests(), w.reportStore(), w.open311Intake(), w.territory(), w.units(), w.categories(),
                w.open311Jurisdiction(), w.production(), w.clock());
    }

    public Open311Api(ApiKeys keys, ServiceRequests requests, ReportStore reports, ReportIntake intake, TerritoryDirectory territory,
                      UnitDirectory units, Categories categories, String jurisdiction, boolean production, Clock clock) {
        super(clock);
        this.catalog = new Open311Catalog(categories);
        this.keys = keys;
        this.requests = requests;
        this.reports = reports;
        this.intake = intake;
        this.locator = new Locator(territory);
        this.units = units;
        this.jurisdiction = jurisdiction;
        this.production = production;
        serve(ApiRoutes.BY_HANDLER.get(getClass().getName()),
                Route.of("GET /open311/discovery.json", Access.PUBLIC, this::discovery),
                Route.of("GET " + BASE + "/services.json", Access.PUBLIC, this::services),
                Route.of("GET " + BASE + "/services.xml", Access.PUBLIC, this::services),
                Route.of("GET " + BASE + "/services/{serviceCode}", Access.PUBLIC, this::definition),
                Route.form("POST " + BASE + "/requests.json", Access.apiKey(), this::create),
                Route.form("POST " + BASE + "/requests.xml", Access.apiKey(), this::create),
                Route.of("GET " + BASE + "/requests.json", Access.PUBLIC, this::list),
                Route.of("GET " + BASE + "/requests.xml", Access.PUBLIC, this::list),
                Route.of("GET " + BASE + "/requests/{requestId}", Access.PUBLIC, this::one),
                Route.of("GET " + BASE + "/tokens/{token}", Access.PUBLIC, this::token));
    }

    /** The format a path asks for: its {@code .json} or {@code .xml} suffix. */
    private enum Format {
        JSON, XML;

        static Format of(String path) {
            return path.endsWith(".xml") ? XML : JSON;
        }
    }

    // ------------------------------------------------------------------ routes

    private ApiResponse discovery(ApiRequest request) {
        ObjectNode d = Json.object();
        String changeset = "2026-01-01T00:00:00+08:00";
        d.put("changeset", changeset);
        d.put("contact", "Linli 邻里 - 12345 便民服务热线");
        d.put("key_service", "API keys are issued by the platform's operators (docs/open311.md).");
        ObjectNode e = d.putArray("endpoints").addObject();
        e.put("specification", "http://wiki.open311.org/GeoReport_v2");
        String host = request.domainName();
        e.put("url", (host == null ? "" : "https://" + host) + BASE);
        e.put("changeset", changeset);
        e.put("type", production ? "production" : "test");
        e.putArray("formats").add("application/json").add("text/xml");
        return ApiResponse.ok(d);
    }

    private ApiResponse services(ApiRequest request) {
        checkJurisdiction(request.query("jurisdiction_id").orElse(null));
        return answer(request, "services", catalog.services());
    }

    private ApiResponse definition(ApiRequest request) {
        checkJurisdiction(request.query("jurisdiction_id").orElse(null));
        String code = strip(request.pathParam("serviceCode"), "service_code");
        Category c = catalog.service(code).orElseThrow(() -> new NotFound("service_code " + code + " was not found."));
        return answer(request, "service_definition", catalog.definition(c));
    }

    private ApiResponse create(ApiRequest request) {
        Map<String, List<String>> form = request.form();
        String apiKey = first(form, "api_key");
        if (apiKey == null) throw new Forbidden("api_key is missing -- can't proceed with create_request.");
        ApiKeys.ApiKey key = keys.find(apiKey).orElseThrow(() -> new Forbidden("Invalid api_key received -- can't proceed with create_request."));
        checkJurisdiction(first(form, "jurisdiction_id"));
        String code = first(form, "service_code");
        if (code == null) throw ValidationFailed.of("service_code", "was not provided");
        Category category = catalog.service(code).orElseThrow(() -> new NotFound("service_code " + code + " was not found."));

        List<FieldError> errors = new ArrayList<>(Open311Form.textProblems(form));
        GeoPoint point = point(form, errors);
        String building = first(form, "address_id");
        Map<String, String> attributes = attributes(form, errors);
        if (building == null) building = attributes.get(Open311Catalog.BUILDING_CODE);
        if (building != null && !NodeCode.valid(building)) {
            errors.add(new FieldError("address_id", "is not a building code"));
            building = null;
        }
        if (point == null && building == null && errors.isEmpty()) {
            errors.add(new FieldError(first(form, "address_string") != null ? "address_string" : "lat",
                    "a location is required: lat & long (WGS84) or address_id (a building code); an address_string alone cannot be placed"));
        }
        String description = first(form, "description");
        if (description != null && description.length() > MAX_DESCRIPTION) {
            errors.add(new FieldError("description", "is longer than " + MAX_DESCRIPTION + " characters"));
        }
        String phone = first(form, "phone");
        if (phone != null && !Phone.valid(phone.replace(" ", ""))) errors.add(new FieldError("phone", "is not a phone number"));
        if (!errors.isEmpty()) throw new ValidationFailed("The request is invalid.", errors);

        Placement placement = locator.locate(point, building);
        if (placement.path().isEmpty()) {
            throw ValidationFailed.of(point != null ? "lat" : "address_id", "lies outside this jurisdiction");
        }
        key.requireCovers(placement.path());
        String name = join(first(form, "last_name"), first(form, "first_name"));
        ReportDraft draft = new ReportDraft(category.code(), description == null ? category.name() : description, point, building,
                List.of(), new Contact(name, phone == null ? null : phone.replace(" ", "")),
                "true".equals(attributes.get(Open311Catalog.ANONYMOUS)), Source.OPEN311);
        Report r = intake.submit(key.reporterId(), draft, null).report();
        Log.info("open311.request", "reportId", r.id(), "apiKey", key.name(), "category", category.code());
        ObjectNode o = Json.object();
        o.put("token", r.id());
        o.put("service_notice", Open311Catalog.notice(category));
        String account = first(form, "account_id");
        if (account == null) o.putNull("account_id"); else o.put("account_id", account);
        return answer(request, "service_requests", Json.array().add(o));
    }

    private ApiResponse list(ApiRequest request) {
        checkJurisdiction(request.query("jurisdiction_id").orElse(null));
        RequestFilter f = RequestFilter.parse(request.queryParams(), clock.instant());
        if (!f.serviceCodes().stream().allMatch(code -> catalog.service(code).isPresent())) {
            throw ValidationFailed.of("service_code", "names a service that does not exist (see services.json)");
        }
        List<ServiceRequests.Found> found;
        if (f.byIds()) {
            Map<String, ServiceRequests.Found> byId = requests.byIds(f.ids());
            found = f.ids().stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
        } else {
            Set<CaseStatus> statuses = EnumSet.noneOf(CaseStatus.class);
            if (f.statuses().size() == 1) statuses.addAll(f.statuses().contains("open") ? CaseStatus.OPEN : CLOSED);
            found = requests.between(f.start(), f.end(), f.serviceCodes(), statuses, RequestFilter.LIMIT);
        }
        return answer(request, "service_requests", views(found));
    }

    private ApiResponse one(ApiRequest request) {
        checkJurisdiction(request.query("jurisdiction_id").orElse(null));
        String id = strip(request.pathParam("requestId"), "service_request_id");
        ServiceRequests.Found found = requests.byIds(List.of(id)).get(id);
        if (found == null) throw new NotFound("service_request_id " + id + " was not found.");
        return answer(request, "service_requests", views(List.of(found)));
    }

    private ApiResponse token(ApiRequest request) {
        checkJurisdiction(request.query("jurisdiction_id").orElse(null));
        String token = strip(request.pathParam("token"), "token");
        Optional<Report> r = Ids.looksLike(token, "rpt") ? reports.find(token) : Optional.empty();
        if (r.isEmpty() || r.get().content().source() != Source.OPEN311) throw new NotFound("token " + token + " was not found.");
        ObjectNode o = Json.object();
        if (r.get().caseId() == null) o.putNull("service_request_id"); else o.put("service_request_id", r.get().caseId());
        o.put("token", token);
        return answer(request, "service_requests", Json.array().add(o));
    }

    // ------------------------------------------------------------------ views

    private ArrayNode views(List<ServiceRequests.Found> found) {
        Set<String> nodes = new HashSet<>();
        found.forEach(f -> nodes.add(f.c().tierNode()));
        Map<String, UnitDirectory.UnitInfo> names = nodes.isEmpty() ? Map.of() : units.find(nodes);
        ArrayNode out = Json.array();
        for (ServiceRequests.Found f : found) {
            Case c = f.c();
            ObjectNode o = out.addObject();
            o.put("service_request_id", c.id());
            o.put("status", Open311Status.status(c));
            o.put("status_notes", Open311Status.notes(c));
            Optional<Category> category = catalog.service(c.category());
            o.put("service_name", category.map(Category::name).orElse(c.category()));
            o.put("service_code", c.category());
            if (f.description() == null) o.putNull("description");
            else o.put("description", Masking.text(f.description(), f.reporterName() == null ? new String[0] : new String[] {f.reporterName()}));
            UnitDirectory.UnitInfo agency = names.get(c.tierNode());
            o.put("agency_responsible", agency == null || agency.name() == null ? c.tierNode() : agency.name());
            if (category.isPresent()) o.put("service_notice", Open311Catalog.notice(category.get())); else o.putNull("service_notice");
            o.put("requested_datetime", Times.api(c.createdAt()));
            o.put("updated_datetime", Times.api(c.status().open() || c.closedAt() == null ? f.updatedAt() : c.closedAt()));
            if (c.deadline() == null) o.putNull("expected_datetime"); else o.put("expected_datetime", Times.api(c.deadline()));
            String address = address(c);
            if (address == null) o.putNull("address"); else o.put("address", address);
            if (c.buildingCode() == null) o.putNull("address_id"); else o.put("address_id", c.buildingCode());
            o.putNull("zipcode");
            if (c.location() == null) {
                o.putNull("lat");
                o.putNull("long");
            } else {
                GeoPoint w = c.location().in(Datum.WGS84);
                o.put("lat", Math.round(w.lat() * 10_000) / 10_000.0);
                o.put("long", Math.round(w.lng() * 10_000) / 10_000.0);
            }
            o.putNull("media_url");
        }
        return out;
    }

    /** Most specific first: the micro-grid, the grid, else the deepest node that holds the place. */
    private static String address(Case c) {
        List<String> parts = new ArrayList<>();
        Placement p = c.placement();
        if (p.microGrid() != null) parts.add(p.microGrid().name());
        if (p.grid() != null) parts.add(p.grid().name());
        if (parts.isEmpty() && p.deepest() != null) parts.add(p.deepest().name());
        parts.removeIf(java.util.Objects::isNull);
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    // ------------------------------------------------------------------ helpers

    private ApiResponse answer(ApiRequest request, String root, JsonNode body) {
        if (Format.of(request.rawPath()) == Format.XML) {
            return ApiResponse.text(200, "text/xml; charset=utf-8", SparkXml.write(root, body));
        }
        return ApiResponse.ok(body);
    }

    private void checkJurisdiction(String given) {
        if (given != null && !given.isBlank() && !given.equals(jurisdiction)) {
            throw new NotFound("jurisdiction_id " + given + " was not found.");
        }
    }

    /** A path segment with its format suffix: {@code noise.json → noise}; no suffix is not a resource. */
    private static String strip(String segment, String what) {
        for (String suffix : List.of(".json", ".xml")) {
            if (segment.endsWith(suffix) && segment.length() > suffix.length()) return segment.substring(0, segment.length() - suffix.length());
        }
        throw new NotFound(what + " " + segment + " was not found: append .json or .xml.");
    }

    private static GeoPoint point(Map<String, List<String>> form, List<FieldError> errors) {
        String lat = first(form, "lat");
        String lng = first(form, "long");
        if (lat == null && lng == null) return null;
        if (lat == null || lng == null) {
            errors.add(new FieldError(lat == null ? "lat" : "long", "lat and long need to be sent together"));
            return null;
        }
        try {
            double a = Double.parseDouble(lat);
            double o = Double.parseDouble(lng);
            if (a < -90 || a > 90 || o < -180 || o > 180 || Double.isNaN(a) || Double.isNaN(o)) {
                errors.add(new FieldError("lat", "lat must be within -90..90 and long within -180..180"));
                return null;
            }
            return new GeoPoint(a, o, Datum.WGS84);
        } catch (NumberFormatException e) {
            errors.add(new FieldError("lat", "lat and long must be decimal degrees (WGS84)"));
            return null;
        }
    }

    /** {@code attribute[code]=value}; only the codes of the service definition. */
    private static Map<String, String> attributes(Map<String, List<String>> form, List<FieldError> errors) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (var e : form.entrySet()) {
            String name = e.getKey();
            if (!name.startsWith("attribute[")) continue;
            String code = name.substring("attribute[".length(), name.indexOf(']') < 0 ? name.length() : name.indexOf(']'));
            if (!code.equals(Open311Catalog.BUILDING_CODE) && !code.equals(Open311Catalog.ANONYMOUS)) {
                errors.add(new FieldError(name, "is not an attribute of this service"));
                continue;
            }
            String v = e.getValue().isEmpty() ? "" : e.getValue().get(0).trim();
            if (code.equals(Open311Catalog.ANONYMOUS) && !v.equals("true") && !v.equals("false")) {
                errors.add(new FieldError(name, "must be one of the values true, false"));
                continue;
            }
            if (!v.isEmpty()) out.put(code, v);
        }
        return out;
    }

    private static String first(Map<String, List<String>> form, String name) {
        List<String> v = form.get(name);
        if (v == null || v.isEmpty() || v.get(0).isBlank()) return null;
        return v.get(0).trim();
    }

    private static String join(String family, String given) {
        String s = (family == null ? "" : family) + (given == null ? "" : given);
        return s.isBlank() ? null : s.length() > 50 ? s.substring(0, 50) : s;
    }

    // ------------------------------------------------------------------ errors

    /**
     * Errors as GeoReport v2 has them: a list of {@code {code, description}} (XML {@code errors/error}
     * for .xml paths); 404 for what does not exist, 403 for a missing or wrong api_key, 400 for any
     * other failure - server-side ones included, as the specification's "General service error".
     */
    @Override
    protected APIGatewayV2HTTPResponse renderError(APIGatewayV2HTTPEvent event, Problem p, String requestId) {
        return Open311Errors.response(event.getRawPath(), p.status(), p.message(), p.fields(), p.headers(), requestId);
    }
}
