package org.linli.local.lambda;

import java.io.PrintStream;

/** The local cloud's own log lines: one line each, prefixed {@code [local]}, on stdout. */
public final class LocalLog {
    private static volatile boolean quiet = Boolean.getBoolean("linli.local.quiet");

    private LocalLog() {}

    /** Quiet drops info lines (per-request logs); warnings and errors always print. */
    public static void setQuiet(boolean value) {
        quiet = value;
    }

    public static void info(String message) {
        if (!quiet) print(System.out, "[local] " + message);
    }

    public static void warn(String message) {
        print(System.out, "[local] WARN " + message);
    }

    public static void error(String message) {
        print(System.err, "[local] ERROR " + message);
    }

    private static void print(PrintStream stream, String line) {
        stream.println(line);
        stream.flush();
    }
}
