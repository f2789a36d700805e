package org.linli.identity;

import java.time.Instant;
import java.util.List;

/**
 * One administrative change of a user's roles or status, kept as an audit record: who granted or
 * revoked which role over which nodes (or disabled or erased the account: no role), why, and the
 * grants the user held afterwards.
 */
public record GrantChange(String changeId, String userId, String actorId, Kind kind, Role role, List<String> nodes,
                          String reason, Instant at, List<String> grantsAfter) {
    public GrantChange {
        nodes = List.copyOf(nodes);
        grantsAfter = List.copyOf(grantsAfter);
    }

    public enum Kind { GRANT, REVOKE, DISABLE, ERASE }
}
