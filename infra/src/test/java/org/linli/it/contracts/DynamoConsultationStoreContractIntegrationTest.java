package org.linli.it.contracts;

import org.linli.adapters.dynamo.consultations.DynamoConsultationStore;
import org.linli.consultations.ConsultationStore;
import org.linli.it.LinliCloud;
import org.linli.testing.contracts.ConsultationStoreContract;

/** The contract InMemoryConsultationStore is held to, against the cases table in DynamoDB Local. */
class DynamoConsultationStoreContractIntegrationTest extends ConsultationStoreContract {
    private final ConsultationStore store = new DynamoConsultationStore(LinliCloud.get().dynamo(), LinliCloud.get().tableName("CasesTable"));

    @Override
    protected ConsultationStore store() {
        return store;
    }
}
