package org.linli.identity;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/**
 * A user of the mini-program, found by WeChat openid (or unionid when the app has one). Everyone
 * starts as a resident; an administrator promotes staff by granting a role over territory nodes
 * ({@link Grant}). {@code version} counts changes of the grants (optimistic locking).
 */
public record UserAccount(String id, String openId, String unionId, String displayName, Set<Grant> grants,
                          Instant createdAt, long version) {
    public UserAccount {
        grants = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(grants));
    }

    /** Each territorial role bound to every scope code (seeding, tests, accounts stored before grants). */
    public UserAccount(String id, String openId, String unionId, String displayName, Set<Role> roles, Set<String> scope,
                       Instant createdAt) {
        this(id, openId, unionId, displayName, Grant.spread(roles, scope), createdAt, 0);
    }

    public Principal principal() {
        return new Principal(id, grants);
    }

    public Set<Role> roles() {
        return principal().roles();
    }

    public Set<String> scope() {
        return principal().scope();
    }

    public UserAccount withGrants(Set<Grant> newGrants) {
        return new UserAccount(id, openId, unionId, displayName, newGrants, createdAt, version + 1);
    }
}
