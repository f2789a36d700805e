package org.linli.hotline;

/**
 * The queue of status reports waiting to go to the 12345 platform: in order per work order (a
 * FIFO queue grouped by order number), each report once however often it is put in (deduplicated
 * by its id). Adapters throw QueueUnavailable.
 */
public interface HotlineOutbox {
    void put(StatusReport report);
}
