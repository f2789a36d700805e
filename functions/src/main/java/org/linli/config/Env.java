package org.linli.config;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The function's configuration, read from environment variables set by template.yaml.
 *
 * <p>On Lambda this is just {@link System#getenv}. The local cloud runs every function in one JVM,
 * where the process environment cannot differ per function, so it wraps each handler's
 * construction and invocation in {@link #scoped}, which overlays that function's resolved
 * variables for the current thread. Nothing else should call {@code scoped}.
 */
public final class Env {
    private static final ThreadLocal<Map<String, String>> OVERLAY = new ThreadLocal<>();

    private Env() {}

    public static Optional<String> get(String name) {
        Map<String, String> overlay = OVERLAY.get();
        String value = overlay != null && overlay.containsKey(name) ? overlay.get(name) : System.getenv(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    public static String require(String name) {
        return get(name).orElseThrow(() -> new IllegalStateException(
                "environment variable " + name + " is not set (template.yaml sets it for this function)"));
    }

    public static String getOr(String name, String fallback) {
        return get(name).orElse(fallback);
    }

    /** Runs {@code body} with {@code variables} visible through {@link #get}; restores the previous overlay. */
    public static <T> T scoped(Map<String, String> variables, Callable<T> body) throws Exception {
        Map<String, String> previous = OVERLAY.get();
        OVERLAY.set(Map.copyOf(variables));
        try {
            return body.call();
        } finally {
            if (previous == null) OVERLAY.remove(); else OVERLAY.set(previous);
        }
    }
}
