package org.linli.it.contracts;

import org.linli.adapters.dynamo.kpi.DynamoKpiStore;
import org.linli.it.LinliCloud;
import org.linli.kpi.KpiStore;
import org.linli.testing.contracts.KpiStoreContract;

/** The contract InMemoryKpiStore is held to, against the KPI table (its hot units sharded) in DynamoDB Local. */
class DynamoKpiStoreContractIntegrationTest extends KpiStoreContract {
    private final KpiStore store = new DynamoKpiStore(LinliCloud.get().dynamo(), LinliCloud.get().tableName("KpiTable"));

    @Override
    protected KpiStore store() {
        return store;
    }
}
