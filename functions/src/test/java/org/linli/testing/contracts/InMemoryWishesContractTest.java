package org.linli.testing.contracts;

import org.linli.testing.InMemoryMembers;
import org.linli.testing.InMemoryWishes;
import org.linli.volunteer.wishes.WishStore;

class InMemoryWishesContractTest extends WishStoreContract {
    private final InMemoryWishes store = new InMemoryWishes(new InMemoryMembers());

    @Override
    protected WishStore store() {
        return store;
    }
}
