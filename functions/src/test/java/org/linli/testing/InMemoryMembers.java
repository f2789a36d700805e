package org.linli.testing;

import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.linli.core.Page;
import org.linli.volunteer.membership.MemberStore;
import org.linli.volunteer.membership.Membership;
import org.linli.volunteer.membership.MembershipStatus;

/**
 * Volunteer registrations in a map, with the adapter's conditions: one registration per member (a declined one may
 * register again), decided once; a community's list oldest first, as the index's sort key orders it.
 */
public final class InMemoryMembers implements MemberStore {
    public final Map<String, Membership> byId = new ConcurrentHashMap<>();

    @Override
    public Optional<Membership> membership(String memberId) {
        return Optional.ofNullable(byId.get(memberId));
    }

    @Override
    public synchronized Optional<Membership> register(Membership pending) {
        Membership before = byId.get(pending.memberId());
        if (before != null && before.status() != MembershipStatus.DECLINED) return Optional.of(before);
        byId.put(pending.memberId(), pending);
        return Optional.empty();
    }

    @Override
    public synchronized boolean decide(Membership decided) {
        Membership now = byId.get(decided.memberId());
        if (now == null || now.status() != MembershipStatus.PENDING) return false;
        byId.put(decided.memberId(), decided);
        return true;
    }

    @Override
    public Page<Membership> byStatus(String communityCode, MembershipStatus status, int limit, String cursor) {
        var page = byId.values().stream().filter(m -> m.community().code().equals(communityCode) && m.status() == status)
                .filter(m -> cursor == null || order(m).compareTo(cursor) > 0)
                .sorted(Comparator.comparing(InMemoryMembers::order)).limit(limit).toList();
        return new Page<>(page, page.size() == limit ? order(page.get(page.size() - 1)) : null);
    }

    /** Registration time, then id: the order of the registrations index. */
    private static String order(Membership m) {
        return org.linli.core.Times.stored(m.registeredAt()) + "#" + m.memberId();
    }
}
