package org.linli.adapters.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.linli.core.Times;
import org.linli.json.Json;
import org.linli.notify.Notification;

/**
 * {@code {"type":"notification","v":1,...}} ⇄ {@link Notification}: one notification for one
 * recipient, complete (id, kind, texts, references, values), so that delivery writes what it is
 * given. Ids, codes, counts and dates only: no names, phones or free text of residents.
 */
public final class NotificationMessage {
    public static final String TYPE = "notification";

    private NotificationMessage() {}

    public static String encode(Notification n) {
        ObjectNode o = Json.object().put("type", TYPE).put("v", 1)
                .put("notificationId", n.id()).put("userId", n.userId()).put("kind", n.kind()).put("title", n.title())
                .put("createdAt", Times.stored(n.createdAt()));
        put(o, "body", n.body());
        put(o, "caseId", n.caseId());
        put(o, "category", n.category());
        put(o, "caseStatus", n.caseStatus());
        put(o, "eventId", n.eventId());
        put(o, "cycleId", n.cycleId());
        put(o, "community", n.community());
        ObjectNode values = o.putObject("values");
        n.values().forEach(values::put);
        return Json.write(o);
    }

    /** Throws IllegalArgumentException for anything that is not a v1 notification message. */
    public static Notification decode(String body) {
        JsonNode n = Messages.parse(body, TYPE);
        try {
            return new Notification(Messages.required(n, "notificationId"), Messages.required(n, "userId"),
                    Messages.required(n, "kind"), Messages.required(n, "title"), Messages.optional(n, "body"),
                    Messages.optional(n, "caseId"), Messages.optional(n, "category"), Messages.optional(n, "caseStatus"),
                    Messages.optional(n, "eventId"), Messages.optional(n, "cycleId"), Messages.optional(n, "community"),
                    Messages.strings(n.path("values")), Instant.parse(Messages.required(n, "createdAt")), null);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("malformed notification: " + e.getMessage());
        }
    }

    private static void put(ObjectNode o, String field, String value) {
        if (value != null) o.put(field, value);
    }
}
