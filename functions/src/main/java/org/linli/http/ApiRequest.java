package org.linli.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.linli.core.Forbidden;
import org.linli.core.Unauthenticated;
import org.linli.core.ValidationFailed;
import org.linli.identity.Principal;

/** A routed request: path and query parameters, headers, the parsed body, and the caller. */
public final class ApiRequest {
    private static final Pattern CURSOR = Pattern.compile("[A-Za-z0-9_-]{1,2048}");

    private final APIGatewayV2HTTPEvent event;
    private final Principal principal;
    private final JsonNode body;
    private final Map<String, java.util.List<String>> form;
    private final java.util.List<org.linli.privacy.Disclosed> disclosed = new java.util.ArrayList<>();

    ApiRequest(APIGatewayV2HTTPEvent event, Principal principal, JsonNode body, Map<String, java.util.List<String>> form) {
        this.event = event;
        this.principal = principal;
        this.body = body;
        this.form = Map.copyOf(form);
    }

    /**
     * The route is about to show personal data whole: once its answer is ready it is recorded in
     * the access log (who, when, which subjects, why) before it leaves - no record, no answer.
     */
    public void disclosed(org.linli.privacy.Disclosed what) {
        disclosed.add(what);
    }

    java.util.List<org.linli.privacy.Disclosed> disclosures() {
        return java.util.List.copyOf(disclosed);
    }

    /** The fields of a form body ({@link Route#form} routes), each with its values in order. */
    public Map<String, java.util.List<String>> form() {
        return form;
    }

    /** All query parameters (API Gateway joins repeated ones with commas). */
    public Map<String, String> queryParams() {
        Map<String, String> q = event.getQueryStringParameters();
        return q == null ? Map.of() : Map.copyOf(q);
    }

    /** The query string as sent, undecoded (null when there is none): repeated parameters stay apart here. */
    public String rawQuery() {
        return event.getRawQueryString();
    }

    /** The path as requested. */
    public String rawPath() {
        return event.getRawPath() == null ? "/" : event.getRawPath();
    }

    /** The host the client called (for absolute URLs in discovery documents). */
    public String domainName() {
        return event.getRequestContext() == null ? null : event.getRequestContext().getDomainName();
    }

    /** The caller; routes behind the authorizer never see null. */
    public Principal principal() {
        if (principal == null) throw new Unauthenticated("UNAUTHENTICATED", "This route needs a signed-in user.");
        return principal;
    }

    public Optional<Principal> maybePrincipal() {
        return Optional.ofNullable(principal);
    }

    public JsonNode body() {
        return body;
    }

    /** The body's exact bytes as sent (for a signature over them); empty when there is none. */
    public byte[] rawBody() {
        String raw = event.getBody();
        if (raw == null) return new byte[0];
        return event.getIsBase64Encoded() ? java.util.Base64.getDecoder().decode(raw) : raw.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    public String pathParam(String name) {
        Map<String, String> p = event.getPathParameters();
        String v = p == null ? null : p.get(name);
        if (v == null || v.isEmpty()) throw ValidationFailed.of(name, "is required in the path");
        return v;
    }

    public Optional<String> query(String name) {
        Map<String, String> q = event.getQueryStringParameters();
        return Optional.ofNullable(q == null ? null : q.get(name)).filter(s -> !s.isEmpty());
    }

    public Optional<String> header(String name) {
        Map<String, String> h = event.getHeaders();
        if (h == null) return Optional.empty();
        String v = h.get(name.toLowerCase(Locale.ROOT));
        return Optional.ofNullable(v);
    }

    public String requestId() {
        return event.getRequestContext() == null ? null : event.getRequestContext().getRequestId();
    }

    /** {@code limit} from the query, within 1..max, default {@code fallback}. */
    public int limit(int fallback, int max) {
        Optional<String> raw = query("limit");
        if (raw.isEmpty()) return fallback;
        try {
            int n = Integer.parseInt(raw.get());
            if (n >= 1 && n <= max) return n;
        } catch (NumberFormatException ignored) {
            // fall through to the error below
        }
        throw ValidationFailed.of("limit", "must be a whole number from 1 to " + max);
    }

    /** The opaque paging cursor from the query, checked for shape here and for content by the store. */
    public String cursor() {
        Optional<String> c = query("cursor");
        if (c.isPresent() && !CURSOR.matcher(c.get()).matches()) throw ValidationFailed.of("cursor", "is not a cursor this API issued");
        return c.orElse(null);
    }

    /** Staff-only guard for routes open to several roles. */
    public void requireStaff() {
        if (!principal().isStaff()) throw new Forbidden("Only staff may do this.");
    }
}
