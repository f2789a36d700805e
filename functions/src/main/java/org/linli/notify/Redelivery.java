package org.linli.notify;

import java.time.Duration;
import java.util.Map;

/**
 * Brings throttled notification messages back later than the queue's visibility timeout would:
 * each message, named by its receipt handle, comes back after its own delay. Best effort - a
 * failure is logged, not thrown: the message then comes back after the visibility timeout.
 */
public interface Redelivery {
    void delay(Map<String, Duration> byReceiptHandle);
}
