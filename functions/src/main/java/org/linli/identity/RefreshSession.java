package org.linli.identity;

import java.time.Instant;

/** A refresh token's server side: only its hash is stored; it expires (DynamoDB TTL) and rotates on use. */
public record RefreshSession(String tokenHash, String userId, Instant expiresAt) {}
