package org.linli.testing.contracts;

import java.util.ArrayList;
import org.linli.testing.InMemoryMembers;
import org.linli.testing.InMemoryPoints;
import org.linli.volunteer.membership.MemberStore;
import org.linli.volunteer.points.PointsStore;

class InMemoryPointsContractTest extends PointsStoreContract {
    private final InMemoryMembers members = new InMemoryMembers();
    private final InMemoryPoints store = new InMemoryPoints(new ArrayList<>(), members);

    @Override
    protected PointsStore store() {
        return store;
    }

    @Override
    protected MemberStore members() {
        return members;
    }
}
