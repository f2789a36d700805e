package org.linli.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.linli.core.Ids;
import org.linli.core.Forbidden;
import org.linli.core.Unauthenticated;

/**
 * Login and refresh. A first login creates a resident account keyed by openid; every login or
 * refresh returns a fresh access token and a new single-use refresh token (the old one dies),
 * re-reading roles so that a promotion takes effect at the next refresh.
 */
public final class Login {
    public static final Duration REFRESH_LIFETIME = Duration.ofDays(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final WeChatLogin wechat;
    private final UserStore users;
    private final AccessTokens tokens;
    private final Supplier<TokenKeys> keys;
    private final Clock clock;

    public Login(WeChatLogin wechat, UserStore users, AccessTokens tokens, Supplier<TokenKeys> keys, Clock clock) {
        this.wechat = wechat;
        this.users = users;
        this.tokens = tokens;
        this.keys = keys;
        this.clock = clock;
    }

    public Result withWeChatCode(String code) {
        WeChatLogin.WeChatIdentity id = wechat.codeToSession(code);
        Instant now = clock.instant();
        // With a unionid (the app is bound to a WeChat Open Platform account) the same person
        // reaches Linli through several apps, each with its own openid: the unionid finds him.
        Optional<String> linked = id.unionId() == null ? Optional.empty() : users.userIdByUnionId(id.unionId());
        // Otherwise the user id derives from the openid, so finding a user is one key lookup.
        String userId = linked.orElseGet(() -> userIdFor(id.openId()));
        var existing = users.find(userId);
        boolean created = existing.isEmpty();
        UserAccount user = existing.orElseGet(() -> users.createIfAbsent(new UserAccount(
                userId, id.openId(), id.unionId(), null, Set.of(Role.RESIDENT), Set.of(), now)));
        if (user.status() == AccountStatus.ERASED) {
            // He erased his account and comes back: a new resident account, nothing of the old one.
            UserAccount fresh = new UserAccount(userId, id.openId(), id.unionId(), null, Grant.spread(Set.of(Role.RESIDENT), Set.of()),
                    now, user.version() + 1, AccountStatus.ACTIVE);
            if (!users.replace(user, fresh)) throw new org.linli.core.Conflict("ACCOUNT_CHANGED", "The account changed meanwhile; try again.");
            user = fresh;
            created = true;
        }
        if (!user.active()) throw disabled();
        if (id.unionId() != null && linked.isEmpty()) {
            String owner = users.linkUnionId(id.unionId(), user.id());
            if (!owner.equals(user.id())) {
                // Another app's first login linked the unionid a moment earlier: that account is his.
                Optional<UserAccount> first = users.find(owner);
                if (first.isPresent()) {
                    user = first.get();
                    created = false;
                }
            }
        }
        return issue(user, now, created);
    }

    /**
     * The staff console's WeChat QR sign-in: the person is found by his unionid - the website
     * application has its own openids - and must already hold a staff account (staff are granted
     * their roles, never created by a sign-in). Nothing is written but the new session.
     */
    public Result withWeChatWebCode(String code) {
        WeChatLogin.WeChatIdentity id = wechat.webCodeToIdentity(code);
        if (id.unionId() == null) {
            throw new Unauthenticated("WECHAT_NOT_LINKED", "WeChat gave no unionid: the website application is not bound to "
                    + "the Open Platform account of the mini-program.");
        }
        UserAccount user = users.userIdByUnionId(id.unionId()).flatMap(users::find)
                .orElseThrow(() -> new Forbidden("No staff account is linked to this WeChat user: sign in once in the Linli "
                        + "mini-program, then ask an administrator for your role."));
        if (!user.principal().isStaff()) {
            throw new Forbidden("The staff console is for staff; residents and volunteers use the Linli mini-program.");
        }
        return issue(user, clock.instant(), false);
    }

    public Result refresh(String refreshToken) {
        if (refreshToken == null || refreshToken.length() < 20 || refreshToken.length() > 200) throw expired();
        Instant now = clock.instant();
        RefreshSession session = users.takeSession(hash(refreshToken)).orElseThrow(Login::expired);
        if (!now.isBefore(session.expiresAt())) throw expired();
        UserAccount user = users.find(session.userId()).orElseThrow(Login::expired);
        if (user.status() == AccountStatus.ERASED) throw expired();
        if (!user.active()) throw disabled();
        return issue(user, now, false);
    }

    private Result issue(UserAccount user, Instant now, boolean created) {
        TokenKeys k = keys.get();
        String access = tokens.issue(user.principal(), k, now);
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String refresh = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant refreshExpires = now.plus(REFRESH_LIFETIME);
        users.saveSession(new RefreshSession(hash(refresh), user.id(), refreshExpires));
        return new Result(access, now.plus(AccessTokens.LIFETIME), refresh, refreshExpires, user, created);
    }

    public static String userIdFor(String openId) {
        return Ids.derived("usr", "wechat", openId);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static org.linli.core.Forbidden disabled() {
        return new org.linli.core.Forbidden("ACCOUNT_DISABLED", "This account is disabled; ask an administrator.");
    }

    private static Unauthenticated expired() {
        return new Unauthenticated("REFRESH_TOKEN_INVALID", "The refresh token is unknown, used or expired; log in again.");
    }

    /** Tokens and the account they were issued for. */
    public record Result(String accessToken, Instant accessExpiresAt, String refreshToken, Instant refreshExpiresAt,
                         UserAccount user, boolean newUser) {}
}
