package org.linli.testing;

import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.linli.core.Page;
import org.linli.volunteer.membership.MemberStore;
import org.linli.volunteer.membership.Membership;
import org.linli.volunteer.membership.MembershipStatus;

/** Volunteer registrations in a map, with the adapter's conditions: one registration per member, decided once. */
public final class InMemoryMembers implements MemberStore {
    public final Map<String, Membership> byId = new ConcurrentHashMap<>();

    @Override
    public Optional<Membership> membership(String memberId) {
        return Optional.ofNullable(byId.get(memberId));
    }

    @Override
    public synchronized Optional<Membership> register(Membership pending) {
        return Optional.ofNullable(byId.putIfAbsent(pending.memberId(), pending));
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
                .filter(m -> cursor == null || m.memberId().compareTo(cursor) > 0)
                .sorted(Comparator.comparing(Membership::memberId)).limit(limit).toList();
        return new Page<>(page, page.size() == limit ? page.get(page.size() - 1).memberId() : null);
    }
}
