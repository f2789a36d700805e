package org.linli.testing.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.linli.organisations.Contact;
import org.linli.organisations.MemberLink;
import org.linli.organisations.Organisation;
import org.linli.organisations.OrganisationKind;
import org.linli.organisations.OrganisationStore;

/**
 * What every {@link OrganisationStore} does, written once: against the in-memory fake the unit
 * tests use and against the volunteer table in DynamoDB Local. A fresh community code per test.
 */
public abstract class OrganisationStoreContract {
    protected abstract OrganisationStore store();

    private static final Instant AT = Instant.parse("2026-11-18T02:00:00Z");
    private final String community = "CT-" + UUID.randomUUID().toString().substring(0, 8);

    private Organisation org(String id, String name) {
        return new Organisation(id, community, OrganisationKind.UNIT, name, new Contact("赵建国", "13911112222"), "柳园路1号", AT, "usr_a",
                AT, "usr_a", 1);
    }

    @Test
    void registeringTwiceKeepsTheFirstAndAnswersIt() {
        Organisation first = org("org_00000000000000000000000001", "供电公司");
        assertEquals(Optional.empty(), store().register(first));
        assertEquals(Optional.of(first), store().register(org(first.id(), "别的名字")));
        assertEquals(Optional.of(first), store().find(community, first.id()));
        assertEquals(Optional.empty(), store().find(community, "org_00000000000000000000000009"));
    }

    @Test
    void anUpdateNeedsTheVersionItRead() {
        Organisation o = org("org_00000000000000000000000002", "物业");
        store().register(o);
        Organisation after = o.updated(OrganisationKind.PROPERTY_MANAGER, "安居物业", new Contact("钱", "13800000000"), null, "usr_b",
                AT.plusSeconds(60));
        assertTrue(store().update(after, 1));
        assertFalse(store().update(after.updated(OrganisationKind.SHOP, "x", after.contact(), null, "usr_c", AT), 1), "stale");
        assertEquals(Optional.of(after), store().find(community, o.id()));
    }

    @Test
    void aMemberIsLinkedToOneOrganisationAndOnlyToOneThatExists() {
        Organisation a = org("org_00000000000000000000000003", "甲");
        Organisation b = org("org_00000000000000000000000004", "乙");
        store().register(a);
        store().register(b);
        assertTrue(store().link(new MemberLink(community, "usr_m1", a.id(), AT, "usr_a")));
        assertTrue(store().link(new MemberLink(community, "usr_m2", a.id(), AT, "usr_a")));
        MemberLink moved = new MemberLink(community, "usr_m1", b.id(), AT.plusSeconds(5), "usr_a");
        assertTrue(store().link(moved));
        assertFalse(store().link(new MemberLink(community, "usr_m3", "org_0000000000000000000000000Z", AT, "usr_a")));

        OrganisationStore.Roster roster = store().roster(community);
        assertEquals(List.of(a, b), roster.organisations().stream().sorted(java.util.Comparator.comparing(Organisation::id)).toList());
        assertEquals(List.of(new MemberLink(community, "usr_m1", b.id(), AT.plusSeconds(5), "usr_a"),
                new MemberLink(community, "usr_m2", a.id(), AT, "usr_a")),
                roster.links().stream().sorted(java.util.Comparator.comparing(MemberLink::memberId)).toList());
        assertEquals(new OrganisationStore.Roster(List.of(), List.of()), store().roster(community + "-none"));
    }
}
