package org.linli.core;

/** The thing asked for does not exist - or the caller may not know that it does. */
public final class NotFound extends DomainException {
    public NotFound(String what, String id) {
        super("NOT_FOUND", what + " " + id + " was not found.");
    }

    public NotFound(String message) {
        super("NOT_FOUND", message);
    }
}
