package org.linli.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The public keys access tokens may be signed with, by key id ({@code kid}). During a rotation it
 * holds the old key and the new one, so tokens signed before the switch verify until they expire.
 * Written as a JWK Set (RFC 7517), the form every JWT library reads.
 */
public record VerifyingKeys(Map<String, RSAPublicKey> byKid) {
    public VerifyingKeys {
        byKid = Collections.unmodifiableMap(new LinkedHashMap<>(byKid));
        if (byKid.isEmpty()) throw new IllegalArgumentException("no verifying key");
    }

    public static VerifyingKeys of(TokenKeys... keys) {
        Map<String, RSAPublicKey> m = new LinkedHashMap<>();
        for (TokenKeys k : keys) m.put(k.kid(), (RSAPublicKey) k.publicKey());
        return new VerifyingKeys(m);
    }

    public Optional<RSAPublicKey> key(String kid) {
        return kid == null ? Optional.empty() : Optional.ofNullable(byKid.get(kid));
    }

    public VerifyingKeys with(String kid, RSAPublicKey key) {
        Map<String, RSAPublicKey> m = new LinkedHashMap<>(byKid);
        m.put(kid, key);
        return new VerifyingKeys(m);
    }

    public VerifyingKeys only(String kid) {
        return new VerifyingKeys(Map.of(kid, key(kid).orElseThrow(() -> new IllegalArgumentException("no key " + kid))));
    }

    /** Parses a JWK Set of RSA signing keys, each with its kid. */
    public static VerifyingKeys fromJwkSet(String json) {
        try {
            Map<String, RSAPublicKey> m = new LinkedHashMap<>();
            for (JWK jwk : JWKSet.parse(json).getKeys()) {
                if (!(jwk instanceof RSAKey rsa) || jwk.getKeyID() == null) {
                    throw new IllegalStateException("the token verifying keys must be RSA keys with a kid");
                }
                m.put(jwk.getKeyID(), rsa.toRSAPublicKey());
            }
            return new VerifyingKeys(m);
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("the token verifying keys are not a JWK Set", e);
        }
    }

    /** The public JWK Set (never a private part). */
    public String toJwkSet() {
        List<JWK> keys = new ArrayList<>();
        byKid.forEach((kid, key) -> keys.add(new RSAKey.Builder(key).keyID(kid).keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256).build()));
        return new JWKSet(keys).toString(true);
    }
}
