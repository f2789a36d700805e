package org.linli.notify;

import java.time.Instant;
import java.util.Map;

/**
 * One in-app notification (站内消息) for one user: about a case event ({@code caseId}, {@code eventId})
 * or a step of the monthly cycle ({@code cycleId}, {@code community}). The id is derived from what
 * it is about and whom it is for - (event, recipient) or (cycle, kind, recipient) - and sorts by
 * time, so a redelivery or a re-fired schedule stores nothing new. {@code values} are the raw values
 * its text was made from (counts, dates), which the WeChat templates reuse. No personal information.
 */
public record Notification(String id, String userId, String kind, String title, String body, String caseId,
                           String category, String caseStatus, String eventId, String cycleId, String community,
                           Map<String, String> values, Instant createdAt, Instant readAt) {
    public Notification {
        values = values == null ? Map.of() : Map.copyOf(values);
    }

    /** A case notification (what the case events consumer writes). */
    public Notification(String id, String userId, String kind, String title, String caseId, String category,
                        String caseStatus, String eventId, Instant createdAt, Instant readAt) {
        this(id, userId, kind, title, null, caseId, category, caseStatus, eventId, null, null, Map.of(), createdAt, readAt);
    }

    public boolean read() {
        return readAt != null;
    }

    public Notification readAt(Instant at) {
        return new Notification(id, userId, kind, title, body, caseId, category, caseStatus, eventId, cycleId, community,
                values, createdAt, at);
    }
}
