package org.linli.it.contracts;

import org.linli.adapters.dynamo.cases.DynamoCaseStore;
import org.linli.adapters.dynamo.cases.DynamoReportStore;
import org.linli.cases.CaseStore;
import org.linli.it.LinliCloud;
import org.linli.report.ReportStore;
import org.linli.testing.contracts.CaseStoreContract;

/** The contract InMemoryCasesTable's case store is held to, against the cases table in DynamoDB Local. */
class DynamoCaseStoreContractIntegrationTest extends CaseStoreContract {
    private final CaseStore store = new DynamoCaseStore(LinliCloud.get().dynamo(), LinliCloud.get().tableName("CasesTable"));
    private final ReportStore reports = new DynamoReportStore(LinliCloud.get().dynamo(), LinliCloud.get().tableName("CasesTable"));

    @Override
    protected CaseStore store() {
        return store;
    }

    @Override
    protected ReportStore reports() {
        return reports;
    }
}
