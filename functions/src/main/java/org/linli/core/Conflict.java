package org.linli.core;

import java.util.Map;

/** The request is valid but clashes with the current state (a reused idempotency key, a stale version...). */
public final class Conflict extends DomainException {
    private final Map<String, Object> details;

    public Conflict(String code, String message) {
        this(code, message, Map.of());
    }

    public Conflict(String code, String message, Map<String, Object> details) {
        super(code, message);
        this.details = Map.copyOf(details);
    }

    /** Extra machine-readable facts for the caller, e.g. the current state and the allowed actions. */
    public Map<String, Object> details() {
        return details;
    }
}
