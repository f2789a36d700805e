package org.linli.volunteer.points;

/**
 * What a store says about a write that carries a points award: done; the subject was not in the
 * expected state (someone else got there first); the ledger entry (or rating) existed already;
 * or the member's month is too close to the cap for these points.
 */
public enum AwardOutcome {
    DONE,
    STALE,
    DUPLICATE,
    CAP_REACHED
}
