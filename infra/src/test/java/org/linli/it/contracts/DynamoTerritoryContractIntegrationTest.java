package org.linli.it.contracts;

import org.linli.adapters.dynamo.territory.DynamoTerritoryDirectory;
import org.linli.adapters.dynamo.territory.DynamoTerritoryRepository;
import org.linli.it.LinliCloud;
import org.linli.territory.TerritoryRegistry;
import org.linli.territory.TerritoryRepository;
import org.linli.testing.contracts.TerritoryStoreContract;

/** The contract InMemoryTerritory is held to, against the territory table in DynamoDB Local. */
class DynamoTerritoryContractIntegrationTest extends TerritoryStoreContract {
    private final String table = LinliCloud.get().tableName("TerritoryTable");
    private final TerritoryRegistry registry = new DynamoTerritoryDirectory(LinliCloud.get().dynamo(), table, LinliCloud.CLOCK);
    private final TerritoryRepository repository = new DynamoTerritoryRepository(LinliCloud.get().dynamo(), table, LinliCloud.CLOCK);

    @Override
    protected TerritoryRegistry registry() {
        return registry;
    }

    @Override
    protected TerritoryRepository repository() {
        return repository;
    }
}
