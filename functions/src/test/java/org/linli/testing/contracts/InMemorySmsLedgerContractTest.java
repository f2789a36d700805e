package org.linli.testing.contracts;

import org.linli.notify.SmsLedger;
import org.linli.testing.InMemorySmsLedger;

class InMemorySmsLedgerContractTest extends SmsLedgerContract {
    private final InMemorySmsLedger ledger = new InMemorySmsLedger();

    @Override
    protected SmsLedger ledger() {
        return ledger;
    }
}
