package org.linli.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.linli.core.Conflict;
import org.linli.core.DomainException;
import org.linli.core.ExternalServiceFailed;
import org.linli.core.FieldError;
import org.linli.core.Forbidden;
import org.linli.core.NotFound;
import org.linli.core.QueueUnavailable;
import org.linli.core.StoreUnavailable;
import org.linli.core.TooManyRequests;
import org.linli.core.Unauthenticated;
import org.linli.core.ValidationFailed;
import org.linli.core.format.NodeCode;
import org.linli.core.Ids;
import org.linli.identity.AccountCheck;
import org.linli.privacy.AccessEntry;
import org.linli.privacy.AccessLog;
import org.linli.privacy.Disclosed;
import org.linli.identity.Principal;
import org.linli.json.Json;
import org.linli.observability.Log;

/**
 * Base of every HTTP API function: finds the route by API Gateway's route key, checks the caller
 * and the body, runs the action, and maps domain outcomes to status codes in the one error
 * format. Subclasses only declare routes; they never build error responses themselves.
 */
public abstract class ApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private Map<String, Route> routes = Map.of();
    private AccountCheck accounts;
    private java.util.function.Supplier<AccessLog> accessLog;
    protected final Clock clock;

    protected ApiHandler(Clock clock) {
        this.clock = clock;
    }

    /**
     * Called once from the subclass constructor, with actions bound to that instance. The keys
     * must be exactly those {@code declared} for this handler (ApiRoutes), which template.yaml is
     * tested against: a route added in one place only fails at construction, in every test.
     */
    protected final void serve(List<String> declared, Route... routeList) {
        if (!routes.isEmpty()) throw new IllegalStateException("routes already set");
        Map<String, Route> m = new LinkedHashMap<>();
        for (Route r : routeList) {
            if (m.put(r.key(), r) != null) throw new IllegalStateException("duplicate route " + r.key());
        }
        if (declared == null || !new java.util.HashSet<>(declared).equals(m.keySet())) {
            throw new IllegalStateException(getClass().getSimpleName() + " serves " + m.keySet()
                    + " but ApiRoutes declares " + declared);
        }
        routes = Map.copyOf(m);
    }

    /**
     * Checks the caller's account before every write and read of personal data (a revoked role, a
     * disabled account: refused on the next request). The wiring's constructor of every handler
     * sets it; a handler built by a unit test without it does not check.
     */
    protected final void checkAccounts(AccountCheck check, java.util.function.Supplier<AccessLog> log) {
        this.accounts = check;
        this.accessLog = log;
    }

    /** Whether this handler checks accounts (the wiring set it): for the test that every handler does. */
    public final boolean checksAccounts() {
        return accounts != null;
    }

    /** The route keys this function serves, for the template and fallback checks. */
    public final java.util.Set<String> routeKeys() {
        return routes.keySet();
    }

    @Override
    public final APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String requestId = event.getRequestContext() == null ? null : event.getRequestContext().getRequestId();
        String routeKey = event.getRouteKey();
        long started = System.nanoTime();
        APIGatewayV2HTTPResponse response;
        try {
            Route route = routes.get(routeKey);
            if (route == null) throw new NotFound("No such route: " + routeKey + ".");
            response = toHttp(run(route, event), requestId);
        } catch (DomainException e) {
            response = renderError(event, problem(e, requestId), requestId);
        } catch (HttpProblem e) {
            response = renderError(event, new Problem(e.status(), e.code(), e.getMessage(), List.of(), Map.of(), Map.of()), requestId);
        } catch (Json.MalformedJson e) {
            response = renderError(event, new Problem(400, "INVALID_JSON", e.getMessage(), List.of(), Map.of(), Map.of()), requestId);
        } catch (RuntimeException e) {
            Log.error("api.unhandled", e, "routeKey", routeKey, "requestId", requestId);
            response = renderError(event, new Problem(500, "INTERNAL", "Something went wrong on our side; it has been logged.",
                    List.of(), Map.of(), Map.of()), requestId);
        }
        Log.info("api.request", "routeKey", routeKey, "status", response.getStatusCode(),
                "ms", (System.nanoTime() - started) / 1_000_000, "requestId", requestId);
        return response;
    }

    /** An error about to be answered: status, code, message, field errors, details and extra headers. */
    protected record Problem(int status, String code, String message, List<FieldError> fields, Map<String, Object> details,
                             Map<String, String> headers) {}

    /**
     * Renders an error. Linli's routes answer in the one error format ({@code {"error":{...}}});
     * a handler serving an external standard with its own error format (Open311) overrides this -
     * the only place such an exception is made.
     */
    protected APIGatewayV2HTTPResponse renderError(APIGatewayV2HTTPEvent event, Problem p, String requestId) {
        return error(p.status(), p.code(), p.message(), p.fields(), requestId, p.details(), p.headers());
    }

    private ApiResponse run(Route route, APIGatewayV2HTTPEvent event) {
        Principal principal = Principals.from(event, clock.instant(), route.access().authenticated());
        if (route.access().authenticated() && !route.access().anyRole() && !principal.hasAny(route.access().roles())) {
            throw new Forbidden("Your role may not call " + route.key() + ".");
        }
        ApiRequest request = new ApiRequest(event, principal, null, Map.of());
        if (route.access().scope() == Access.Scope.NODE) {
            String node = request.pathParam(route.access().param());
            if (!NodeCode.valid(node)) {
                throw ValidationFailed.of(route.access().param(), "is not a territory or department code");
            }
            if (!principal.worksFor(node)) throw new Forbidden("You do not work for " + node + ".");
        }
        // Writes by anyone; reads of others' personal data by staff (a resident reading his own report is not checked).
        if (accounts != null && principal != null && route.checksAccount() && (route.writes() || principal.isStaff())) {
            accounts.confirm(principal);
        }
        JsonNode body = route.takesBody() ? readBody(event, route.maxBodyBytes()) : null;
        Map<String, List<String>> form = route.body() == Route.Body.FORM ? readForm(event, route.maxBodyBytes()) : Map.of();
        ApiRequest routed = new ApiRequest(event, principal, body, form);
        ApiResponse response = route.action().handle(routed);
        record(routed, principal, route);
        return response;
    }

    /** Writes what the route disclosed to the access log; a failed write fails the request (503), so nothing is shown unrecorded. */
    private void record(ApiRequest request, Principal viewer, Route route) {
        List<Disclosed> shown = request.disclosures();
        if (shown.isEmpty() || accessLog == null || viewer == null) return;
        java.time.Instant now = clock.instant();
        String key = request.header("idempotency-key").orElse(null);
        for (int i = 0; i < shown.size(); i++) {
            Disclosed d = shown.get(i);
            // A retried request (same Idempotency-Key) is recorded under the same entry id.
            String id = d.entryId() != null ? d.entryId() : key == null ? Ids.random("acc", now)
                    : Ids.derived("acc", viewer.userId(), route.key(), key, d.subjects().get(0), String.valueOf(i));
            accessLog.get().record(new AccessEntry(id, viewer.userId(), d.subjects(), d.purpose(), d.reason(), now));
        }
    }

    /**
     * An {@code application/x-www-form-urlencoded} body (empty when there is none), decoded as
     * UTF-8; a repeated name keeps every value in order.
     */
    static Map<String, List<String>> readForm(APIGatewayV2HTTPEvent event, int maxBytes) {
        String raw = event.getBody();
        if (raw == null || raw.isEmpty()) return Map.of();
        String contentType = header(event, "content-type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).split(";")[0].trim().equals("application/x-www-form-urlencoded")) {
            throw new HttpProblem(415, "UNSUPPORTED_MEDIA_TYPE", "Send the body as 'Content-Type: application/x-www-form-urlencoded'.");
        }
        String text = decode(raw, event.getIsBase64Encoded(), maxBytes);
        Map<String, List<String>> form = new LinkedHashMap<>();
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            try {
                String name = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                form.computeIfAbsent(name, k -> new java.util.ArrayList<>()).add(value);
            } catch (IllegalArgumentException e) {
                throw new ValidationFailed("INVALID_ENCODING", "The form body is not valid URL encoding.", List.of());
            }
        }
        return form;
    }

    /** Each route's access rule, by route key: for the policy listing and its tests. */
    public final Map<String, Access> policies() {
        Map<String, Access> m = new LinkedHashMap<>();
        routes.forEach((k, r) -> m.put(k, r.access()));
        return m;
    }

    /** Content type, size, encoding and syntax, in that order: each gets its own status. */
    static JsonNode readBody(APIGatewayV2HTTPEvent event, int maxBytes) {
        String raw = event.getBody();
        if (raw == null || raw.isEmpty()) throw new ValidationFailed("BODY_REQUIRED", "This route needs a JSON body.", List.of());
        String contentType = header(event, "content-type");
        if (contentType == null || !isJson(contentType)) {
            throw new HttpProblem(415, "UNSUPPORTED_MEDIA_TYPE", "Send the body as 'Content-Type: application/json' in UTF-8.");
        }
        String text = decode(raw, event.getIsBase64Encoded(), maxBytes);
        return Json.parse(text);
    }

    /** The body as text: base64 undone, bounded to {@code maxBytes}, strictly UTF-8. */
    private static String decode(String raw, boolean base64, int maxBytes) {
        byte[] bytes;
        if (base64) {
            try {
                bytes = Base64.getDecoder().decode(raw);
            } catch (IllegalArgumentException e) {
                throw new ValidationFailed("INVALID_ENCODING", "The body is not valid base64.", List.of());
            }
        } else {
            if (raw.length() > maxBytes) throw tooLarge(maxBytes); // cheap bound before encoding
            bytes = raw.getBytes(StandardCharsets.UTF_8);
        }
        if (bytes.length > maxBytes) throw tooLarge(maxBytes);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ValidationFailed("INVALID_ENCODING", "The body is not valid UTF-8.", List.of());
        }
    }

    private static HttpProblem tooLarge(int maxBytes) {
        return new HttpProblem(413, "PAYLOAD_TOO_LARGE", "The body is larger than " + maxBytes + " bytes.");
    }

    private static boolean isJson(String contentType) {
        String[] parts = contentType.toLowerCase(Locale.ROOT).split(";");
        if (!parts[0].trim().equals("application/json")) return false;
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            if (p.startsWith("charset=") && !p.equals("charset=utf-8") && !p.equals("charset=\"utf-8\"")) return false;
        }
        return true;
    }

    private static String header(APIGatewayV2HTTPEvent event, String name) {
        Map<String, String> h = event.getHeaders();
        if (h == null) return null;
        String v = h.get(name);
        if (v != null) return v;
        for (var e : h.entrySet()) if (e.getKey().equalsIgnoreCase(name)) return e.getValue();
        return null;
    }

    static Problem problem(DomainException e, String requestId) {
        List<FieldError> fields = e instanceof ValidationFailed v ? v.fields() : List.of();
        Map<String, Object> details = e instanceof Conflict c ? c.details() : Map.of();
        Map<String, String> headers = new HashMap<>();
        int status;
        if (e instanceof ValidationFailed) status = 400;
        else if (e instanceof Unauthenticated) {
            status = 401;
            headers.put("WWW-Authenticate", "Bearer");
        } else if (e instanceof Forbidden) status = 403;
        else if (e instanceof NotFound) status = 404;
        else if (e instanceof Conflict) status = 409;
        else if (e instanceof TooManyRequests t) {
            status = 429;
            headers.put("Retry-After", String.valueOf(Math.max(1, t.retryAfter().toSeconds())));
        } else if (e instanceof ExternalServiceFailed) status = 502;
        else if (e instanceof StoreUnavailable || e instanceof QueueUnavailable) {
            status = 503;
            headers.put("Retry-After", "1");
            Log.warn("api.dependency_unavailable", "code", e.code(), "requestId", requestId);
        } else status = 500;
        return new Problem(status, e.code(), e.getMessage(), fields, details, headers);
    }

    public static APIGatewayV2HTTPResponse error(int status, String code, String message, List<FieldError> fields,
                                                 String requestId, Map<String, Object> details,
                                                 Map<String, String> extraHeaders) {
        return respond(status, Json.write(ErrorBody.of(code, message, fields, requestId, details)), requestId, extraHeaders);
    }

    private static APIGatewayV2HTTPResponse toHttp(ApiResponse r, String requestId) {
        if (r.text() != null) return respond(r.status(), r.text(), requestId, r.headers());
        return respond(r.status(), r.body() == null ? null : Json.write(r.body()), requestId, r.headers());
    }

    /** A response with {@code body} as is; {@code extra} headers win over the defaults (a JSON Content-Type). */
    protected static APIGatewayV2HTTPResponse respond(int status, String body, String requestId, Map<String, String> extra) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json; charset=utf-8");
        headers.put("Cache-Control", "no-store");
        if (requestId != null) headers.put("X-Request-Id", requestId);
        headers.putAll(extra);
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(headers)
                .withBody(body)
                .withIsBase64Encoded(false)
                .build();
    }
}
