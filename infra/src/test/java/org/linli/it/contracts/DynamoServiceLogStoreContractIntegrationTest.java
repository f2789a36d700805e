package org.linli.it.contracts;

import org.linli.adapters.dynamo.volunteer.DynamoMemberStore;
import org.linli.adapters.dynamo.volunteer.DynamoPointsStore;
import org.linli.adapters.dynamo.volunteer.DynamoServiceLogStore;
import org.linli.it.LinliCloud;
import org.linli.testing.contracts.ServiceLogStoreContract;
import org.linli.volunteer.membership.MemberStore;
import org.linli.volunteer.points.PointsStore;
import org.linli.volunteer.servicelog.ServiceLogStore;

/** The contract InMemoryServiceLogs is held to, against the volunteer table in DynamoDB Local. */
class DynamoServiceLogStoreContractIntegrationTest extends ServiceLogStoreContract {
    private final String table = LinliCloud.get().tableName("VolunteerTable");
    private final ServiceLogStore store = new DynamoServiceLogStore(LinliCloud.get().dynamo(), table);
    private final MemberStore members = new DynamoMemberStore(LinliCloud.get().dynamo(), table);
    private final PointsStore points = new DynamoPointsStore(LinliCloud.get().dynamo(), table);

    @Override
    protected ServiceLogStore store() {
        return store;
    }

    @Override
    protected MemberStore members() {
        return members;
    }

    @Override
    protected PointsStore points() {
        return points;
    }
}
