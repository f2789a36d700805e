package org.linli.http;

/** A problem with the HTTP request itself (not the domain): unsupported media type, too large, wrong method. */
public final class HttpProblem extends RuntimeException {
    private final int status;
    private final String code;

    public HttpProblem(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
