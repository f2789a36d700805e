package org.linli.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.linli.core.Unauthenticated;

class AccessTokensTest {
    private static final TokenKeys KEYS = TokenKeys.generate("k1");
    private static final TokenKeys OTHER = TokenKeys.generate("k1");
    private final AccessTokens tokens = new AccessTokens("linli");
    private final Instant now = Instant.parse("2026-11-23T02:00:00Z");
    private final Principal worker = new Principal("usr_w", Set.of(Role.GRID_WORKER, Role.RESIDENT), Set.of("G1"));

    private String issue() {
        return tokens.issue(worker, KEYS.kid(), KEYS.privateKey(), now);
    }

    private String code(String token) {
        return assertThrows(Unauthenticated.class, () -> tokens.verify(token, VerifyingKeys.of(KEYS), now.plusSeconds(1))).code();
    }

    @Test
    void aTokenCarriesUserRolesAndScope() {
        var claims = tokens.verify(issue(), VerifyingKeys.of(KEYS), now.plusSeconds(60));
        assertEquals(worker, claims.principal());
        assertEquals(now.plus(AccessTokens.LIFETIME), claims.expiresAt());
    }

    @Test
    void anExpiredTokenIsRefusedAsExpired() {
        var e = assertThrows(Unauthenticated.class,
                () -> tokens.verify(issue(), VerifyingKeys.of(KEYS), now.plus(AccessTokens.LIFETIME).plus(Duration.ofSeconds(1))));
        assertEquals("TOKEN_EXPIRED", e.code());
    }

    @Test
    void aTokenSignedWithAnotherKeyIsInvalid() {
        String forged = tokens.issue(worker, "k1", OTHER.privateKey(), now);
        assertEquals("TOKEN_INVALID", code(forged));
    }

    @Test
    void editedClaimsBreakTheSignature() {
        String[] parts = issue().split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"GRID_WORKER\"", "\"ADMIN\"");
        String edited = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertEquals("TOKEN_INVALID", code(edited));
    }

    @Test
    void algNoneAndGarbageAreInvalid() {
        String[] parts = issue().split("\\.");
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals("TOKEN_INVALID", code(none + "." + parts[1] + "."));
        assertEquals("TOKEN_INVALID", code("not-a-token"));
        assertEquals("TOKEN_INVALID", code("a.b.c"));
        assertEquals("TOKEN_INVALID", code(null));
        assertEquals("TOKEN_INVALID", code(""));
    }

    @Test
    void anotherIssuerIsInvalid() {
        String foreign = new AccessTokens("someone-else").issue(worker, "k1", KEYS.privateKey(), now);
        assertEquals("TOKEN_INVALID", code(foreign));
    }

    @Test
    void keysRoundTripThroughTheSecretFormat() {
        TokenKeys back = TokenKeys.fromSecretJson(KEYS.toSecretJson());
        String t = tokens.issue(worker, back.kid(), back.privateKey(), now);
        assertEquals(worker, tokens.verify(t, TokenKeyRing.fromSecretJson(KEYS.toSecretJson()).verifying(), now).principal());
    }

    @Test
    void grantsTravelInTheTokenEachRoleWithItsOwnNodes() {
        Principal two = new Principal("usr_x", Set.of(Grant.of(Role.RESIDENT), new Grant(Role.COMMUNITY_STAFF, "W1"),
                new Grant(Role.GRID_WORKER, "E1-G1")));
        Principal back = tokens.verify(tokens.issue(two, KEYS.kid(), KEYS.privateKey(), now), VerifyingKeys.of(KEYS), now).principal();
        assertEquals(two, back);
        org.junit.jupiter.api.Assertions.assertFalse(back.covers(Role.COMMUNITY_STAFF, java.util.List.of("E", "E1", "E1-G1")));
    }

    @Test
    void aSignedTokenWithAClaimThisApiDoesNotKnowIsInvalid() throws Exception {
        String header = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"k1\"}");
        String claims = b64("{\"iss\":\"linli\",\"sub\":\"usr_w\",\"typ\":\"access\",\"iat\":" + now.getEpochSecond()
                + ",\"exp\":" + now.plusSeconds(600).getEpochSecond() + ",\"roles\":[\"ADMIN\"],\"admin\":true}");
        var s = java.security.Signature.getInstance("SHA256withRSA");
        s.initSign(KEYS.privateKey());
        s.update((header + "." + claims).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        String token = header + "." + claims + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(s.sign());
        assertEquals("TOKEN_INVALID", code(token));
    }

    private static String b64(String s) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
