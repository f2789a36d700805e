package org.linli.views.notify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.linli.core.Times;
import org.linli.json.Json;
import org.linli.notify.Notification;

/** JSON views of a recipient's inbox: case notifications and the monthly cycle's reminders. */
public final class NotificationViews {
    private NotificationViews() {}

    public static ObjectNode notification(Notification n) {
        ObjectNode o = Json.object();
        o.put("notificationId", n.id());
        o.put("kind", n.kind());
        o.put("title", n.title());
        if (n.body() != null) o.put("body", n.body());
        if (n.caseId() != null) {
            o.put("caseId", n.caseId());
            o.put("category", n.category());
            o.put("caseStatus", n.caseStatus());
        }
        if (n.cycleId() != null) {
            o.put("cycleId", n.cycleId());
            o.put("community", n.community());
            ObjectNode values = o.putObject("values");
            n.values().forEach(values::put);
        }
        o.put("createdAt", Times.api(n.createdAt()));
        o.put("read", n.read());
        if (n.caseId() != null) o.putObject("links").put("case", "/cases/" + n.caseId());
        return o;
    }
}
