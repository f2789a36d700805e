package org.linli.it.contracts;

import org.linli.adapters.dynamo.notifications.DynamoNotificationStore;
import org.linli.it.LinliCloud;
import org.linli.notify.NotificationStore;
import org.linli.testing.contracts.NotificationStoreContract;

/** The contract InMemoryNotifications is held to, against the notifications table in DynamoDB Local. */
class DynamoNotificationStoreContractIntegrationTest extends NotificationStoreContract {
    private final NotificationStore store = new DynamoNotificationStore(LinliCloud.get().dynamo(),
            LinliCloud.get().tableName("NotificationsTable"));

    @Override
    protected NotificationStore store() {
        return store;
    }
}
