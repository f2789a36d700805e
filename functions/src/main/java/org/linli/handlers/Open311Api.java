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
import org.linli.cases.CaseStore;
import org.linli.categories.Categories;
import org.linli.categories.Category;
import org.linli.core.FieldError;
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
import org.linli.open311.Open311Intake;
import org.linli.open311.RequestFilter;
import org.linli.open311.ServiceRequests;
import org.linli.report.Report;
import org.linli.report.ReportIntake;
import org.linli.report.ReportStore;
import org.linli.report.Source;
import org.linli.territory.AddressMatcher;
import org.linli.territory.Locator;
import org.linli.territory.TerritoryRegistry;
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
    private final Open311Intake intake;
    private final CaseStore cases;
    private final UnitDirectory units;
    private final String jurisdiction;
    private final boolean production;
    private final String publicUrl;
    private final PhotoRefs photos;

    public Open311Api() {
        this(Wiring.current());
    }

    private Open311Api(Wiring w) {
        this(w.apiKeys(), w.serviceRequests(), w.reportStore(), w.open311Intake(), w.territory(), w.caseStore(), w.units(),
                w.categories(), w.open311Jurisdiction(), w.open311PublicUrl(), w.production(), w.clock(), w.photoRefs());
        checkAccounts(w.accountCheck(), w::accessLog);
    }

    public Open311Api(ApiKeys keys, ServiceRequests requests, ReportStore reports, ReportIntake intake, TerritoryRegistry territory,
                      CaseStore cases, UnitDirectory units, Categories categories, String jurisdiction, String publicUrl,
                      boolean production, Clock clock, PhotoRefs photos) {
        super(clock);
        this.photos = photos;
        this.catalog = new Open311Catalog(categories);
        this.keys = keys;
        this.requests = requests;
        this.reports = reports;
        this.intake = new Open311Intake(intake, reports, new Locator(territory), new AddressMatcher(territory), clock);
        this.cases = cases;
        this.units = units;
        this.jurisdiction = jurisdiction;
        this.publicUrl = publicUrl;
        this.production = production;
        serve(ApiRoutes.BY_HANDLER.get(getClass().getName()),
                Route.of("GET /open311/discovery.json", Access.PUBLIC, this::discovery),
                Route.of("GET /open311/discovery.xml", Access.PUBLIC, this::discovery),
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
        singleValued(request);
        String base = publicUrl != null && !publicUrl.isBlank() ? publicUrl.replaceAll("/+$", "") + BASE : Open311Views.endpoint(
                request.header("x-forwarded-proto").orElse(null), request.header("host").orElse(request.domainName()),
                request.header("x-forwarded-port").orElse(null), request.rawPath(), BASE);
        return answer(request, "discovery", Open311Views.discovery(base, production));
    }

    private ApiResponse services(ApiRequest request) {
        singleValued(request);
        checkJurisdiction(request.query("jurisdiction_id").orElse(null));
        return answer(request, "services", catalog.services());
    }

    private ApiResponse definition(ApiRequest request) {
        singleValued(request);
        checkJurisdiction(request.query("jurisdiction_id").orElse(null));
        String code = Open311Form.resource(request.pathParam("serviceCode"), "service_code");
        Category c = catalog.service(code).orElseThrow(() -> new NotFound("service_code " + code + " was not found."));
        return answer(request, "service_definition", catalog.definition(c));
    }

    private ApiResponse create(ApiRequest request) {
        Map<String, List<String>> form = request.form();
        Map<String, List<String>> query = Open311Form.query(request.rawQuery());
        List<FieldError> repeated = new java.util.ArrayList<>(Open311Form.repeated(form));
        repeated.addAll(Open311Form.repeated(query));
        String apiKey = Open311Form.first(form, "api_key");
        String queryKey = Open311Form.first(query, "api_key");
        if (apiKey != null && queryKey != null && !apiKey.equals(queryKey)) repeated.add(new FieldError("api_key", "was sent more than once"));
        if (!repeated.isEmpty()) throw new ValidationFailed("The request is invalid.", repeated);
        if (apiKey == null) apiKey = queryKey;
        if (apiKey == null) throw new Forbidden("api_key is missing -- can't proceed with create_request.");
        ApiKeys.ApiKey key = keys.find(apiKey).orElseThrow(() -> new Forbidden("Invalid api_key received -- can't proceed with create_request."));
        checkJurisdiction(Open311Form.first(form, "jurisdiction_id"));
        String code = Open311Form.first(form, "service_code");
        if (code == null) throw ValidationFailed.of("service_code", "was not provided");
        Category category = catalog.service(code).orElseThrow(() -> new NotFound("service_code " + code + " was not found."));
        Open311Form.Request parsed = Open311Form.parse(form);
        Open311Intake.Filed filed = intake.file(key, category, parsed, Open311Form.canonical(form));
        Log.info("open311.request", "reportId", filed.report().id(), "apiKey", key.name(), "category", category.code(),
                "replayed", filed.replayed());
        return answer(request, "service_requests", Open311Views.created(filed.serviceRequestId(), category, parsed.accountId()));
    }

    private ApiResponse list(ApiRequest request) {
        singleValued(request);
        checkJurisdiction(request.query("jurisdiction_id").orElse(null));
        RequestFilter f = RequestFilter.parse(request.queryParams(), clock.instant());
        if (!f.serviceCodes().stream().allMatch(code -> catalog.service(code).isPresent())) {
            throw ValidationFailed.of("service_code", "names a service that does not exist (see services.json)");
        }
        List<ServiceRequests.Found> found;
        if (f.byIds()) {
            return answer(request, "service_requests", byIds(f.ids()));
        } else {
            Set<CaseStatus> statuses = EnumSet.noneOf(CaseStatus.class);
            if (f.statuses().size() == 1) statuses.addAll(f.statuses().contains("open") ? CaseStatus.OPEN : CLOSED);
            found = requests.between(f.start(), f.end(), f.serviceCodes(), statuses, RequestFilter.LIMIT);
        }
        return answer(request, "service_requests", views(found));
    }

    private ApiResponse one(ApiRequest request) {
        singleValued(request);
        checkJurisdiction(request.query("jurisdiction_id").orElse(null));
        String id = Open311Form.resource(request.pathParam("requestId"), "service_request_id");
        ArrayNode found = byIds(List.of(id));
        if (found.isEmpty()) throw new NotFound("service_request_id " + id + " was not found.");
        return answer(request, "service_requests", found);
    }

    private ApiResponse token(ApiRequest request) {
        singleValued(request);
        checkJurisdiction(request.query("jurisdiction_id").orElse(null));
        String token = Open311Form.resource(request.pathParam("token"), "token");
        Optional<Report> r = Ids.looksLike(token, "rpt") ? reports.find(token) : Optional.empty();
        if (r.isEmpty() || r.get().content().source() != Source.OPEN311) throw new NotFound("token " + token + " was not found.");
        // Known at once, placed or not: a client looks once, right after its POST, and must find it.
        return answer(request, "service_requests", Open311Views.token(token, Open311Intake.caseIdOf(token)));
    }

    /**
     * Requests by id, in the order asked, unknown ids left out. An id no case has may be an Open311
     * request's that joined a nearby case (answered as that case, under the id the client holds) or
     * is not placed yet (answered from its report): one GetItem per such id, and the rejection
     * reason of each rejected case read from its last audit entry.
     */
    private ArrayNode byIds(List<String> ids) {
        Map<String, ServiceRequests.Found> byId = new java.util.HashMap<>(requests.byIds(ids));
        Map<String, String> alias = new java.util.HashMap<>();
        Map<String, Report> pending = new java.util.HashMap<>();
        for (String id : ids) {
            if (byId.containsKey(id)) continue;
            reports.find(Open311Intake.reportIdOf(id)).filter(r -> r.content().source() == Source.OPEN311).ifPresent(r -> {
                if (r.caseId() == null) pending.put(id, r);
                else alias.put(id, r.caseId());
            });
        }
        if (!alias.isEmpty()) byId.putAll(requests.byIds(alias.values()));
        List<ServiceRequests.Found> found = new java.util.ArrayList<>();
        List<String> shownAs = new java.util.ArrayList<>();
        for (String id : ids) {
            ServiceRequests.Found f = byId.get(alias.getOrDefault(id, id));
            if (f != null) {
                found.add(f);
                shownAs.add(id);
            }
        }
        Map<String, String> reasons = new java.util.HashMap<>();
        for (ServiceRequests.Found f : found) {
            if (f.c().status() == CaseStatus.REJECTED) {
                cases.auditEntry(f.c().id(), f.c().version()).map(e -> e.note()).ifPresent(n -> reasons.put(f.c().id(), n));
            }
        }
        ArrayNode out = views(found, reasons);
        for (int i = 0; i < out.size(); i++) ((com.fasterxml.jackson.databind.node.ObjectNode) out.get(i)).put("service_request_id", shownAs.get(i));
        for (String id : ids) {
            Report r = pending.get(id);
            if (r != null) out.add(Open311Views.pending(id, r, catalog));
        }
        return out;
    }

    private ArrayNode views(List<ServiceRequests.Found> found) {
        return views(found, Map.of());
    }

    /** The requests with their agencies' names (one batch read for the nodes they sit at). */
    private ArrayNode views(List<ServiceRequests.Found> found, Map<String, String> rejections) {
        Set<String> nodes = new HashSet<>();
        found.forEach(f -> nodes.add(f.c().tierNode()));
        return Open311Views.requests(found, catalog, nodes.isEmpty() ? Map.of() : units.find(nodes), rejections, photos);
    }

    private ApiResponse answer(ApiRequest request, String root, JsonNode body) {
        if (Open311Views.xml(request.rawPath())) {
            return ApiResponse.text(200, "text/xml; charset=utf-8", Open311Views.write(request.rawPath(), root, body));
        }
        return ApiResponse.ok(body);
    }

    /** GET parameters are single-valued too (comma-delimited lists are one value): sent twice, refused. */
    private static void singleValued(ApiRequest request) {
        List<FieldError> repeated = Open311Form.repeated(Open311Form.query(request.rawQuery()));
        if (!repeated.isEmpty()) throw new ValidationFailed("The request is invalid.", repeated);
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
