package org.linli.identity;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The RSA key pair that signs access tokens. The private half lives in Secrets Manager and only
 * the login function reads it; the authorizer gets the public half alone.
 */
public record TokenKeys(String kid, PrivateKey privateKey, PublicKey publicKey) {

    /** The signing pair of the secret's JSON (see {@link TokenKeyRing} for the whole of it). */
    public static TokenKeys fromSecretJson(String json) {
        return TokenKeyRing.fromSecretJson(json).signing();
    }

    public static PublicKey publicKey(String base64Der) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64Der.trim())));
        } catch (NoSuchAlgorithmException | InvalidKeySpecException | IllegalArgumentException e) {
            throw new IllegalStateException("the token public key is not a base64 X.509 RSA key", e);
        }
    }

    public static PrivateKey privateKey(String base64Der) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64Der.trim())));
        } catch (NoSuchAlgorithmException | InvalidKeySpecException | IllegalArgumentException e) {
            throw new IllegalStateException("the token private key is not a base64 PKCS#8 RSA key", e);
        }
    }

    /** A fresh pair, for the local cloud and for `keys` (which prints the secret for a deployment). */
    public static TokenKeys generate(String kid) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            KeyPair pair = g.generateKeyPair();
            return new TokenKeys(kid, pair.getPrivate(), pair.getPublic());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String publicKeyBase64() {
        return base64(publicKey.getEncoded());
    }

    static String base64(byte[] der) {
        return Base64.getEncoder().encodeToString(der);
    }

    /** The secret of a ring holding this pair alone. */
    public String toSecretJson() {
        return new TokenKeyRing(this, VerifyingKeys.of(this), java.util.Optional.empty()).toSecretJson();
    }
}
