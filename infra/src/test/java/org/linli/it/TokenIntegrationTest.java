package org.linli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linli.identity.AccessTokens;
import org.linli.identity.Grant;
import org.linli.identity.Principal;
import org.linli.identity.Role;
import org.linli.identity.TokenKeys;
import org.linli.json.Json;
import org.linli.local.LocalCloud;
import org.linli.tools.DemoTerritory;
import org.linli.tools.LocalSetup;

/**
 * Tokens end to end: through the local gateway and the same Lambda authorizer as on AWS. A token
 * signed with another key, an expired one, one whose claims were edited (roles, subject, expiry -
 * the signature kept), alg=none and malformed ones are all 401 in Linli's error format on every
 * kind of route, and none of them reaches data; refresh tokens rotate, each working once (their
 * roles re-read: IdentityIntegrationTest; their expiry: LoginTest).
 */
class TokenIntegrationTest {
    private static LocalCloud cloud;
    private static Api api;
    private static TokenKeys realKeys;
    private static final AccessTokens TOKENS = new AccessTokens("linli");

    @BeforeAll
    static void start() {
        cloud = LinliCloud.get();
        api = new Api(cloud.baseUrl());
        realKeys = TokenKeys.fromSecretJson(cloud.secrets().value(LocalSetup.TOKEN_KEYS_SECRET).orElseThrow());
    }

    private static final Principal RESIDENT = new Principal(DemoTerritory.userId("resident"), Set.of(Grant.of(Role.RESIDENT)));

    /** Routes of each kind: one's own data, an administrator's, a write. */
    private static Map<String, Api.Answer> callEverywhere(String token) {
        Map<String, Api.Answer> answers = new LinkedHashMap<>();
        answers.put("GET /me", api.get("/me", token));
        answers.put("GET /admin/users/{userId}", api.get("/admin/users/" + DemoTerritory.userId("resident2"), token));
        answers.put("GET /me/reports", api.get("/me/reports", token));
        answers.put("POST /reports", api.post("/reports", token, "{\"category\":\"leak\",\"description\":\"令牌测试\","
                + "\"location\":{\"lat\":37.8521,\"lng\":113.5667,\"datum\":\"GCJ02\"}}"));
        return answers;
    }

    private static void refusedEverywhere(String what, String token, String code) {
        callEverywhere(token).forEach((route, a) -> {
            assertEquals(401, a.status(), what + " on " + route + ": " + a.body());
            JsonNode error = a.json() == null ? null : a.json().path("error");
            assertTrue(error != null && error.isObject(), what + " on " + route + ": not Linli's error format: " + a.body());
            assertEquals(code, error.path("code").asText(), what + " on " + route + ": " + a.body());
            assertTrue(error.path("requestId").isTextual(), a.body());
            assertEquals(null, a.header("Location"), "nothing created");
        });
    }

