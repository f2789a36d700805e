package org.linli.identity;

import java.util.List;
import java.util.Optional;

/** Persistence of users, their unionid links, grant changes and refresh sessions. */
public interface UserStore {
    Optional<UserAccount> find(String userId);

    /** Creates the user unless the id exists; returns whichever account is stored afterwards. */
    UserAccount createIfAbsent(UserAccount user);

    /** Creates or replaces an account (demo seeding, tests). */
    void save(UserAccount user);

    /** The user a WeChat unionid was first seen with, if any. */
    Optional<String> userIdByUnionId(String unionId);

    /**
     * Links a unionid to a user unless it is linked already; returns the user it is linked to
     * afterwards (another one when a login from another app of the same organisation got there first).
     */
    String linkUnionId(String unionId, String userId);

    /**
     * Replaces {@code before} by {@code after} (its version one higher) and records the change, in
     * one transaction; false when the account changed since {@code before} was read.
     */
    boolean changeGrants(UserAccount before, UserAccount after, GrantChange change);

    /**
     * Replaces {@code before} by {@code after} (its version one higher: disabled, erased) unless the
     * account changed since {@code before} was read; false then.
     */
    boolean replace(UserAccount before, UserAccount after);

    /** Forgets which user a unionid belongs to (erasure). */
    void unlinkUnionId(String unionId);

    /** Stores the erasure record of a user (one per user, the newest request). */
    void saveErasure(ErasureRecord record);

    java.util.Optional<ErasureRecord> findErasure(String userId);

    /** The newest grant changes of a user first. */
    List<GrantChange> grantChanges(String userId, int limit);

    void saveSession(RefreshSession session);

    /** Removes and returns the session in one step, so a refresh token works exactly once. */
    Optional<RefreshSession> takeSession(String tokenHash);

    /**
     * The staff accounts (any staff role or administrator; residents and volunteers are not listed),
     * by user id, one bounded page: those whose id begins with {@code idPrefix}, holding {@code role},
     * with a grant over {@code node} (each null: any).
     */
    org.linli.core.Page<UserAccount> staff(String idPrefix, Role role, String node, int limit, String cursor);
}
