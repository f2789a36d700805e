package org.linli.notify;

import java.util.List;

/**
 * Where notifications go to be delivered (inbox and WeChat): the notification queue. Producers -
 * the case events consumer, the cycle dispatch - decide who hears what; delivery is one path.
 */
public interface Outbox {
    /** Sends every notification (SendMessageBatch, ten per call); QueueUnavailable when any could not be sent. */
    void send(List<Notification> notifications);
}
