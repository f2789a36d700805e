package org.linli.http;

/**
 * One route of a function: its API Gateway route key, who may call it, what it does, and what
 * body it takes: JSON for POST/PUT/PATCH ({@link #of}), or an HTML form
 * ({@code application/x-www-form-urlencoded}, {@link #form}) for standards that post forms (Open311).
 */
public record Route(String key, Access access, Action action, int maxBodyBytes, Body body, boolean personalData, boolean accountExempt) {
    public static final int DEFAULT_MAX_BODY = 64 * 1024;

    public enum Body { NONE, JSON, FORM }

    public static Route of(String key, Access access, Action action) {
        String method = key.substring(0, key.indexOf(' '));
        boolean writes = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
        return new Route(key, access, action, DEFAULT_MAX_BODY, writes ? Body.JSON : Body.NONE, false, false);
    }

    public static Route form(String key, Access access, Action action) {
        return new Route(key, access, action, DEFAULT_MAX_BODY, Body.FORM, false, false);
    }

    /** The same route with another body limit (import parts are larger than ordinary JSON bodies). */
    public Route withMaxBody(int bytes) {
        return new Route(key, access, action, bytes, body, personalData, accountExempt);
    }

    /**
     * A read that shows personal data whole (a contact, a volunteer's phone): like a write, it is
     * refused on the next request once the caller's role is revoked or his account disabled.
     */
    public Route personal() {
        return new Route(key, access, action, maxBodyBytes, body, true, accountExempt);
    }

    /**
     * A write the account check does not stop: erasing one's own account (DELETE /me) is a right
     * a disabled account keeps, and asking again after the erasure answers the record.
     */
    public Route withoutAccountCheck() {
        return new Route(key, access, action, maxBodyBytes, body, personalData, true);
    }

    /** Writes and reads of personal data check the caller's account first (identity.AccountCheck). */
    public boolean checksAccount() {
        return !accountExempt && (personalData || writes());
    }

    /** Anything but GET, HEAD and OPTIONS. */
    public boolean writes() {
        String m = method();
        return !(m.equals("GET") || m.equals("HEAD") || m.equals("OPTIONS"));
    }

    public String method() {
        return key.substring(0, key.indexOf(' '));
    }

    public boolean takesBody() {
        return body == Body.JSON;
    }

    /** The route's work. */
    @FunctionalInterface
    public interface Action {
        ApiResponse handle(ApiRequest request);
    }
}
