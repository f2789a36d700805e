package org.linli.core;

/** The data store could not be reached or throttled us; the operation may be retried. */
public final class StoreUnavailable extends DomainException {
    public StoreUnavailable(String message, Throwable cause) {
        super("STORE_UNAVAILABLE", message, cause);
    }
}
