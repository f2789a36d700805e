package org.linli.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.linli.identity.GrantChange;
import org.linli.identity.RefreshSession;
import org.linli.identity.UserAccount;
import org.linli.identity.UserStore;

/** A {@link UserStore} in maps, with the same conditions as the DynamoDB one. */
public class InMemoryUsers implements UserStore {
    public final Map<String, UserAccount> users = new HashMap<>();
    public final Map<String, String> unionLinks = new HashMap<>();
    public final List<GrantChange> changes = new ArrayList<>();
    public final Map<String, RefreshSession> sessions = new HashMap<>();
    /** Set to make the next grant change meet a concurrent one. */
    public Runnable beforeChange = () -> {};

    @Override public synchronized Optional<UserAccount> find(String id) { return Optional.ofNullable(users.get(id)); }
    @Override public synchronized UserAccount createIfAbsent(UserAccount u) { return users.computeIfAbsent(u.id(), k -> u); }
    @Override public synchronized void save(UserAccount u) { users.put(u.id(), u); }
    @Override public synchronized Optional<String> userIdByUnionId(String unionId) { return Optional.ofNullable(unionLinks.get(unionId)); }
    @Override public synchronized String linkUnionId(String unionId, String userId) { return unionLinks.computeIfAbsent(unionId, k -> userId); }

    @Override
    public synchronized boolean changeGrants(UserAccount before, UserAccount after, GrantChange change) {
        Runnable r = beforeChange;
        beforeChange = () -> {};
        r.run();
        UserAccount now = users.get(before.id());
        if (now == null || now.version() != before.version()) return false;
        users.put(after.id(), after);
        changes.add(change);
        return true;
    }

    @Override
    public synchronized boolean replace(UserAccount before, UserAccount after) {
        UserAccount now = users.get(before.id());
        if (now == null || now.version() != before.version()) return false;
        users.put(after.id(), after);
        return true;
    }

    @Override public synchronized void unlinkUnionId(String unionId) { unionLinks.remove(unionId); }
    public final Map<String, org.linli.identity.ErasureRecord> erasures = new HashMap<>();
    @Override public synchronized void saveErasure(org.linli.identity.ErasureRecord e) { erasures.put(e.userId(), e); }
    @Override public synchronized Optional<org.linli.identity.ErasureRecord> findErasure(String id) { return Optional.ofNullable(erasures.get(id)); }

    @Override
    public synchronized List<GrantChange> grantChanges(String userId, int limit) {
        return changes.stream().filter(c -> c.userId().equals(userId)).sorted(Comparator.comparing(GrantChange::at).reversed())
                .limit(limit).toList();
    }

    @Override public synchronized void saveSession(RefreshSession s) { sessions.put(s.tokenHash(), s); }
    @Override public synchronized Optional<RefreshSession> takeSession(String h) { return Optional.ofNullable(sessions.remove(h)); }

    @Override
    public synchronized org.linli.core.Page<UserAccount> staff(String idPrefix, org.linli.identity.Role role, String node, int limit,
                                                               String cursor) {
        List<UserAccount> all = users.values().stream().filter(u -> u.roles().stream().anyMatch(org.linli.identity.Role::staff))
                .filter(u -> idPrefix == null || u.id().startsWith(idPrefix)).filter(u -> role == null || u.roles().contains(role))
                .filter(u -> node == null || u.scope().contains(node))
                .filter(u -> cursor == null || u.id().compareTo(cursor) > 0).sorted(Comparator.comparing(UserAccount::id)).toList();
        List<UserAccount> page = all.subList(0, Math.min(limit, all.size()));
        return new org.linli.core.Page<>(page, all.size() > limit ? page.get(page.size() - 1).id() : null);
    }
}
