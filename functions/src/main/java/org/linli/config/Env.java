package org.linli.config;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The function's environment: the variables template.yaml sets, and the clock it runs by.
 *
 * <p>On Lambda this is just {@link System#getenv} and the system clock. The local cloud runs every
 * function in one JVM, where the process environment cannot differ per function, so it wraps each
 * handler's construction and invocation in {@link #scoped}, which overlays that function's
 * resolved variables - and the local cloud's clock, which may run at a fixed or offset time - for
 * the current thread. Nothing else should call {@code scoped}.
 */
public final class Env {
    private static final ThreadLocal<Snapshot> OVERLAY = new ThreadLocal<>();
    private static final Snapshot PROCESS = new Snapshot(System.getenv(), Clock.systemUTC());

    private Env() {}

    /**
     * One function's environment. Equal snapshots are the same environment: the wiring builds
     * one set of ports per snapshot (one on Lambda, one per function in the local cloud).
     */
    public record Snapshot(Map<String, String> variables, Clock clock) {
        public Snapshot {
            variables = Map.copyOf(variables);
        }

        /** A variable, or empty when it is unset or blank. Names the overlay lacks are read from the process. */
        public Optional<String> get(String name) {
            String value = variables.containsKey(name) ? variables.get(name) : System.getenv(name);
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
        }

        public String require(String name) {
            return get(name).orElseThrow(() -> new IllegalStateException(
                    "environment variable " + name + " is not set (template.yaml sets it for this function)"));
        }

        public String getOr(String name, String fallback) {
            return get(name).orElse(fallback);
        }
    }

    /** This thread's function environment: the local cloud's overlay, else the process's. */
    public static Snapshot current() {
        Snapshot overlay = OVERLAY.get();
        return overlay != null ? overlay : PROCESS;
    }

    public static Optional<String> get(String name) {
        return current().get(name);
    }

    public static String require(String name) {
        return current().require(name);
    }

    public static String getOr(String name, String fallback) {
        return current().getOr(name, fallback);
    }

    /** Runs {@code body} with {@code variables} visible through {@link #get}, on the system clock. */
    public static <T> T scoped(Map<String, String> variables, Callable<T> body) throws Exception {
        return scoped(variables, Clock.systemUTC(), body);
    }

    /** Runs {@code body} with {@code variables} and {@code clock} as this thread's environment; restores the previous one. */
    public static <T> T scoped(Map<String, String> variables, Clock clock, Callable<T> body) throws Exception {
        Snapshot previous = OVERLAY.get();
        OVERLAY.set(new Snapshot(variables, clock));
        try {
            return body.call();
        } finally {
            if (previous == null) OVERLAY.remove(); else OVERLAY.set(previous);
        }
    }
}
