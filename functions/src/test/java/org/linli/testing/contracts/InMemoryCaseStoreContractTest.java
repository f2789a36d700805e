package org.linli.testing.contracts;

import org.linli.cases.CaseStore;
import org.linli.report.ReportStore;
import org.linli.testing.InMemoryCasesTable;

class InMemoryCaseStoreContractTest extends CaseStoreContract {
    private final InMemoryCasesTable table = new InMemoryCasesTable();

    @Override
    protected CaseStore store() {
        return table.caseStore;
    }

    @Override
    protected ReportStore reports() {
        return table.reportStore;
    }
}
