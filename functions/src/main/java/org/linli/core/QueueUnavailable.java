package org.linli.core;

/** A message could not be handed to its queue; the operation may be retried. */
public final class QueueUnavailable extends DomainException {
    public QueueUnavailable(String message, Throwable cause) {
        super("QUEUE_UNAVAILABLE", message, cause);
    }
}
