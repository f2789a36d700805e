package org.linli.it.contracts;

import org.linli.adapters.dynamo.users.DynamoUserStore;
import org.linli.identity.UserStore;
import org.linli.it.LinliCloud;
import org.linli.testing.contracts.UserStoreContract;

/** The contract InMemoryUsers is held to, against the users table in DynamoDB Local. */
class DynamoUserStoreContractIntegrationTest extends UserStoreContract {
    private final UserStore store = new DynamoUserStore(LinliCloud.get().dynamo(), LinliCloud.get().tableName("UsersTable"));

    @Override
    protected UserStore store() {
        return store;
    }
}
