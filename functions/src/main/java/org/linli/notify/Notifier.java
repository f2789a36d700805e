package org.linli.notify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.linli.cases.CaseEvent;
import org.linli.core.Ids;
import org.linli.territory.Roster;
import org.linli.territory.TerritoryDirectory;

/**
 * Turns a case event into inbox notifications: one roster batch read when the event concerns a
 * node or departments, then one conditional put per recipient (a redelivery puts nothing new).
 * Notifications of a kind with a WeChat template also go to the {@link Outbox}, where delivery
 * pushes them once - sent on every delivery of the event, new or not, so that a push whose send
 * was lost with a failed attempt is not lost for good (delivery drops the copies).
 */
public final class Notifier {
    private final TerritoryDirectory rosters;
    private final NotificationStore store;
    private final Outbox outbox;
    private final PushTemplates templates;

    public Notifier(TerritoryDirectory rosters, NotificationStore store, Outbox outbox, PushTemplates templates) {
        this.rosters = rosters;
        this.store = store;
        this.outbox = outbox;
        this.templates = templates;
    }

    /** Returns how many notifications were new. */
    public int deliver(CaseEvent e) {
        var nodes = Recipients.rosterNodes(e);
        Map<String, Roster> byNode = nodes.isEmpty() ? Map.of() : rosters.rosters(nodes);
        List<Recipients.Recipient> recipients = Recipients.of(e, byNode);
        int added = 0;
        List<Notification> pushed = new ArrayList<>();
        for (Recipients.Recipient r : recipients) {
            Notification n = new Notification(Ids.derivedAt("ntf", e.at(), e.eventId(), r.userId()), r.userId(), r.kind(),
                    r.title(), e.caseId(), e.category(), e.to().name(), e.eventId(), e.at(), null);
            if (store.add(n)) added++;
            if (templates.forKind(n.kind()).isPresent()) pushed.add(n);
        }
        if (!pushed.isEmpty()) outbox.send(pushed);
        return added;
    }
}
