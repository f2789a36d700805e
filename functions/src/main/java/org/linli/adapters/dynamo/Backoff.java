package org.linli.adapters.dynamo;

import org.linli.core.StoreUnavailable;

/** Exponential pause between retries of unprocessed batch items, capped. */
public final class Backoff {
    private Backoff() {}

    public static void pause(int attempt, long capMillis) {
        try {
            Thread.sleep(Math.min(capMillis, 10L << Math.min(attempt, 10)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailable("Interrupted while retrying.", e);
        }
    }
}
