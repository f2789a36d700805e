package org.linli.testing.contracts;

import java.util.ArrayList;
import java.util.List;
import org.linli.testing.InMemoryMembers;
import org.linli.testing.InMemoryPoints;
import org.linli.testing.InMemoryServiceLogs;
import org.linli.volunteer.membership.MemberStore;
import org.linli.volunteer.points.PointsAward;
import org.linli.volunteer.points.PointsStore;
import org.linli.volunteer.servicelog.ServiceLogStore;

class InMemoryServiceLogsContractTest extends ServiceLogStoreContract {
    private final InMemoryMembers members = new InMemoryMembers();
    private final List<PointsAward> ledger = new ArrayList<>();
    private final InMemoryPoints points = new InMemoryPoints(ledger, members);
    private final InMemoryServiceLogs store = new InMemoryServiceLogs(ledger, members);

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
