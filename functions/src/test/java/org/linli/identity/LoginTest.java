package org.linli.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.linli.core.Unauthenticated;
import org.linli.testing.MutableClock;

class LoginTest {
    private static final TokenKeys KEYS = TokenKeys.generate("k1");

    static final class MapUsers implements UserStore {
        final Map<String, UserAccount> users = new HashMap<>();
        final Map<String, RefreshSession> sessions = new HashMap<>();

        public Optional<UserAccount> find(String id) { return Optional.ofNullable(users.get(id)); }
        public UserAccount createIfAbsent(UserAccount u) { return users.computeIfAbsent(u.id(), k -> u); }
        public void save(UserAccount u) { users.put(u.id(), u); }
        public void saveSession(RefreshSession s) { sessions.put(s.tokenHash(), s); }
        public Optional<RefreshSession> takeSession(String h) { return Optional.ofNullable(sessions.remove(h)); }
    }

    private final MapUsers users = new MapUsers();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T02:00:00Z"));
    private final AccessTokens tokens = new AccessTokens("linli");
    private final Login login = new Login(code -> {
        if (code.startsWith("bad")) throw new Unauthenticated("INVALID_LOGIN_CODE", "bad");
        return new WeChatLogin.WeChatIdentity("openid-" + code.substring(0, 4), null);
    }, users, tokens, () -> KEYS, clock);

    @Test
    void theFirstLoginCreatesAResidentAndLaterLoginsFindHim() {
        var first = login.withWeChatCode("abcd-1");
        assertTrue(first.newUser());
        assertEquals(Set.of(Role.RESIDENT), first.user().roles());
        var second = login.withWeChatCode("abcd-2");
        assertFalse(second.newUser());
        assertEquals(first.user().id(), second.user().id());
        assertEquals(1, users.users.size());
        assertEquals(first.user().id(), tokens.verify(first.accessToken(), KEYS.publicKey(), clock.instant()).principal().userId());
    }

    @Test
    void aRefreshTokenWorksOnceAndCarriesNewRoles() {
        var first = login.withWeChatCode("abcd-1");
        UserAccount u = first.user();
        users.save(new UserAccount(u.id(), u.openId(), null, "李强", Set.of(Role.RESIDENT, Role.GRID_WORKER), Set.of("G1"), u.createdAt()));
        var refreshed = login.refresh(first.refreshToken());
        assertNotEquals(first.refreshToken(), refreshed.refreshToken());
        var claims = tokens.verify(refreshed.accessToken(), KEYS.publicKey(), clock.instant());
        assertTrue(claims.principal().has(Role.GRID_WORKER));
        assertEquals("REFRESH_TOKEN_INVALID",
                assertThrows(Unauthenticated.class, () -> login.refresh(first.refreshToken())).code(), "used once");
    }

    @Test
    void anExpiredRefreshTokenIsRefused() {
        var first = login.withWeChatCode("abcd-1");
        clock.advance(Login.REFRESH_LIFETIME.plus(Duration.ofSeconds(1)));
        assertThrows(Unauthenticated.class, () -> login.refresh(first.refreshToken()));
    }

    @Test
    void aBadCodeIsUnauthenticatedAndCreatesNobody() {
        assertThrows(Unauthenticated.class, () -> login.withWeChatCode("bad-code"));
        assertTrue(users.users.isEmpty());
    }
}
