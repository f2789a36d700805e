package org.linli.testing.contracts;

import org.linli.identity.UserStore;
import org.linli.testing.InMemoryUsers;

class InMemoryUsersContractTest extends UserStoreContract {
    private final InMemoryUsers store = new InMemoryUsers();

    @Override
    protected UserStore store() {
        return store;
    }
}
