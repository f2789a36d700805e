package org.linli.notify;

import java.time.Instant;

/**
 * One in-app notification (站内消息) for one user about one case event. The id derives from
 * (event, recipient) and sorts by the event's time, so a redelivered event writes nothing new.
 * {@code kind} and the ids are what a later delivery step (WeChat subscribe messages) needs to
 * render its own template; {@code title} is the inbox's text. No personal information.
 */
public record Notification(String id, String userId, String kind, String title, String caseId, String category,
                           String caseStatus, String eventId, Instant createdAt, Instant readAt) {
    public boolean read() {
        return readAt != null;
    }
}
