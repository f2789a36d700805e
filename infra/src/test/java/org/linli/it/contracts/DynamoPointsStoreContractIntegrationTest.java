package org.linli.it.contracts;

import org.linli.adapters.dynamo.volunteer.DynamoMemberStore;
import org.linli.adapters.dynamo.volunteer.DynamoPointsStore;
import org.linli.it.LinliCloud;
import org.linli.testing.contracts.PointsStoreContract;
import org.linli.volunteer.membership.MemberStore;
import org.linli.volunteer.points.PointsStore;

/** The contract InMemoryPoints is held to, against the volunteer table in DynamoDB Local. */
class DynamoPointsStoreContractIntegrationTest extends PointsStoreContract {
    private final String table = LinliCloud.get().tableName("VolunteerTable");
    private final PointsStore store = new DynamoPointsStore(LinliCloud.get().dynamo(), table);
    private final MemberStore members = new DynamoMemberStore(LinliCloud.get().dynamo(), table);

    @Override
    protected PointsStore store() {
        return store;
    }

    @Override
    protected MemberStore members() {
        return members;
    }
}
