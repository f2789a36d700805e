package org.linli.core;

/** The caller is known but his role or territory does not allow this. */
public final class Forbidden extends DomainException {
    public Forbidden(String message) {
        super("FORBIDDEN", message);
    }
}
