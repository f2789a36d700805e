package org.linli.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.linli.core.Unauthenticated;
import org.linli.testing.InMemoryUsers;
import org.linli.testing.MutableClock;

/**
 * A token key rotation with two keys, through the secret's JSON as an operator writes it with
 * {@code keys-publish}, {@code keys-promote} and {@code keys-retire}: the login function signs
 * with what the secret names, the authorizer verifies with the key set it was deployed with.
 */
class TokenKeyRotationTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T02:00:00Z"));
    private final AccessTokens tokens = new AccessTokens("linli");
    private final AtomicReference<String> secret = new AtomicReference<>(TokenKeyRing.generate("k1").toSecretJson());
    private final Login login = new Login(code -> new WeChatLogin.WeChatIdentity("openid-" + code, null), new InMemoryUsers(), tokens,
            () -> TokenKeys.fromSecretJson(secret.get()), clock);

    /** What a deployment hands the authorizer: the secret's public keys, as the template resolves them. */
    private VerifyingKeys deployed() {
        return TokenKeyRing.fromSecretJson(secret.get()).verifying();
    }

    private void rotate(java.util.function.UnaryOperator<TokenKeyRing> step) {
        secret.set(step.apply(TokenKeyRing.fromSecretJson(secret.get())).toSecretJson());
    }

    private static String kid(String token) throws Exception {
        return SignedJWT.parse(token).getHeader().getKeyID();
    }

    private String code(String token, VerifyingKeys keys) {
        return assertThrows(Unauthenticated.class, () -> tokens.verify(token, keys, clock.instant())).code();
    }

    @Test
    void tokensOfTheOldKeyVerifyUntilTheyExpireAndNewOnesAreSignedWithTheNewKey() throws Exception {
        VerifyingKeys before = deployed();
        TokenKeys k1 = TokenKeys.fromSecretJson(secret.get());
        String old = login.withWeChatCode("wang").accessToken();
        assertEquals("k1", kid(old));

        // 1. publish k2 and deploy: the authorizer accepts both, the login still signs with k1
        rotate(r -> r.publish(TokenKeys.generate("k2")));
        VerifyingKeys both = deployed();
        assertEquals(Set.of("k1", "k2"), both.byKid().keySet());
        assertEquals("k1", kid(login.withWeChatCode("li").accessToken()));
        assertEquals("usr", tokens.verify(old, both, clock.instant()).principal().userId().substring(0, 3));

        // 2. promote k2: new tokens name k2 and verify; they would not have before step 1's deployment
        clock.advance(Duration.ofMinutes(10));
        rotate(TokenKeyRing::promote);
        String fresh = login.withWeChatCode("zhao").accessToken();
        assertEquals("k2", kid(fresh));
        assertEquals(both, deployed(), "promoting changes no verifying key: no deployment of the authorizer needed");
        tokens.verify(fresh, both, clock.instant());
        assertEquals("TOKEN_INVALID", code(fresh, before));

        // the old key's token still verifies until it expires - then it is expired, not invalid
        clock.advance(Duration.ofMinutes(19));
        assertEquals("usr", tokens.verify(old, both, clock.instant()).principal().userId().substring(0, 3));
        clock.advance(Duration.ofMinutes(1));
        assertEquals("TOKEN_EXPIRED", code(old, both));

        // 3. retire k1 a token lifetime after the switch: k2's tokens verify, a k1 token is refused
        String lastOfK1 = tokens.issue(new Principal("usr_x", Set.of(Role.RESIDENT), Set.of()), k1, clock.instant());
        assertEquals("usr_x", tokens.verify(lastOfK1, both, clock.instant()).principal().userId());
        rotate(TokenKeyRing::retire);
        VerifyingKeys after = deployed();
        assertEquals(Set.of("k2"), after.byKid().keySet());
        tokens.verify(fresh, after, clock.instant());
        assertEquals("TOKEN_INVALID", code(lastOfK1, after));
    }

    @Test
    void theKidChoosesTheKeyAndAnUnknownKidIsInvalid() {
        TokenKeys k1 = TokenKeys.generate("k1");
        TokenKeys k2 = TokenKeys.generate("k2");
        VerifyingKeys both = VerifyingKeys.of(k1, k2);
        Principal p = new Principal("usr_w", Set.of(Role.RESIDENT), Set.of());
        Instant now = clock.instant();
        assertEquals(p, tokens.verify(tokens.issue(p, k1, now), both, now).principal());
        assertEquals(p, tokens.verify(tokens.issue(p, k2, now), both, now).principal());
        // signed with k1 but claiming k2: verified with k2's key, so refused
        assertEquals("TOKEN_INVALID", code(tokens.issue(p, "k2", k1.privateKey(), now), both));
        assertEquals("TOKEN_INVALID", code(tokens.issue(p, "k3", k1.privateKey(), now), both));
        assertEquals("TOKEN_INVALID", code(tokens.issue(p, null, k1.privateKey(), now), both));
    }

    @Test
    void theStepsRefuseTheWrongOrderAndTheSecretCarriesNoPrivatePartToTheAuthorizer() {
        TokenKeyRing ring = TokenKeyRing.generate("k1");
        assertThrows(IllegalArgumentException.class, ring::promote, "nothing published");
        assertThrows(IllegalArgumentException.class, () -> ring.publish(TokenKeys.generate("k1")), "a kid of its own");
        TokenKeyRing published = TokenKeyRing.fromSecretJson(ring.publish(TokenKeys.generate("k2")).toSecretJson());
        assertEquals("k2", published.next().orElseThrow().kid());
        assertEquals("k1", published.signing().kid());
        String jwks = published.verifying().toJwkSet();
        assertFalse(jwks.contains("\"d\""), "a JWK Set of public keys only: " + jwks);
        assertEquals(published.verifying(), VerifyingKeys.fromJwkSet(jwks));
        // a secret from before rotation existed (no publicKeys) verifies with its own key
        String legacy = "{\"kid\":\"k0\",\"privateKey\":\"" + TokenKeys.base64(ring.signing().privateKey().getEncoded())
                + "\",\"publicKey\":\"" + ring.signing().publicKeyBase64() + "\"}";
        assertEquals(Set.of("k0"), TokenKeyRing.fromSecretJson(legacy).verifying().byKid().keySet());
    }
}
