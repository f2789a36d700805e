package org.linli.identity;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/**
 * A user of the mini-program, found by WeChat openid (or unionid when the app has one). Everyone
 * starts as a resident; an administrator promotes staff by granting a role over territory nodes
 * ({@link Grant}). {@code version} counts changes of the grants and of the status (optimistic
 * locking); {@code status} says whether the account may act at all (disabled or erased: not).
 */
public record UserAccount(String id, String openId, String unionId, String displayName, Set<Grant> grants,
                          Instant createdAt, long version, AccountStatus status) {
    public UserAccount {
        grants = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(grants));
        if (status == null) status = AccountStatus.ACTIVE;
    }

    /** An active account. */
    public UserAccount(String id, String openId, String unionId, String displayName, Set<Grant> grants, Instant createdAt,
                       long version) {
        this(id, openId, unionId, displayName, grants, createdAt, version, AccountStatus.ACTIVE);
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
        return new UserAccount(id, openId, unionId, displayName, newGrants, createdAt, version + 1, status);
    }

    public boolean active() {
        return status == AccountStatus.ACTIVE;
    }

    /** Disabled: the same account, unable to act until an administrator enables it again. */
    public UserAccount disabled() {
        return new UserAccount(id, openId, unionId, displayName, grants, createdAt, version + 1, AccountStatus.DISABLED);
    }

    /**
     * Erased (PIPL art. 47): nothing that identifies the person is kept - no openid, unionid, name
     * or role; the id stays as the pseudonym his anonymised reports still carry.
     */
    public UserAccount erased() {
        return new UserAccount(id, null, null, null, Set.of(), createdAt, version + 1, AccountStatus.ERASED);
    }
}
