package org.linli.core;

import java.time.Duration;

/** A rate limit was hit; {@link #retryAfter()} says when trying again makes sense. */
public final class TooManyRequests extends DomainException {
    private final Duration retryAfter;

    public TooManyRequests(String message, Duration retryAfter) {
        super("TOO_MANY_REQUESTS", message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
