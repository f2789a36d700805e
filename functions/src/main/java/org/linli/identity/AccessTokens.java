package org.linli.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.PrivateKey;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.linli.core.Unauthenticated;

/**
 * Access tokens: compact JWTs (JWS RS256, through Nimbus JOSE+JWT). The header's {@code kid}
 * chooses the verifying key, so a key rotation keeps every live token valid until it expires
 * (see {@link TokenKeyRing}). Verification accepts RS256 only (never "none" or an HMAC trick),
 * checks issuer, type and expiry against the given time (the injected clock, not the machine's),
 * and rejects any claim it does not understand, so an edited or forged token is refused.
 */
public final class AccessTokens {
    public static final Duration LIFETIME = Duration.ofMinutes(30);
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    private static final int MAX_LENGTH = 8192;

    private static final Set<String> CLAIMS = Set.of("iss", "sub", "typ", "iat", "exp", "roles", "scope", "grants");

    private final String issuer;

    public AccessTokens(String issuer) {
        this.issuer = issuer;
    }

    /** A token for {@code p}, signed with the ring's current key and naming it in {@code kid}. */
    public String issue(Principal p, TokenKeys signing, Instant now) {
        return issue(p, signing.kid(), signing.privateKey(), now);
    }

    public String issue(Principal p, String kid, PrivateKey key, Instant now) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(kid).build();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(p.userId())
                .claim("typ", "access")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .claim("roles", p.roles().stream().map(Role::name).sorted().toList())
                .claim("scope", p.scope().stream().sorted().toList())
                .claim("grants", p.grants().stream().sorted().map(Grant::wire).toList())
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign token", e);
        }
        return jwt.serialize();
    }

    /**
     * The verified claims, or {@link Unauthenticated} saying TOKEN_EXPIRED or TOKEN_INVALID. The
     * key is the one {@code keys} holds for the token's kid; a kid it does not know is invalid.
     */
    public Claims verify(String token, VerifyingKeys keys, Instant now) {
        if (token == null || token.length() > MAX_LENGTH) throw invalid();
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            JWSHeader header = jwt.getHeader();
            if (!JWSAlgorithm.RS256.equals(header.getAlgorithm()) || !JOSEObjectType.JWT.equals(header.getType())) throw invalid();
            var key = keys.key(header.getKeyID()).orElseThrow(AccessTokens::invalid);
            // RSASSAVerifier also refuses a header with "crit" parameters it does not understand.
            if (!jwt.verify(new RSASSAVerifier(key))) throw invalid();

            JWTClaimsSet c = jwt.getJWTClaimsSet();
            if (!issuer.equals(c.getIssuer()) || !"access".equals(c.getClaim("typ"))) throw invalid();
            String sub = c.getSubject();
            if (sub == null || sub.isEmpty()) throw invalid();
            // Whole seconds, as issued: a fractional or textual date is not ours.
            if (!(c.getClaim("exp") instanceof Date) || !(c.getClaim("iat") instanceof Date)) throw invalid();
            Instant exp = c.getExpirationTime().toInstant();
            Instant iat = c.getIssueTime().toInstant();
            if (iat.isAfter(now.plus(CLOCK_SKEW))) throw invalid();
            if (!now.isBefore(exp)) throw new Unauthenticated("TOKEN_EXPIRED", "The access token has expired; refresh it.");
            for (String name : c.getClaims().keySet()) if (!CLAIMS.contains(name)) throw invalid();
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (String r : strings(c, "roles")) roles.add(Role.valueOf(r));
            Set<String> scope = new LinkedHashSet<>(strings(c, "scope"));
            if (c.getClaim("grants") == null) return new Claims(new Principal(sub, roles, scope), exp); // issued before grants
            Set<Grant> grants = new LinkedHashSet<>();
            for (String g : strings(c, "grants")) grants.add(Grant.parse(g));
            return new Claims(new Principal(sub, grants), exp);
        } catch (Unauthenticated e) {
            throw e;
        } catch (ParseException | JOSEException | RuntimeException e) {
            // Bad base64, bad JSON, unknown role: all the same to the caller.
            throw invalid();
        }
    }

    private static List<String> strings(JWTClaimsSet c, String name) throws ParseException {
        List<String> list = c.getStringListClaim(name);
        return list == null ? List.of() : list;
    }

    private static Unauthenticated invalid() {
        return new Unauthenticated("TOKEN_INVALID", "The access token is not valid.");
    }

    /** What a verified token says. */
    public record Claims(Principal principal, Instant expiresAt) {}
}
