package org.linli.testing.contracts;

import org.linli.cycle.CycleStore;
import org.linli.testing.InMemoryCycleStore;

class InMemoryCycleStoreContractTest extends CycleStoreContract {
    private final InMemoryCycleStore store = new InMemoryCycleStore();

    @Override
    protected CycleStore store() {
        return store;
    }
}
