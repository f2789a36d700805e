package org.linli.it.contracts;

import org.linli.adapters.dynamo.organisations.DynamoOrganisationStore;
import org.linli.it.LinliCloud;
import org.linli.organisations.OrganisationStore;
import org.linli.testing.contracts.OrganisationStoreContract;

/** The contract InMemoryOrganisationStore is held to, against the volunteer table in DynamoDB Local. */
class DynamoOrganisationStoreContractIntegrationTest extends OrganisationStoreContract {
    private final OrganisationStore store = new DynamoOrganisationStore(LinliCloud.get().dynamo(), LinliCloud.get().tableName("VolunteerTable"));

    @Override
    protected OrganisationStore store() {
        return store;
    }
}
