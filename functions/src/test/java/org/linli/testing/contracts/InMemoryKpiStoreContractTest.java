package org.linli.testing.contracts;

import org.linli.kpi.KpiStore;
import org.linli.testing.InMemoryKpiStore;

class InMemoryKpiStoreContractTest extends KpiStoreContract {
    private final InMemoryKpiStore store = new InMemoryKpiStore();

    @Override
    protected KpiStore store() {
        return store;
    }
}
