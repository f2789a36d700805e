package org.linli.core;

/** The caller is known but his role or territory does not allow this. */
public final class Forbidden extends DomainException {
    public Forbidden(String message) {
        super("FORBIDDEN", message);
    }

    /** A refusal with its own code (ACCOUNT_DISABLED, GRANTS_REVOKED) so that a client can tell the caller why. */
    public Forbidden(String code, String message) {
        super(code, message);
    }
}
