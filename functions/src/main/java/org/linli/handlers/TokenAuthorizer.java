package org.linli.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.linli.core.Unauthenticated;
import org.linli.http.Principals;
import org.linli.identity.AccessTokens;
import org.linli.identity.Grant;
import org.linli.identity.Role;
import org.linli.identity.VerifyingKeys;
import org.linli.wiring.Wiring;

/**
 * The HTTP API's Lambda authorizer (payload 2.0, simple responses, cached per token). It always
 * answers isAuthorized=true and marks a bad token with {@code authError}: the route then answers
 * 401 in the API's own error format, which API Gateway's bare 403 could not carry.
 */
public final class TokenAuthorizer implements RequestHandler<APIGatewayV2CustomAuthorizerEvent, Map<String, Object>> {
    private final AccessTokens tokens;
    private final VerifyingKeys keys;
    private final Clock clock;

    public TokenAuthorizer() {
        this(Wiring.current());
    }

    private TokenAuthorizer(Wiring w) {
        this(w.accessTokens(), w.tokenVerifyingKeys(), w.clock());
    }

    public TokenAuthorizer(AccessTokens tokens, VerifyingKeys keys, Clock clock) {
        this.tokens = tokens;
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public Map<String, Object> handleRequest(APIGatewayV2CustomAuthorizerEvent event, Context context) {
        Map<String, Object> ctx = new HashMap<>();
        try {
            var claims = tokens.verify(bearer(event), keys, clock.instant());
            ctx.put(Principals.USER_ID, claims.principal().userId());
            ctx.put(Principals.ROLES, claims.principal().roles().stream().map(Role::name).sorted().collect(Collectors.joining(",")));
            ctx.put(Principals.SCOPE, String.join(",", claims.principal().scope().stream().sorted().toList()));
            ctx.put(Principals.GRANTS, claims.principal().grants().stream().sorted().map(Grant::wire)
                    .collect(Collectors.joining(",")));
            ctx.put(Principals.EXPIRES, claims.expiresAt().getEpochSecond());
        } catch (Unauthenticated e) {
            ctx.put(Principals.AUTH_ERROR, e.code());
        }
        Map<String, Object> response = new HashMap<>();
        response.put("isAuthorized", true);
        response.put("context", ctx);
        return response;
    }

    private static String bearer(APIGatewayV2CustomAuthorizerEvent event) {
        String h = null;
        if (event.getHeaders() != null) {
            h = event.getHeaders().get("authorization");
            if (h == null) h = event.getHeaders().get("Authorization");
        }
        if (h == null && event.getIdentitySource() != null && !event.getIdentitySource().isEmpty()) {
            h = event.getIdentitySource().get(0);
        }
        if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7)) return null;
        return h.substring(7).trim();
    }
}
