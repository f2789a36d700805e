package org.linli.it.contracts;

import org.linli.adapters.dynamo.notifications.DynamoSmsLedger;
import org.linli.it.LinliCloud;
import org.linli.notify.SmsLedger;
import org.linli.testing.contracts.SmsLedgerContract;

/** The contract InMemorySmsLedger is held to, against the notifications table in DynamoDB Local. */
class DynamoSmsLedgerContractIntegrationTest extends SmsLedgerContract {
    private final SmsLedger ledger = new DynamoSmsLedger(LinliCloud.get().dynamo(), LinliCloud.get().tableName("NotificationsTable"));

    @Override
    protected SmsLedger ledger() {
        return ledger;
    }
}
