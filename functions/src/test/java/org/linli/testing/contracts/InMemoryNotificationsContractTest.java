package org.linli.testing.contracts;

import org.linli.notify.NotificationStore;
import org.linli.testing.InMemoryNotifications;

class InMemoryNotificationsContractTest extends NotificationStoreContract {
    private final InMemoryNotifications store = new InMemoryNotifications();

    @Override
    protected NotificationStore store() {
        return store;
    }
}
