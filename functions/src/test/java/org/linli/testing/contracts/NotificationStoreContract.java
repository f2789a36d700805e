package org.linli.testing.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.linli.notify.Notification;
import org.linli.notify.NotificationStore;
import org.linli.notify.NotificationStore.Claimed;
import org.linli.notify.NotificationStore.InFlight;
import org.linli.notify.NotificationStore.Settled;
import org.linli.notify.PushStatus;

/**
 * What every {@link NotificationStore} does, written once: run against InMemoryNotifications and
 * against DynamoDB Local. Each test has a user of its own (the table is shared).
 */
public abstract class NotificationStoreContract {
    protected abstract NotificationStore store();

    private static final Instant AT = Instant.parse("2026-11-18T02:00:00Z");
    private final String user = "usr_" + UUID.randomUUID().toString().substring(0, 8);

    private Notification note(int n) {
        // ids sort by time, as the consumers make them
        return new Notification(String.format("ntf_%04d", n), user, "CASE_ASSIGNED", "title " + n, "cas_" + n, "sanitation",
                "ASSIGNED", "evt_" + n, AT.plusSeconds(n), null);
    }

    @Test
    void aNotificationIsStoredOnce() {
        assertTrue(store().add(note(1)));
        assertFalse(store().add(note(1)), "a redelivered event stores nothing new");
        assertEquals(List.of(note(1)), store().of(user, 10, null).items());
    }

    @Test
    void theInboxPagesNewestFirstAndVisitsEachOnce() {
        for (int i = 1; i <= 5; i++) store().add(note(i));
        List<String> seen = Paging.all(2, cursor -> store().of(user, 2, cursor)).stream().map(Notification::id).toList();
        assertEquals(List.of("ntf_0005", "ntf_0004", "ntf_0003", "ntf_0002", "ntf_0001"), seen);
        assertEquals(List.of(), store().of("usr_nobody-" + user, 10, null).items());
    }

    @Test
    void aNotificationIsMarkedReadOnceAndOnlyForItsUser() {
        store().add(note(1));
        assertFalse(store().markRead(user, "ntf_9999", AT), "no such notification");
        assertFalse(store().markRead("usr_other-" + user, note(1).id(), AT), "another user's");
        assertTrue(store().markRead(user, note(1).id(), AT.plusSeconds(60)));
        assertTrue(store().markRead(user, note(1).id(), AT.plusSeconds(120)));
        assertEquals(AT.plusSeconds(60), store().of(user, 1, null).items().get(0).readAt(), "the first reading stays");
    }

    @Test
    void aPushIsClaimedByOneDeliveryAtATimeAndSettledOnce() {
        Notification n = note(1);
        Duration lease = Duration.ofSeconds(30);
        assertEquals(new Claimed(1), store().claimPush(n, AT, lease));
        assertEquals(List.of(n), store().of(user, 10, null).items(), "claiming stores the notification too");
        assertEquals(new InFlight(AT.plus(lease)), store().claimPush(n, AT.plusSeconds(10), lease));
        assertEquals(new Claimed(2), store().claimPush(n, AT.plusSeconds(31), lease), "a lapsed lease: the delivery died");
        store().settlePush(n, PushStatus.SENT, null, AT.plusSeconds(32));
        assertEquals(new Settled(PushStatus.SENT), store().claimPush(n, AT.plusSeconds(40), lease));
        store().settlePush(n, PushStatus.FAILED, "late", AT.plusSeconds(41));
        assertEquals(new Settled(PushStatus.SENT), store().claimPush(n, AT.plusSeconds(50), lease), "settled once");
    }
}
