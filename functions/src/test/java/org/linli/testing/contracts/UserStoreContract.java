package org.linli.testing.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.linli.identity.Grant;
import org.linli.identity.GrantChange;
import org.linli.identity.RefreshSession;
import org.linli.identity.Role;
import org.linli.identity.UserAccount;
import org.linli.identity.UserStore;

/**
 * What every {@link UserStore} does, written once: run against the in-memory fake
 * (InMemoryUsersContractTest) and against DynamoDB Local (DynamoUserStoreContractIntegrationTest),
 * so the fake the unit tests lean on cannot drift from the adapter. Ids are fresh per test: the
 * DynamoDB table is shared with other suites.
 */
public abstract class UserStoreContract {
    protected abstract UserStore store();

    private static final Instant AT = Instant.parse("2026-11-18T02:00:00Z");
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private UserAccount user(String name) {
        return new UserAccount("usr_" + run + name, "openid-" + run + name, null, name, Set.of(Role.RESIDENT), Set.of(), AT);
    }

    @Test
    void anUnknownUserIsNotFound() {
        assertEquals(Optional.empty(), store().find("usr_" + run + "nobody"));
    }

    @Test
    void createIfAbsentKeepsTheFirstAccount() {
        UserAccount first = user("a");
        assertEquals(first, store().createIfAbsent(first));
        UserAccount second = new UserAccount(first.id(), first.openId(), null, "other", Set.of(Role.RESIDENT), Set.of(), AT.plusSeconds(5));
        assertEquals(first, store().createIfAbsent(second));
        assertEquals(Optional.of(first), store().find(first.id()));
    }

    @Test
    void saveReplaces() {
        UserAccount u = user("b");
        store().save(u);
        UserAccount staff = u.withGrants(Set.of(Grant.of(Role.RESIDENT), new Grant(Role.COMMUNITY_STAFF, "W1")));
        store().save(staff);
        assertEquals(Optional.of(staff), store().find(u.id()));
    }

    @Test
    void theFirstLinkOfAUnionIdWins() {
        String union = "union-" + run;
        assertEquals(Optional.empty(), store().userIdByUnionId(union));
        assertEquals("usr_1", store().linkUnionId(union, "usr_1"));
        assertEquals("usr_1", store().linkUnionId(union, "usr_2"));
        assertEquals(Optional.of("usr_1"), store().userIdByUnionId(union));
    }

    @Test
    void grantsChangeOverTheVersionReadAndTheChangesAreKeptNewestFirst() {
        UserAccount u = user("c");
        store().save(u);
        UserAccount staff = u.withGrants(Set.of(Grant.of(Role.RESIDENT), new Grant(Role.COMMUNITY_STAFF, "W1")));
        GrantChange first = change(u, "1", GrantChange.Kind.GRANT, AT.plusSeconds(60));
        assertTrue(store().changeGrants(u, staff, first));
        assertEquals(Optional.of(staff), store().find(u.id()));

        UserAccount stale = u.withGrants(Set.of(Grant.of(Role.RESIDENT), new Grant(Role.GRID_WORKER, "W1-G1")));
        assertFalse(store().changeGrants(u, stale, change(u, "2", GrantChange.Kind.GRANT, AT.plusSeconds(90))),
                "a change over an old version is refused");
        assertEquals(Optional.of(staff), store().find(u.id()));

        GrantChange second = change(u, "3", GrantChange.Kind.REVOKE, AT.plusSeconds(120));
        assertTrue(store().changeGrants(staff, staff.withGrants(Set.of(Grant.of(Role.RESIDENT))), second));
        assertEquals(List.of(second, first), store().grantChanges(u.id(), 10));
        assertEquals(List.of(second), store().grantChanges(u.id(), 1));
    }

    private GrantChange change(UserAccount u, String n, GrantChange.Kind kind, Instant at) {
        return new GrantChange("gch_" + run + n, u.id(), "usr_admin", kind, Role.COMMUNITY_STAFF, List.of("W1"), "reason " + n, at,
                List.of("RESIDENT", "COMMUNITY_STAFF:W1"));
    }

    @Test
    void aRefreshSessionIsTakenOnce() {
        RefreshSession s = new RefreshSession("hash-" + run, "usr_" + run, AT.plusSeconds(3600));
        store().saveSession(s);
        assertEquals(Optional.of(s), store().takeSession(s.tokenHash()));
        assertEquals(Optional.empty(), store().takeSession(s.tokenHash()));
        assertEquals(Optional.empty(), store().takeSession("hash-" + run + "-unknown"));
    }
}
