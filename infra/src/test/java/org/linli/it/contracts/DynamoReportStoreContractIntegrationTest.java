package org.linli.it.contracts;

import org.linli.adapters.dynamo.cases.DynamoReportStore;
import org.linli.it.LinliCloud;
import org.linli.report.ReportStore;
import org.linli.testing.contracts.ReportStoreContract;

/** The contract InMemoryCasesTable's report store is held to, against the cases table in DynamoDB Local. */
class DynamoReportStoreContractIntegrationTest extends ReportStoreContract {
    private final ReportStore store = new DynamoReportStore(LinliCloud.get().dynamo(), LinliCloud.get().tableName("CasesTable"));

    @Override
    protected ReportStore store() {
        return store;
    }
}
