package org.linli.identity;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.interfaces.RSAPublicKey;
import java.util.Optional;
import org.linli.json.Json;

/**
 * What the {@code TokenKeysSecretName} secret holds: the key pair access tokens are signed with
 * now ({@code kid}, {@code privateKey}, {@code publicKey}), the public keys the authorizer accepts
 * ({@code publicKeys}, a JWK Set as a string: the template passes it to the authorizer at deploy
 * time), and during a rotation the next pair ({@code nextKid}, {@code nextPrivateKey},
 * {@code nextPublicKey}).
 *
 * <p>A rotation without a single 401 (docs/operations.md, "Rotating the token key"):
 * <ol>
 * <li>{@link #publish}: the next key joins {@code publicKeys}; tokens are still signed with the
 * current one. Deploy: the authorizer now accepts both.</li>
 * <li>{@link #promote}: the next key signs; the old one stays in {@code publicKeys}, so the tokens
 * it signed verify until they expire ({@link AccessTokens#LIFETIME}). Deploy (new login
 * functions read the secret).</li>
 * <li>{@link #retire}, a token lifetime after that deploy: {@code publicKeys} holds the signing
 * key alone. Deploy.</li>
 * </ol>
 */
public record TokenKeyRing(TokenKeys signing, VerifyingKeys verifying, Optional<TokenKeys> next) {

    public TokenKeyRing {
        if (verifying.key(signing.kid()).isEmpty()) {
            throw new IllegalArgumentException("the signing key " + signing.kid() + " is not among the verifying keys");
        }
    }

    /** A ring of one fresh pair, for a first deployment and the local cloud. */
    public static TokenKeyRing generate(String kid) {
        TokenKeys k = TokenKeys.generate(kid);
        return new TokenKeyRing(k, VerifyingKeys.of(k), Optional.empty());
    }

    /** Step 1: the next key is accepted everywhere before anything is signed with it. */
    public TokenKeyRing publish(TokenKeys nextKeys) {
        if (nextKeys.kid().equals(signing.kid()) || verifying.key(nextKeys.kid()).isPresent()) {
            throw new IllegalArgumentException("the next key needs a kid of its own, not " + nextKeys.kid());
        }
        return new TokenKeyRing(signing, verifying.with(nextKeys.kid(), (RSAPublicKey) nextKeys.publicKey()), Optional.of(nextKeys));
    }

    /** Step 2: the published key signs from now on; the old one still verifies. */
    public TokenKeyRing promote() {
        TokenKeys n = next.orElseThrow(() -> new IllegalArgumentException("no next key published; publish one first"));
        return new TokenKeyRing(n, verifying, Optional.empty());
    }

    /** Step 3: only the signing key verifies (every token of the old key has expired). */
    public TokenKeyRing retire() {
        return new TokenKeyRing(signing, verifying.only(signing.kid()), next);
    }

    /**
     * Parses the secret's JSON. A secret written before rotation existed (no {@code publicKeys})
     * verifies with its own public key alone.
     */
    public static TokenKeyRing fromSecretJson(String json) {
        JsonNode n = Json.parse(json);
        TokenKeys signing = new TokenKeys(n.path("kid").asText("k1"), TokenKeys.privateKey(n.path("privateKey").asText()),
                TokenKeys.publicKey(n.path("publicKey").asText()));
        VerifyingKeys verifying = n.hasNonNull("publicKeys")
                ? VerifyingKeys.fromJwkSet(n.path("publicKeys").asText())
                : VerifyingKeys.of(signing);
        Optional<TokenKeys> next = n.hasNonNull("nextKid")
                ? Optional.of(new TokenKeys(n.path("nextKid").asText(), TokenKeys.privateKey(n.path("nextPrivateKey").asText()),
                        TokenKeys.publicKey(n.path("nextPublicKey").asText())))
                : Optional.empty();
        return new TokenKeyRing(signing, verifying, next);
    }

    public String toSecretJson() {
        var o = Json.object();
        o.put("kid", signing.kid());
        o.put("privateKey", TokenKeys.base64(signing.privateKey().getEncoded()));
        o.put("publicKey", signing.publicKeyBase64());
        o.put("publicKeys", verifying.toJwkSet());
        next.ifPresent(k -> o.put("nextKid", k.kid())
                .put("nextPrivateKey", TokenKeys.base64(k.privateKey().getEncoded()))
                .put("nextPublicKey", k.publicKeyBase64()));
        return Json.write(o);
    }
}
