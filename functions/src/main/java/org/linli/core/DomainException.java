package org.linli.core;

/**
 * A named outcome the domain reports instead of a result. Each subclass carries a stable
 * machine-readable {@link #code()}; the HTTP edge alone decides the status code.
 */
public abstract sealed class DomainException extends RuntimeException
        permits ValidationFailed, NotFound, Conflict, Forbidden, Unauthenticated, StoreUnavailable,
                QueueUnavailable, ExternalServiceFailed, TooManyRequests {
    private final String code;

    protected DomainException(String code, String message) {
        super(message, null, false, false); // no stack trace: these are expected outcomes
        this.code = code;
    }

    protected DomainException(String code, String message, Throwable cause) {
        super(message, cause, false, true);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
