package org.linli.identity;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.linli.core.Forbidden;
import org.linli.testing.InMemoryUsers;

class AccountCheckTest {
    private final InMemoryUsers users = new InMemoryUsers();
    private final AccountCheck check = new AccountCheck(users);
    private final Grant staff = new Grant(Role.COMMUNITY_STAFF, "DEMO-W1");
    private final Principal token = new Principal("usr_A", Set.of(Grant.of(Role.RESIDENT), staff));

    private UserAccount account(Set<Grant> grants) {
        return new UserAccount("usr_A", "o", null, null, grants, Instant.EPOCH, 3);
    }

    @Test
    void theGrantsOfTheTokenStillHeldPass() {
        users.save(account(Set.of(Grant.of(Role.RESIDENT), staff)));
        assertDoesNotThrow(() -> check.confirm(token));
        // A grant added since does no harm: it reaches the token at the next refresh.
        users.save(account(Set.of(Grant.of(Role.RESIDENT), staff, new Grant(Role.GRID_WORKER, "DEMO-W1-G1"))));
        assertDoesNotThrow(() -> check.confirm(token));
    }

    @Test
    void aRevokedGrantIsRefused() {
        users.save(account(Set.of(Grant.of(Role.RESIDENT))));
        assertEquals("GRANTS_REVOKED", assertThrows(Forbidden.class, () -> check.confirm(token)).code());
        // The same role over another node is not the grant the token carries.
        users.save(account(Set.of(Grant.of(Role.RESIDENT), new Grant(Role.COMMUNITY_STAFF, "DEMO-E1"))));
        assertEquals("GRANTS_REVOKED", assertThrows(Forbidden.class, () -> check.confirm(token)).code());
    }

    @Test
    void aDisabledErasedOrUnknownAccountIsRefused() {
        users.save(account(Set.of(Grant.of(Role.RESIDENT), staff)).disabled());
        assertEquals("ACCOUNT_DISABLED", assertThrows(Forbidden.class, () -> check.confirm(token)).code());
        users.save(account(Set.of(Grant.of(Role.RESIDENT), staff)).erased());
        assertEquals("ACCOUNT_DISABLED", assertThrows(Forbidden.class, () -> check.confirm(token)).code());
        users.users.clear();
        assertEquals("ACCOUNT_DISABLED", assertThrows(Forbidden.class, () -> check.confirm(token)).code());
    }
}
