package org.linli.it.contracts;

import org.linli.adapters.dynamo.volunteer.DynamoMemberStore;
import org.linli.it.LinliCloud;
import org.linli.testing.contracts.MemberStoreContract;
import org.linli.volunteer.membership.MemberStore;

/** The contract InMemoryMembers is held to, against the volunteer table in DynamoDB Local. */
class DynamoMemberStoreContractIntegrationTest extends MemberStoreContract {
    private final MemberStore store = new DynamoMemberStore(LinliCloud.get().dynamo(), LinliCloud.get().tableName("VolunteerTable"));

    @Override
    protected MemberStore store() {
        return store;
    }
}
