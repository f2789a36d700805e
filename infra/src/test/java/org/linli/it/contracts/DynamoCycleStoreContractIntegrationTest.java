package org.linli.it.contracts;

import org.linli.adapters.dynamo.cycle.DynamoCycleStore;
import org.linli.cycle.CycleStore;
import org.linli.it.LinliCloud;
import org.linli.testing.contracts.CycleStoreContract;

/** The contract InMemoryCycleStore is held to, against the cycle table in DynamoDB Local. */
class DynamoCycleStoreContractIntegrationTest extends CycleStoreContract {
    private final CycleStore store = new DynamoCycleStore(LinliCloud.get().dynamo(), LinliCloud.get().tableName("CycleTable"));

    @Override
    protected CycleStore store() {
        return store;
    }
}