    private static String[] parts(String token) {
        return token.split("\\.");
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static ObjectNode claims(String token) {
        return (ObjectNode) Json.parse(new String(Base64.getUrlDecoder().decode(parts(token)[1]), StandardCharsets.UTF_8));
    }

    /** The token with its claims replaced and its header and signature kept. */
    private static String edited(String token, ObjectNode claims) {
        String[] p = parts(token);
        return p[0] + "." + b64(Json.write(claims)) + "." + p[2];
    }

    @Test
    void aGenuineTokenWorksAndTheForgeriesOfItDoNot() {
        String genuine = TOKENS.issue(RESIDENT, realKeys.kid(), realKeys.privateKey(), LinliCloud.now());
        assertEquals(200, api.get("/me", genuine).status(), "the control: the local key signs what the authorizer accepts");

        TokenKeys other = TokenKeys.generate(realKeys.kid());
        refusedEverywhere("signed with another key (same kid)", TOKENS.issue(RESIDENT, other.kid(), other.privateKey(), LinliCloud.now()),
                "TOKEN_INVALID");

        Instant issued = LinliCloud.now().minus(AccessTokens.LIFETIME).minus(Duration.ofMinutes(1));
        refusedEverywhere("expired", TOKENS.issue(RESIDENT, realKeys.kid(), realKeys.privateKey(), issued), "TOKEN_EXPIRED");

        ObjectNode admin = claims(genuine);
        ((ArrayNode) admin.putArray("roles")).add("ADMIN").add("RESIDENT");
        admin.putArray("grants").add("ADMIN").add("RESIDENT");
        refusedEverywhere("roles edited to ADMIN", edited(genuine, admin), "TOKEN_INVALID");

        ObjectNode someoneElse = claims(genuine).put("sub", DemoTerritory.userId("resident2"));
        refusedEverywhere("subject edited to another user", edited(genuine, someoneElse), "TOKEN_INVALID");

        ObjectNode longer = claims(genuine).put("exp", LinliCloud.now().plus(Duration.ofDays(365)).getEpochSecond());
        refusedEverywhere("expiry edited", edited(genuine, longer), "TOKEN_INVALID");

        ObjectNode foreign = claims(genuine).put("iss", "someone-else");
        refusedEverywhere("another issuer", edited(genuine, foreign), "TOKEN_INVALID");

        String none = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        refusedEverywhere("alg=none, no signature", none + "." + b64(Json.write(admin)) + ".", "TOKEN_INVALID");
        refusedEverywhere("alg=none, the old signature", none + "." + parts(genuine)[1] + "." + parts(genuine)[2], "TOKEN_INVALID");
        String hs = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + realKeys.kid() + "\"}");
        refusedEverywhere("alg=HS256 (the public key as an HMAC secret)", hs + "." + parts(genuine)[1] + "." + parts(genuine)[2],
                "TOKEN_INVALID");

        for (String malformed : new String[] {"not-a-token", "a.b.c", "..", genuine + ".x", parts(genuine)[0] + "." + parts(genuine)[1],
                genuine.substring(0, genuine.length() - 3), "eyJ%%%.eyJ%%%.sig", "x".repeat(9000)}) {
            refusedEverywhere("malformed " + malformed.substring(0, Math.min(24, malformed.length())), malformed, "TOKEN_INVALID");
        }
    }

    @Test
    void noTokenOrAnotherSchemeIsUnauthenticated() {
        for (String route : new String[] {"/me", "/me/reports", "/admin/users/" + DemoTerritory.userId("resident")}) {
            // No Authorization header: API Gateway answers itself, in its own fixed shape (docs/api.md).
            Api.Answer none = api.get(route, null);
            assertEquals(401, none.status(), route + ": " + none.body());
            assertTrue(none.json().path("error").isObject() || "Unauthorized".equals(none.json().path("message").asText()), none.body());
            Api.Answer basic = api.call("GET", route, null, null, Map.of("Authorization", "Basic dXNlcjpwYXNz"));
            assertEquals(401, basic.status(), route + ": " + basic.body());
            assertTrue(basic.json().path("error").isObject(), basic.body());
        }
    }

    @Test
    void refreshTokensRotateAndEachWorksOnce() {
        JsonNode first = api.post("/auth/wechat-login", null, "{\"code\":\"rotate_" + UUID.randomUUID().toString().replace("-", "") + "\"}")
                .json();
        String refresh1 = first.path("refreshToken").asText();
        Api.Answer second = api.post("/auth/refresh", null, "{\"refreshToken\":\"" + refresh1 + "\"}");
        assertEquals(200, second.status(), second.body());
        String refresh2 = second.json().path("refreshToken").asText();
        assertNotEquals(refresh1, refresh2, "a new refresh token each time");
        assertEquals(200, api.get("/me", second.json().path("accessToken").asText()).status());

        // The spent one is dead - and trying it does not spend the new one.
        Api.Answer replay = api.post("/auth/refresh", null, "{\"refreshToken\":\"" + refresh1 + "\"}");
        assertEquals(401, replay.status(), replay.body());
        assertEquals("REFRESH_TOKEN_INVALID", replay.json().path("error").path("code").asText());
        Api.Answer third = api.post("/auth/refresh", null, "{\"refreshToken\":\"" + refresh2 + "\"}");
        assertEquals(200, third.status(), third.body());

        // An access token is not a refresh token, and a made-up one is unknown.
        for (String wrong : new String[] {first.path("accessToken").asText(), "rt_" + "A".repeat(43), ""}) {
            Api.Answer a = api.post("/auth/refresh", null, "{\"refreshToken\":\"" + wrong + "\"}");
            assertTrue(a.status() == 401 || a.status() == 400, a.body());
            assertTrue(a.json().path("error").isObject(), a.body());
        }
    }
}
