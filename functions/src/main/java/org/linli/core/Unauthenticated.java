package org.linli.core;

/** No valid identity: missing, forged, expired or edited token, or a rejected login code. */
public final class Unauthenticated extends DomainException {
    public Unauthenticated(String code, String message) {
        super(code, message);
    }
}
