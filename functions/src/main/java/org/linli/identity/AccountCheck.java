package org.linli.identity;

import org.linli.core.Forbidden;

/**
 * The check that makes a revocation or a disabled account count on the next request: an access
 * token lives 30 minutes and the authorizer's answer is cached for five, so the grants a token
 * carries may be older than the account's. Before a write, or a read of personal data, the
 * account is read once (a consistent read of the profile item) and the token's grants must all
 * still be held; a grant added since does no harm (it reaches the token at the next refresh).
 * Ordinary reads are not checked: they stay one call, and a token's grants expire with it.
 */
public final class AccountCheck {
    private final UserStore users;

    public AccountCheck(UserStore users) {
        this.users = users;
    }

    /** @throws Forbidden ACCOUNT_DISABLED or GRANTS_REVOKED when the caller may no longer act as his token says */
    public void confirm(Principal caller) {
        if (caller == null) return; // routes without a user (public, Open311 api keys)
        UserAccount account = users.find(caller.userId()).orElse(null);
        if (account == null || !account.active()) {
            throw new Forbidden("ACCOUNT_DISABLED", "This account is disabled; sign in again or ask an administrator.");
        }
        if (!account.grants().containsAll(caller.grants())) {
            throw new Forbidden("GRANTS_REVOKED", "A role in your access token has been revoked; refresh the token.");
        }
    }
}
