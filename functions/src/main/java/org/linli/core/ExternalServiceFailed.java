package org.linli.core;

/** A third party (WeChat) failed in a way the caller cannot fix by changing his request. */
public final class ExternalServiceFailed extends DomainException {
    public ExternalServiceFailed(String code, String message) {
        super(code, message);
    }
}
