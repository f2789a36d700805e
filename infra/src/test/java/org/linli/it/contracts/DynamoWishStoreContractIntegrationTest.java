package org.linli.it.contracts;

import org.linli.adapters.dynamo.volunteer.DynamoWishStore;
import org.linli.it.LinliCloud;
import org.linli.testing.contracts.WishStoreContract;
import org.linli.volunteer.wishes.WishStore;

/** The contract InMemoryWishes is held to, against the volunteer table in DynamoDB Local. */
class DynamoWishStoreContractIntegrationTest extends WishStoreContract {
    private final WishStore store = new DynamoWishStore(LinliCloud.get().dynamo(), LinliCloud.get().tableName("VolunteerTable"));

    @Override
    protected WishStore store() {
        return store;
    }
}
