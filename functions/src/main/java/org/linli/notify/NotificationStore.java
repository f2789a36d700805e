package org.linli.notify;

import java.time.Instant;
import org.linli.core.Page;

/** The in-app inbox. */
public interface NotificationStore {
    /** Stores {@code n} unless its id exists (a redelivered event); returns whether it was new. */
    boolean add(Notification n);

    /** A user's notifications, newest first. */
    Page<Notification> of(String userId, int limit, String cursor);

    /** Marks one of the user's notifications read (once); false when he has no such notification. */
    boolean markRead(String userId, String notificationId, Instant at);
}
