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
import org.linli.testing.InMemoryUsers;
import org.linli.testing.MutableClock;

class LoginTest {
    private static final TokenKeys KEYS = TokenKeys.generate("k1");

    private final InMemoryUsers users = new InMemoryUsers();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T02:00:00Z"));
    private final AccessTokens tokens = new AccessTokens("linli");
    private final Login login = new Login(code -> {
        if (code.startsWith("bad")) throw new Unauthenticated("INVALID_LOGIN_CODE", "bad");
        // "u<person>-<app>-...": an app bound to an Open Platform account, with a unionid
        if (code.startsWith("u")) return new WeChatLogin.WeChatIdentity("openid-" + code.substring(0, 5), "union-" + code.substring(0, 3));
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
        assertEquals(first.user().id(), tokens.verify(first.accessToken(), VerifyingKeys.of(KEYS), clock.instant()).principal().userId());
    }

    @Test
    void aRefreshTokenWorksOnceAndCarriesNewRoles() {
        var first = login.withWeChatCode("abcd-1");
        UserAccount u = first.user();
        users.save(new UserAccount(u.id(), u.openId(), null, "李强", Set.of(Role.RESIDENT, Role.GRID_WORKER), Set.of("G1"), u.createdAt()));
        var refreshed = login.refresh(first.refreshToken());
        assertNotEquals(first.refreshToken(), refreshed.refreshToken());
        var claims = tokens.verify(refreshed.accessToken(), VerifyingKeys.of(KEYS), clock.instant());
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

    @Test
    void aUnionIdFindsTheSamePersonFromEveryAppOfTheOrganisation() {
        var fromMiniProgram = login.withWeChatCode("u01-a-code1"); // openid-u01-a, union-u01
        assertTrue(fromMiniProgram.newUser());
        var fromOfficialAccount = login.withWeChatCode("u01-b-code2"); // another openid, same unionid
        assertFalse(fromOfficialAccount.newUser());
        assertEquals(fromMiniProgram.user().id(), fromOfficialAccount.user().id());
        assertEquals(Map.of("union-u01", fromMiniProgram.user().id()), users.unionLinks);
        assertEquals(1, users.users.size());
        assertNotEquals(fromMiniProgram.user().id(), login.withWeChatCode("u02-a-code3").user().id(), "another person");
    }

    @Test
    void aUnionIdSeenLaterLinksTheAccountTheOpenIdAlreadyHas() {
        String openId = "openid-u03-a";
        UserAccount before = users.createIfAbsent(new UserAccount(Login.userIdFor(openId), openId, null, null,
                Set.of(Role.RESIDENT), Set.of(), clock.instant()));
        var r = login.withWeChatCode("u03-a-code");
        assertFalse(r.newUser());
        assertEquals(before.id(), r.user().id());
        assertEquals(before.id(), users.unionLinks.get("union-u03"));
        assertEquals(before.id(), login.withWeChatCode("u03-z-other-app").user().id());
    }

    @Test
    void twoAppsLoggingInFirstAtOnceEndWithTheAccountThatLinkedFirst() {
        // The other app's login links the unionid between this login's lookup and its own link.
        InMemoryUsers racing = new InMemoryUsers() {
            @Override
            public synchronized java.util.Optional<String> userIdByUnionId(String unionId) {
                var none = super.userIdByUnionId(unionId);
                unionLinks.put(unionId, "usr_winner");
                users.put("usr_winner", new UserAccount("usr_winner", "openid-u04-a", unionId, null, Set.of(Role.RESIDENT),
                        Set.of(), clock.instant()));
                return none;
            }
        };
        Login l = new Login(code -> new WeChatLogin.WeChatIdentity("openid-u04-b", "union-u04"), racing, tokens, () -> KEYS, clock);
        var r = l.withWeChatCode("u04-b-code");
        assertEquals("usr_winner", r.user().id());
        assertFalse(r.newUser());
    }

    /** The website sign-in: "web-<person>" codes carry the unionid "union-<person>"; nothing else is known. */
    private Login webLogin() {
        return new Login(new WeChatLogin() {
            @Override
            public WeChatIdentity codeToSession(String code) {
                return new WeChatIdentity("openid-mp-" + code, code.startsWith("u") ? "union-" + code.substring(0, 3) : null);
            }

            @Override
            public WeChatIdentity webCodeToIdentity(String code) {
                if (code.startsWith("bad")) throw new Unauthenticated("INVALID_LOGIN_CODE", "bad");
                return new WeChatIdentity("openid-web-" + code, code.startsWith("web-") ? "union-" + code.substring(4) : null);
            }
        }, users, tokens, () -> KEYS, clock);
    }

    @Test
    void theWebSignInFindsStaffByUnionIdAndCreatesNobody() {
        Login l = webLogin();
        // A grid worker who once used the mini-program (his unionid linked), then got his role.
        var first = l.withWeChatCode("u01-mp");
        UserAccount u = first.user();
        users.save(new UserAccount(u.id(), u.openId(), u.unionId(), "李强", Set.of(Role.RESIDENT, Role.GRID_WORKER), Set.of("G1"),
                u.createdAt()));
        var web = l.withWeChatWebCode("web-u01");
        assertEquals(u.id(), web.user().id());
        assertFalse(web.newUser());
        assertTrue(tokens.verify(web.accessToken(), VerifyingKeys.of(KEYS), clock.instant()).principal().has(Role.GRID_WORKER));
        int accounts = users.users.size();
        assertThrows(org.linli.core.Forbidden.class, () -> l.withWeChatWebCode("web-u99"), "nobody linked: refused");
        assertEquals("WECHAT_NOT_LINKED", assertThrows(Unauthenticated.class, () -> l.withWeChatWebCode("plain")).code());
        assertEquals(accounts, users.users.size(), "the web sign-in creates no account");
    }

    @Test
    void theWebSignInRefusesResidents() {
        Login l = webLogin();
        l.withWeChatCode("u02-mp"); // a resident of the mini-program
        assertThrows(org.linli.core.Forbidden.class, () -> l.withWeChatWebCode("web-u02"));
        assertThrows(Unauthenticated.class, () -> l.withWeChatWebCode("bad-code"));
    }
}
