package org.linli.identity;

import java.util.Optional;

/** Persistence of users and refresh sessions. */
public interface UserStore {
    Optional<UserAccount> find(String userId);

    /** Creates the user unless the id exists; returns whichever account is stored afterwards. */
    UserAccount createIfAbsent(UserAccount user);

    /** Creates or replaces an account (administration: promotion, scope changes, demo seeding). */
    void save(UserAccount user);

    void saveSession(RefreshSession session);

    /** Removes and returns the session in one step, so a refresh token works exactly once. */
    Optional<RefreshSession> takeSession(String tokenHash);
}
