package org.linli.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.linli.core.Unauthenticated;
import org.linli.identity.Grant;
import org.linli.identity.Principal;
import org.linli.identity.Role;

/**
 * Reads the caller from {@code requestContext.authorizer.lambda}, where the token authorizer put
 * it. The authorizer lets requests with bad tokens through marked with {@code authError}, so that
 * the 401 is answered here, in the API's own error format (API Gateway's own 403 has another shape).
 */
public final class Principals {
    public static final String USER_ID = "userId";
    public static final String ROLES = "roles";
    public static final String SCOPE = "scope";
    public static final String GRANTS = "grants";
    public static final String EXPIRES = "exp";
    public static final String AUTH_ERROR = "authError";

    private Principals() {}

    /** The principal, null when the route has no authorizer, or Unauthenticated. */
    public static Principal from(APIGatewayV2HTTPEvent event, Instant now, boolean required) {
        Map<String, Object> ctx = lambdaContext(event);
        if (ctx == null || ctx.isEmpty()) {
            if (required) throw new Unauthenticated("UNAUTHENTICATED", "Sign in first: send 'Authorization: Bearer <token>'.");
            return null;
        }
        Object error = ctx.get(AUTH_ERROR);
        if (error != null) {
            String code = String.valueOf(error);
            if (code.equals("TOKEN_EXPIRED")) throw new Unauthenticated(code, "The access token has expired; refresh it.");
            throw new Unauthenticated("TOKEN_INVALID", "The access token is not valid.");
        }
        Object user = ctx.get(USER_ID);
        if (user == null) throw new Unauthenticated("TOKEN_INVALID", "The access token is not valid.");
        // The authorizer's answer is cached per token; the token may have expired since.
        Object exp = ctx.get(EXPIRES);
        try {
            if (exp != null && !now.isBefore(Instant.ofEpochSecond(Long.parseLong(String.valueOf(exp))))) {
                throw new Unauthenticated("TOKEN_EXPIRED", "The access token has expired; refresh it.");
            }
            if (ctx.get(GRANTS) != null) {
                Set<Grant> grants = new LinkedHashSet<>();
                for (String g : split(ctx.get(GRANTS))) grants.add(Grant.parse(g));
                return new Principal(String.valueOf(user), grants);
            }
            // A context without grants (older authorizer answers still cached; direct test events).
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (String r : split(ctx.get(ROLES))) roles.add(Role.valueOf(r));
            return new Principal(String.valueOf(user), roles, new LinkedHashSet<>(split(ctx.get(SCOPE))));
        } catch (IllegalArgumentException e) {
            throw new Unauthenticated("TOKEN_INVALID", "The access token is not valid.");
        }
    }

    private static Set<String> split(Object csv) {
        if (csv == null || String.valueOf(csv).isBlank()) return Set.of();
        return new LinkedHashSet<>(Arrays.asList(String.valueOf(csv).split(",")));
    }

    private static Map<String, Object> lambdaContext(APIGatewayV2HTTPEvent event) {
        var rc = event.getRequestContext();
        if (rc == null || rc.getAuthorizer() == null) return null;
        return rc.getAuthorizer().getLambda();
    }
}
