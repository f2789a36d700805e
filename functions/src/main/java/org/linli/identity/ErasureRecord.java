package org.linli.identity;

import java.time.Instant;

/**
 * A request to erase a user's personal information (PIPL art. 47) and how far it got: who asked
 * (the user himself, or an administrator with a reason), when, the state, how many reports lost
 * their contact, and when it was done. Kept after the account is erased: the record that it was.
 */
public record ErasureRecord(String userId, String requestedBy, boolean bySelf, String reason, Instant requestedAt, State state,
                            int reportsAnonymised, Instant doneAt) {
    public enum State { RUNNING, DONE }

    public ErasureRecord done(int reports, Instant at) {
        return new ErasureRecord(userId, requestedBy, bySelf, reason, requestedAt, State.DONE, reports, at);
    }
}
