package org.linli.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import org.linli.core.Unauthenticated;
import org.linli.json.Json;

/**
 * Access tokens: compact JWTs signed RS256 with the JDK alone. Verification accepts RS256 only
 * (never "none" or an HMAC trick), checks issuer, type and expiry, and rejects any claim it does
 * not understand, so an edited or forged token is refused.
 */
public final class AccessTokens {
    public static final Duration LIFETIME = Duration.ofMinutes(30);
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private static final Set<String> CLAIMS = Set.of("iss", "sub", "typ", "iat", "exp", "roles", "scope", "grants");

    private final String issuer;

    public AccessTokens(String issuer) {
        this.issuer = issuer;
    }

    public String issue(Principal p, String kid, PrivateKey key, Instant now) {
        ObjectNode header = Json.object().put("alg", "RS256").put("typ", "JWT").put("kid", kid);
        ObjectNode claims = Json.object()
                .put("iss", issuer)
                .put("sub", p.userId())
                .put("typ", "access")
                .put("iat", now.getEpochSecond())
                .put("exp", now.plus(LIFETIME).getEpochSecond());
        var roles = claims.putArray("roles");
        p.roles().stream().sorted().forEach(r -> roles.add(r.name()));
        var scope = claims.putArray("scope");
        p.scope().stream().sorted().forEach(scope::add);
        var grants = claims.putArray("grants");
        p.grants().stream().sorted().forEach(g -> grants.add(g.wire()));
        String signingInput = b64(Json.write(header)) + "." + b64(Json.write(claims));
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key);
            s.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64.encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign token", e);
        }
    }

    /** The verified claims, or {@link Unauthenticated} saying TOKEN_EXPIRED or TOKEN_INVALID. */
    public Claims verify(String token, PublicKey key, Instant now) {
        if (token == null || token.length() > 8192) throw invalid();
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) throw invalid();
        try {
            JsonNode header = Json.parse(new String(B64D.decode(parts[0]), StandardCharsets.UTF_8));
            if (!"RS256".equals(header.path("alg").asText()) || !"JWT".equals(header.path("typ").asText())) throw invalid();
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initVerify(key);
            s.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!s.verify(B64D.decode(parts[2]))) throw invalid();

            JsonNode c = Json.parse(new String(B64D.decode(parts[1]), StandardCharsets.UTF_8));
            if (!issuer.equals(c.path("iss").asText()) || !"access".equals(c.path("typ").asText())) throw invalid();
            String sub = c.path("sub").asText("");
            if (sub.isEmpty() || !c.path("exp").isIntegralNumber() || !c.path("iat").isIntegralNumber()) throw invalid();
            Instant exp = Instant.ofEpochSecond(c.path("exp").asLong());
            Instant iat = Instant.ofEpochSecond(c.path("iat").asLong());
            if (iat.isAfter(now.plus(CLOCK_SKEW))) throw invalid();
            if (!now.isBefore(exp)) throw new Unauthenticated("TOKEN_EXPIRED", "The access token has expired; refresh it.");
            var names = c.fieldNames();
            while (names.hasNext()) if (!CLAIMS.contains(names.next())) throw invalid();
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (JsonNode r : c.path("roles")) roles.add(Role.valueOf(r.asText()));
            Set<String> scope = new LinkedHashSet<>();
            for (JsonNode n : c.path("scope")) scope.add(n.asText());
            if (!c.has("grants")) return new Claims(new Principal(sub, roles, scope), exp); // issued before grants
            Set<Grant> grants = new LinkedHashSet<>();
            for (JsonNode g : c.path("grants")) grants.add(Grant.parse(g.textValue()));
            return new Claims(new Principal(sub, grants), exp);
        } catch (Unauthenticated e) {
            throw e;
        } catch (GeneralSecurityException | RuntimeException e) {
            // Bad base64, bad JSON, unknown role: all the same to the caller.
            throw invalid();
        }
    }

    private static Unauthenticated invalid() {
        return new Unauthenticated("TOKEN_INVALID", "The access token is not valid.");
    }

    private static String b64(String s) {
        return B64.encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    /** What a verified token says. */
    public record Claims(Principal principal, Instant expiresAt) {}
}
