package org.linli.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.linli.identity.AccessTokens;
import org.linli.identity.Principal;
import org.linli.identity.Role;
import org.linli.identity.TokenKeys;
import org.linli.identity.VerifyingKeys;
import org.linli.testing.Events;
import org.linli.testing.MutableClock;

class TokenAuthorizerTest {
    private static final TokenKeys KEYS = TokenKeys.generate("k1");
    private final Instant now = Instant.parse("2026-11-23T02:00:00Z");
    private final TokenAuthorizer authorizer = new TokenAuthorizer(new AccessTokens("linli"), VerifyingKeys.of(KEYS), new MutableClock(now));

    @SuppressWarnings("unchecked")
    private Map<String, Object> authorize(String token) {
        String json = Events.read("authorizer-request.json").replace("TOKEN", token);
        Map<String, Object> r = authorizer.handleRequest(Events.parse(json, APIGatewayV2CustomAuthorizerEvent.class), null);
        assertEquals(true, r.get("isAuthorized"), "always true: the route answers 401 in the API's format");
        return (Map<String, Object>) r.get("context");
    }

    @Test
    void aValidTokenPassesUserRolesAndScope() {
        String t = new AccessTokens("linli").issue(new Principal("usr_w", Set.of(Role.GRID_WORKER), Set.of("G1", "G2")), "k1",
                KEYS.privateKey(), now);
        Map<String, Object> ctx = authorize(t);
        assertEquals("usr_w", ctx.get("userId"));
        assertEquals("GRID_WORKER", ctx.get("roles"));
        assertEquals("G1,G2", ctx.get("scope"));
        assertNull(ctx.get("authError"));
    }

    @Test
    void aForgedTokenIsMarked() {
        String forged = new AccessTokens("linli").issue(new Principal("usr_w", Set.of(Role.ADMIN), Set.of()), "k1",
                TokenKeys.generate("k1").privateKey(), now);
        Map<String, Object> ctx = authorize(forged);
        assertEquals("TOKEN_INVALID", ctx.get("authError"));
        assertNull(ctx.get("userId"));
    }
}
