package org.linli.testing;

import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.linli.core.Page;
import org.linli.notify.Notification;
import org.linli.notify.NotificationStore;

/** The inbox in a map, with the adapter's rules: an id is stored once; read once. */
public final class InMemoryNotifications implements NotificationStore {
    public final Map<String, Notification> byId = new ConcurrentHashMap<>();

    @Override
    public boolean add(Notification n) {
        return byId.putIfAbsent(n.userId() + "/" + n.id(), n) == null;
    }

    @Override
    public Page<Notification> of(String userId, int limit, String cursor) {
        return new Page<>(byId.values().stream().filter(n -> n.userId().equals(userId))
                .sorted(Comparator.comparing(Notification::id).reversed()).limit(limit).toList(), null);
    }

    @Override
    public boolean markRead(String userId, String id, Instant at) {
        Notification n = byId.get(userId + "/" + id);
        if (n == null) return false;
        if (n.readAt() == null) {
            byId.put(userId + "/" + id, new Notification(n.id(), n.userId(), n.kind(), n.title(), n.caseId(), n.category(),
                    n.caseStatus(), n.eventId(), n.createdAt(), at));
        }
        return true;
    }
}
