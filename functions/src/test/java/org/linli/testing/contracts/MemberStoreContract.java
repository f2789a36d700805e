package org.linli.testing.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.linli.core.Page;
import org.linli.volunteer.membership.Community;
import org.linli.volunteer.membership.MemberStore;
import org.linli.volunteer.membership.Membership;
import org.linli.volunteer.membership.MembershipStatus;

/**
 * What every {@link MemberStore} does, written once: run against InMemoryMembers and against DynamoDB Local.
 * Member ids and the community are fresh per instance (the table is shared).
 */
public abstract class MemberStoreContract {
    protected abstract MemberStore store();

    private static final Instant AT = Instant.parse("2026-11-18T02:00:00Z");
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Community community = new Community("C" + run, "柳园社区", List.of("DEMO", "DEMO-W", "C" + run));

    private Membership pending(String name, Instant at) {
        return new Membership("usr_" + run + name, community, "党员" + name, "13700001111", List.of("维修"), "周末", "第一党支部",
                MembershipStatus.PENDING, at, null, null, null, 0, 0);
    }

    @Test
    void aRegistrationIsStoredOnceAndFoundAsStored() {
        Membership m = pending("a", AT);
        assertEquals(Optional.empty(), store().membership(m.memberId()));
        assertEquals(Optional.empty(), store().register(m));
        assertEquals(Optional.of(m), store().membership(m.memberId()));
        Membership again = pending("a", AT.plusSeconds(60));
        assertEquals(Optional.of(m), store().register(again), "a second registration gets the first");
        assertEquals(Optional.of(m), store().membership(m.memberId()));
    }

    @Test
    void aRegistrationIsDecidedOnceFromPending() {
        Membership m = pending("b", AT);
        store().register(m);
        Membership approved = m.decided(MembershipStatus.APPROVED, "usr_staff", null, AT.plusSeconds(300));
        assertTrue(store().decide(approved));
        assertEquals(Optional.of(approved), store().membership(m.memberId()));
        assertFalse(store().decide(m.decided(MembershipStatus.DECLINED, "usr_staff", "重复", AT.plusSeconds(400))));
        assertEquals(MembershipStatus.APPROVED, store().membership(m.memberId()).orElseThrow().status());
        assertFalse(store().decide(pending("nobody", AT).decided(MembershipStatus.APPROVED, "usr_staff", null, AT)));
    }

    @Test
    void aDeclinedMemberMayRegisterAgain() {
        Membership m = pending("c", AT);
        store().register(m);
        assertTrue(store().decide(m.decided(MembershipStatus.DECLINED, "usr_staff", "不在本社区", AT.plusSeconds(60))));
        Membership again = pending("c", AT.plusSeconds(3600));
        assertEquals(Optional.empty(), store().register(again));
        assertEquals(Optional.of(again), store().membership(m.memberId()));
    }

    @Test
    void aCommunitysRegistrationsInAStatusAreListedOldestFirstPageByPage() {
        // Ids in the opposite order of their registration times: the order is the time's.
        Membership late = pending("d1", AT.plusSeconds(300));
        Membership early = pending("d2", AT.plusSeconds(100));
        Membership middle = pending("d3", AT.plusSeconds(200));
        Membership decided = pending("d4", AT);
        for (Membership m : List.of(late, early, middle, decided)) store().register(m);
        store().decide(decided.decided(MembershipStatus.APPROVED, "usr_staff", null, AT.plusSeconds(400)));

        Page<Membership> first = store().byStatus(community.code(), MembershipStatus.PENDING, 2, null);
        assertEquals(List.of(early.memberId(), middle.memberId()), first.items().stream().map(Membership::memberId).toList());
        Page<Membership> second = store().byStatus(community.code(), MembershipStatus.PENDING, 2, first.nextCursor());
        assertEquals(List.of(late.memberId()), second.items().stream().map(Membership::memberId).toList());
        if (second.nextCursor() != null) {
            assertEquals(List.of(), store().byStatus(community.code(), MembershipStatus.PENDING, 2, second.nextCursor()).items());
        }
        Page<Membership> approved = store().byStatus(community.code(), MembershipStatus.APPROVED, 10, null);
        assertEquals(List.of(decided.memberId()), approved.items().stream().map(Membership::memberId).toList());
        assertNull(approved.nextCursor());
    }
}
