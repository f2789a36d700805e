package org.linli.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Clock;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.linli.cases.CaseStatus;
import org.linli.categories.Categories;
import org.linli.categories.Category;
import org.linli.core.Forbidden;
import org.linli.core.Ids;
import org.linli.core.NotFound;
import org.linli.core.ValidationFailed;
import org.linli.http.Access;
import org.linli.http.ApiHandler;
import org.linli.http.ApiRequest;
import org.linli.http.ApiResponse;
import org.linli.http.Route;
import org.linli.kpi.UnitDirectory;
import org.linli.observability.Log;
import org.linli.photos.PhotoRefs;
import org.linli.open311.ApiKeys;
import org.linli.open311.Open311Catalog;
import org.linli.open311.Open311Form;
import org.linli.open311.RequestFilter;
import org.linli.open311.ServiceRequests;
import org.linli.report.Report;
import org.linli.report.ReportIntake;
import org.linli.report.ReportStore;
import org.linli.report.Source;
import org.linli.territory.Locator;
import org.linli.territory.Placement;
import org.linli.territory.TerritoryDirectory;
import org.linli.views.open311.Open311Views;
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
    private final PhotoRefs photos;

    public Open311Api() {
        this(Wiring.current());
    }

    private Open311Api(Wiring w) {
        this(w.apiKeys(), w.serviceRequests(), w.reportStore(), w.open311Intake(), w.territory(), w.units(), w.categories(),
                w.open311Jurisdiction(), w.production(), w.clock(), w.photoRefs());
    }

    public Open311Api(ApiKeys keys, ServiceRequests requests, ReportStore reports, ReportIntake intake, TerritoryDirectory territory,
                      UnitDirectory units, Categories categories, String jurisdiction, boolean production, Clock clock,
                      PhotoRefs photos) {
        super(clock);
        this.photos = photos;
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

    // ------------------------------------------------------------------ routes

    private ApiResponse discovery(ApiRequest request) {
        return ApiResponse.ok(Open311Views.discovery(request.domainName(), BASE, production));
    }

    private ApiResponse services(ApiRequest request) {
        checkJurisdiction(request.query("jurisdiction_id").orElse(null));
        return answer(request, "services", catalog.services());
    }

    private ApiResponse definition(ApiRequest request) {
        checkJurisdiction(request.query("jurisdiction_id").orElse(null));
        String code = Open311Form.resource(request.pathParam("serviceCode"), "service_code");
        Category c = catalog.service(code).orElseThrow(() -> new NotFound("service_code " + code + " was not found."));
        return answer(request, "service_definition", catalog.definition(c));
    }

    private ApiResponse create(ApiRequest request) {
        Map<String, List<String>> form = request.form();
        String apiKey = Open311Form.first(form, "api_key");
        if (apiKey == null) throw new Forbidden("api_key is missing -- can't proceed with create_request.");
        ApiKeys.ApiKey key = keys.find(apiKey).orElseThrow(() -> new Forbidden("Invalid api_key received -- can't proceed with create_request."));
        checkJurisdiction(Open311Form.first(form, "jurisdiction_id"));
        String code = Open311Form.first(form, "service_code");
        if (code == null) throw ValidationFailed.of("service_code", "was not provided");
        Category category = catalog.service(code).orElseThrow(() -> new NotFound("service_code " + code + " was not found."));
        Open311Form.Request parsed = Open311Form.parse(form);
        Placement placement = locator.locate(parsed.point(), parsed.buildingCode());
        if (placement.path().isEmpty()) throw ValidationFailed.of(parsed.locationField(), "lies outside this jurisdiction");
        key.requireCovers(placement.path());
        Report r = intake.submit(key.reporterId(), parsed.draft(category), null).report();
        Log.info("open311.request", "reportId", r.id(), "apiKey", key.name(), "category", category.code());
        return answer(request, "service_requests", Open311Views.created(r, category, parsed.accountId()));
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
        String id = Open311Form.resource(request.pathParam("requestId"), "service_request_id");
        ServiceRequests.Found found = requests.byIds(List.of(id)).get(id);
        if (found == null) throw new NotFound("service_request_id " + id + " was not found.");
        return answer(request, "service_requests", views(List.of(found)));
    }

    private ApiResponse token(ApiRequest request) {
        checkJurisdiction(request.query("jurisdiction_id").orElse(null));
        String token = Open311Form.resource(request.pathParam("token"), "token");
        Optional<Report> r = Ids.looksLike(token, "rpt") ? reports.find(token) : Optional.empty();
        if (r.isEmpty() || r.get().content().source() != Source.OPEN311) throw new NotFound("token " + token + " was not found.");
        return answer(request, "service_requests", Open311Views.token(token, r.get().caseId()));
    }

    /** The requests with their agencies' names (one batch read for the nodes they sit at). */
    private ArrayNode views(List<ServiceRequests.Found> found) {
        Set<String> nodes = new HashSet<>();
        found.forEach(f -> nodes.add(f.c().tierNode()));
        return Open311Views.requests(found, catalog, nodes.isEmpty() ? Map.of() : units.find(nodes), photos);
    }

    private ApiResponse answer(ApiRequest request, String root, JsonNode body) {
        if (Open311Views.xml(request.rawPath())) {
            return ApiResponse.text(200, "text/xml; charset=utf-8", Open311Views.write(request.rawPath(), root, body));
        }
        return ApiResponse.ok(body);
    }

    private void checkJurisdiction(String given) {
        if (given != null && !given.isBlank() && !given.equals(jurisdiction)) {
            throw new NotFound("jurisdiction_id " + given + " was not found.");
        }
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
