package org.linli.notify;

import java.time.Duration;
import java.time.Instant;

/**
 * The SMS sent per (event, phone) and each phone's count of the day. What makes the fallback send
 * at most one message per event and person: the first claim stores the record and counts the
 * phone's day in one write, later copies find the record; a claim is a lease (a delivery that
 * dies is taken over when it lapses), and a settled SMS is never claimed again.
 */
public interface SmsLedger {
    /**
     * Claims the SMS of {@code eventId} to the phone {@code recipient} (its {@link SmsRecipient#key}).
     * A new one is counted against {@code cap} for the phone's day in the same write; over the cap
     * it is stored CAPPED instead and not claimed.
     */
    Claim claim(SmsRecipient recipient, String eventId, String kind, Instant now, Duration lease, SmsCap cap);

    /** Records how a claimed SMS ended; one no longer SENDING is left alone. */
    void settle(SmsRecipient recipient, String eventId, SmsStatus status, String detail, Instant at);

    sealed interface Claim permits Claimed, Settled, InFlight {}

    /** This delivery owns the SMS. */
    record Claimed(int attempt) implements Claim {}

    /** It has ended (sent, capped, failed) - or was capped just now. */
    record Settled(SmsStatus status) implements Claim {}

    /** Another delivery holds it until {@code until}. */
    record InFlight(Instant until) implements Claim {}
}
