package org.linli.testing.contracts;

import org.linli.organisations.InMemoryOrganisationStore;
import org.linli.organisations.OrganisationStore;

class InMemoryOrganisationsContractTest extends OrganisationStoreContract {
    private final InMemoryOrganisationStore store = new InMemoryOrganisationStore();

    @Override
    protected OrganisationStore store() {
        return store;
    }
}
