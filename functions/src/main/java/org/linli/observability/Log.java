package org.linli.observability;

import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;

/**
 * {@code Log.info("report.received", "reportId", id, "category", c)} writes
 * {@code report.received reportId=... category=...}. Keys are fixed strings chosen at the call
 * site, values identifiers: there is deliberately no way to log an object or a request body.
 */
public final class Log {
    /** Outside Lambda (local cloud, tests) there is no runtime logger worth using: plain lines. */
    private static final boolean IN_LAMBDA = System.getenv("AWS_LAMBDA_RUNTIME_API") != null;

    private Log() {}

    public static void info(String event, Object... keyValues) {
        write(LogLevel.INFO, event, keyValues, null);
    }

    public static void warn(String event, Object... keyValues) {
        write(LogLevel.WARN, event, keyValues, null);
    }

    public static void error(String event, Throwable t, Object... keyValues) {
        write(LogLevel.ERROR, event, keyValues, t);
    }

    private static void write(LogLevel level, String event, Object[] kv, Throwable t) {
        StringBuilder s = new StringBuilder(event);
        for (int i = 0; i + 1 < kv.length; i += 2) {
            s.append(' ').append(kv[i]).append('=').append(kv[i + 1]);
        }
        if (t != null) {
            // Class and stack only: exception messages from libraries may quote input.
            s.append(" exception=").append(t.getClass().getName());
            for (StackTraceElement e : t.getStackTrace()) {
                s.append("\n\tat ").append(e);
            }
        }
        if (IN_LAMBDA) LambdaRuntime.getLogger().log(s.toString(), level);
        else System.out.println(level + " " + s);
    }
}
