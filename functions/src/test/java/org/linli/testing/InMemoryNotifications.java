package org.linli.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.linli.core.Page;
import org.linli.notify.Notification;
import org.linli.notify.NotificationStore;
import org.linli.notify.PushStatus;

/** The inbox in a map, with the adapter's rules: an id is stored once; read once; a push is claimed by one delivery and settled once. */
public final class InMemoryNotifications implements NotificationStore {
    public final Map<String, Notification> byId = new ConcurrentHashMap<>();
    public final Map<String, Push> pushes = new ConcurrentHashMap<>();

    /** A notification's push state, as the adapter keeps it on the item. */
    public record Push(PushStatus status, Instant lease, int attempts, String detail) {}

    @Override
    public boolean add(Notification n) {
        return byId.putIfAbsent(n.userId() + "/" + n.id(), n) == null;
    }

    @Override
    public synchronized PushClaim claimPush(Notification n, Instant now, Duration lease) {
        String key = n.userId() + "/" + n.id();
        byId.putIfAbsent(key, n);
        Push p = pushes.get(key);
        if (p != null && p.status().settled()) return new Settled(p.status());
        if (p != null && p.status() == PushStatus.SENDING && p.lease().isAfter(now)) return new InFlight(p.lease());
        int attempts = p == null ? 1 : p.attempts() + 1;
        pushes.put(key, new Push(PushStatus.SENDING, now.plus(lease), attempts, null));
        return new Claimed(attempts);
    }

    @Override
    public synchronized void settlePush(Notification n, PushStatus status, String detail, Instant at) {
        String key = n.userId() + "/" + n.id();
        Push p = pushes.get(key);
        if (p != null && p.status() == PushStatus.SENDING) pushes.put(key, new Push(status, null, p.attempts(), detail));
    }

    public Push push(Notification n) {
        return pushes.get(n.userId() + "/" + n.id());
    }

    @Override
    public Page<Notification> of(String userId, int limit, String cursor) {
        // As DynamoDB pages: the cursor is the last id of a full page (a last page may be empty).
        List<Notification> page = byId.values().stream().filter(n -> n.userId().equals(userId))
                .filter(n -> cursor == null || n.id().compareTo(cursor) < 0)
                .sorted(Comparator.comparing(Notification::id).reversed()).limit(limit).toList();
        return new Page<>(page, page.size() == limit ? page.get(page.size() - 1).id() : null);
    }

    @Override
    public boolean markRead(String userId, String id, Instant at) {
        Notification n = byId.get(userId + "/" + id);
        if (n == null) return false;
        if (n.readAt() == null) {
            byId.put(userId + "/" + id, n.readAt(at));
        }
        return true;
    }
}
