package org.linli.testing.contracts;

import org.linli.testing.InMemoryMembers;
import org.linli.volunteer.membership.MemberStore;

class InMemoryMembersContractTest extends MemberStoreContract {
    private final InMemoryMembers store = new InMemoryMembers();

    @Override
    protected MemberStore store() {
        return store;
    }
}
