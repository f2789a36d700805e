package org.linli.http;

/** One route of a function: its API Gateway route key, who may call it, and what it does. */
public record Route(String key, Access access, Action action, int maxBodyBytes) {
    public static final int DEFAULT_MAX_BODY = 64 * 1024;

    public static Route of(String key, Access access, Action action) {
        return new Route(key, access, action, DEFAULT_MAX_BODY);
    }

    public String method() {
        return key.substring(0, key.indexOf(' '));
    }

    public boolean takesBody() {
        String m = method();
        return m.equals("POST") || m.equals("PUT") || m.equals("PATCH");
    }

    /** The route's work. */
    @FunctionalInterface
    public interface Action {
        ApiResponse handle(ApiRequest request);
    }
}
