package org.linli.local.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.linli.local.lambda.FunctionError;
import org.linli.local.lambda.Invoker;
import org.linli.local.lambda.LocalLog;
import org.linli.local.template.HttpApiDef;

/**
 * Lambda authorizers of HTTP APIs (payload 2.0). A request without its identity sources is refused
 * with 401 before any invocation; otherwise the authorizer's answer, allow or deny, is cached per
 * identity-source values for Identity.ReauthorizeEvery seconds (SAM's name for the
 * authorizer's authorizerResultTtlInSeconds).
 */
final class Authorizers {
    /** The outcome: {@code status} 0 means authorised, with {@code authorizer} for requestContext. */
    record Decision(int status, String message, JsonNode authorizer) {
        static Decision allow(JsonNode authorizer) {
            return new Decision(0, null, authorizer);
        }

        static Decision refuse(int status, String message) {
            return new Decision(status, message, null);
        }

        boolean allowed() {
            return status == 0;
        }
    }

    private record Cached(Instant expires, boolean authorized, JsonNode context) {}

    private final Invoker invoker;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    Authorizers(Invoker invoker, Clock clock) {
        this.invoker = invoker;
        this.clock = clock;
    }

    Decision authorize(HttpApiDef.Authorizer authorizer, GatewayRequest request, String routeKey,
                       Map<String, String> pathParameters, ApiEvents.RequestInfo info, String routeArn) {
        if (authorizer.functionLogicalId() == null) {
            LocalLog.warn(authorizer.type() + " authorizer " + authorizer.name() + " is not emulated; refusing " + routeKey);
            return Decision.refuse(500, "Internal Server Error");
        }
        List<String> identity = identity(authorizer, request);
        if (identity == null) return Decision.refuse(401, "Unauthorized");
        String key = authorizer.name() + '\u0000' + String.join("\u0000", identity);
        Instant now = clock.instant();
        Cached cached = authorizer.reauthorizeEverySeconds() > 0 ? cache.get(key) : null;
        if (cached == null || !now.isBefore(cached.expires())) {
            ObjectNode event = ApiEvents.authorizerEvent(request, routeKey, pathParameters, info, routeArn, identity);
            String response;
            try {
                response = invoker.invoke(authorizer.functionLogicalId(), event.toString());
            } catch (FunctionError e) {
                LocalLog.warn("authorizer " + authorizer.name() + " failed: " + e.getMessage());
                return Decision.refuse(500, "Internal Server Error");
            }
            cached = parse(authorizer, response, now);
            if (cached == null) return Decision.refuse(500, "Internal Server Error");
            if (authorizer.reauthorizeEverySeconds() > 0) cache.put(key, cached);
        }
        if (!cached.authorized()) return Decision.refuse(403, "Forbidden");
        ObjectNode out = ApiEvents.JSON.createObjectNode();
        out.set("lambda", cached.context());
        return Decision.allow(out);
    }

    /** The identity-source values, or null when one is missing or empty. */
    private static List<String> identity(HttpApiDef.Authorizer authorizer, GatewayRequest request) {
        List<String> values = new ArrayList<>();
        Map<String, String> query = request.queryParameters();
        for (HttpApiDef.IdentitySource source : authorizer.identitySources()) {
            String value = source.kind() == HttpApiDef.IdentitySource.Kind.HEADER
                    ? request.header(source.name()) : query.get(source.name());
            if (value == null || value.isEmpty()) return null;
            values.add(value);
        }
        return values;
    }

    /**
     * Simple responses: {@code {"isAuthorized": bool, "context": {...}}}. IAM-policy responses: allowed
     * when some statement allows and none denies (resources are not evaluated locally).
     */
    private Cached parse(HttpApiDef.Authorizer authorizer, String response, Instant now) {
        JsonNode r;
        try {
            r = ApiEvents.JSON.readTree(response);
        } catch (IOException e) {
            LocalLog.warn("authorizer " + authorizer.name() + " returned invalid JSON");
            return null;
        }
        Instant expires = now.plusSeconds(authorizer.reauthorizeEverySeconds());
        JsonNode context = r.path("context").isObject() ? r.get("context") : NullNode.getInstance();
        if (authorizer.enableSimpleResponses()) {
            if (!r.path("isAuthorized").isBoolean()) {
                LocalLog.warn("authorizer " + authorizer.name() + " returned no boolean isAuthorized: " + response);
                return null;
            }
            return new Cached(expires, r.get("isAuthorized").asBoolean(), context);
        }
        boolean allow = false;
        boolean deny = false;
        for (JsonNode statement : r.path("policyDocument").path("Statement")) {
            String effect = statement.path("Effect").asText();
            allow |= effect.equalsIgnoreCase("Allow");
            deny |= effect.equalsIgnoreCase("Deny");
        }
        return new Cached(expires, allow && !deny, context);
    }
}
