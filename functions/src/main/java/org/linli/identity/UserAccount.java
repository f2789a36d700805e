package org.linli.identity;

import java.time.Instant;
import java.util.Set;

/**
 * A user of the mini-program, found by WeChat openid (or unionid when the app has one). Everyone
 * starts as a resident; an administrator promotes staff and binds them to territory nodes.
 */
public record UserAccount(String id, String openId, String unionId, String displayName, Set<Role> roles,
                          Set<String> scope, Instant createdAt) {
    public UserAccount {
        roles = Set.copyOf(roles);
        scope = Set.copyOf(scope);
    }

    public Principal principal() {
        return new Principal(id, roles, scope);
    }
}
