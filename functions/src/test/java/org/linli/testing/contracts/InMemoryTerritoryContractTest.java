package org.linli.testing.contracts;

import org.linli.testing.InMemoryTerritory;
import org.linli.territory.TerritoryRegistry;
import org.linli.territory.TerritoryRepository;

class InMemoryTerritoryContractTest extends TerritoryStoreContract {
    private final InMemoryTerritory store = new InMemoryTerritory();

    @Override
    protected TerritoryRegistry registry() {
        return store;
    }

    @Override
    protected TerritoryRepository repository() {
        return store;
    }
}
