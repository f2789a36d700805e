package org.linli.testing.contracts;

import org.linli.consultations.ConsultationStore;
import org.linli.consultations.InMemoryConsultationStore;

class InMemoryConsultationsContractTest extends ConsultationStoreContract {
    private final InMemoryConsultationStore store = new InMemoryConsultationStore();

    @Override
    protected ConsultationStore store() {
        return store;
    }
}
