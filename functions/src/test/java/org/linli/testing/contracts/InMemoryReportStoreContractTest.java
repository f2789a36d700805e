package org.linli.testing.contracts;

import org.linli.report.ReportStore;
import org.linli.testing.InMemoryCasesTable;

class InMemoryReportStoreContractTest extends ReportStoreContract {
    private final ReportStore store = new InMemoryCasesTable().reportStore;

    @Override
    protected ReportStore store() {
        return store;
    }
}
