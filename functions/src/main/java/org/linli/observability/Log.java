package org.linli.observability;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.linli.json.Json;

/**
 * {@code Log.info("report.received", "reportId", id, "category", c)} writes one JSON object on one
 * line of stdout: {@code {"timestamp":"2026-12-03T01:00:00.123Z","level":"INFO",
 * "message":"report.received","reportId":"rpt_…","category":"noise"}}. Keys are fixed strings
 * chosen at the call site, values identifiers, codes and counts: there is deliberately no way to
 * log an object or a request body.
 *
 * <p>Why stdout and not the runtime's LambdaLogger: under the template's {@code LoggingConfig:
 * LogFormat: JSON} the Java runtime wraps whatever LambdaLogger is given as a string in its own
 * object ({@code {"timestamp","level","message":"<our text>","AWSRequestId"}}), so CloudWatch
 * Logs Insights would see one opaque {@code message}. A JSON object written to stdout is taken as
 * it is (Lambda does not encode JSON twice), its top-level fields are discovered by Logs Insights
 * ({@code filter message = "case.action" | stats count() by action}), and Lambda applies the
 * function's {@code ApplicationLogLevel} to it by its {@code level} key. No Lambda type is needed,
 * so the domain can log without knowing it runs on Lambda.
 */
public final class Log {
    /** Keys this facade writes itself; a caller's key of the same name is written with a trailing '_'. */
    private static final Set<String> RESERVED = Set.of("timestamp", "level", "message", "exception", "stack");

    private Log() {}

    public static void info(String event, Object... keyValues) {
        write("INFO", event, keyValues, null);
    }

    public static void warn(String event, Object... keyValues) {
        write("WARN", event, keyValues, null);
    }

    public static void error(String event, Throwable t, Object... keyValues) {
        write("ERROR", event, keyValues, t);
    }

    /** The line {@link #info} and friends print, for tests. */
    static String line(String level, String event, Object[] kv, Throwable t, Instant at) {
        ObjectNode o = Json.object();
        o.put("timestamp", at.truncatedTo(ChronoUnit.MILLIS).toString());
        o.put("level", level);
        o.put("message", event);
        for (int i = 0; i + 1 < kv.length; i += 2) {
            String key = String.valueOf(kv[i]);
            put(o, RESERVED.contains(key) ? key + "_" : key, kv[i + 1]);
        }
        if (t != null) {
            // Class and stack only: exception messages from libraries may quote input.
            o.put("exception", t.getClass().getName());
            ArrayNode stack = o.putArray("stack");
            for (StackTraceElement e : t.getStackTrace()) stack.add(e.toString());
        }
        return Json.write(o);
    }

    private static void put(ObjectNode o, String key, Object value) {
        if (value == null) o.putNull(key);
        else if (value instanceof Integer || value instanceof Long || value instanceof Short) o.put(key, ((Number) value).longValue());
        else if (value instanceof Number n) o.put(key, n.doubleValue());
        else if (value instanceof Boolean b) o.put(key, b);
        else o.put(key, value.toString());
    }

    private static void write(String level, String event, Object[] kv, Throwable t) {
        System.out.println(line(level, event, kv, t, Instant.now()));
    }
}
