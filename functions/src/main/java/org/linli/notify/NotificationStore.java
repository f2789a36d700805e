package org.linli.notify;

import java.time.Duration;
import java.time.Instant;
import org.linli.core.Page;

/**
 * The in-app inbox, and the WeChat push state of each notification. The push state is what makes
 * delivery idempotent: a notification is stored once, and its push is claimed by one delivery at
 * a time (a lease), settled once, and never claimed again once settled.
 */
public interface NotificationStore {
    /** Stores {@code n} unless its id exists (a redelivered event); returns whether it was new. */
    boolean add(Notification n);

    /** A user's notifications, newest first. */
    Page<Notification> of(String userId, int limit, String cursor);

    /** Marks one of the user's notifications read (once); false when he has no such notification. */
    boolean markRead(String userId, String notificationId, Instant at);

    /**
     * Stores {@code n} in the inbox if it is new and claims its push until {@code now + lease}: a
     * new notification, one whose push is PENDING (a retry after a rate limit) or one whose last
     * claim lapsed (its delivery died). Otherwise says how the push stands.
     */
    PushClaim claimPush(Notification n, Instant now, Duration lease);

    /** Records how the claimed push ended; a push no longer SENDING is left alone. */
    void settlePush(Notification n, PushStatus status, String detail, Instant at);

    sealed interface PushClaim permits Claimed, Settled, InFlight {}

    /** This delivery owns the push; {@code attempt} counts claims, this one included. */
    record Claimed(int attempt) implements PushClaim {}

    /** The push has ended (sent, refused, impossible): nothing more to do. */
    record Settled(PushStatus status) implements PushClaim {}

    /** Another delivery holds the claim until {@code until}. */
    record InFlight(Instant until) implements PushClaim {}
}
