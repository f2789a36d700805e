package org.linli.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * Reading a configuration file of the jar ({@code /config/*.json}): required fields with a clear
 * message naming the file and the field. A malformed file fails the function's start (an
 * IllegalStateException from its constructor), never a request.
 */
public final class ConfigFields {
    private final String file;

    public ConfigFields(String file) {
        this.file = file;
    }

    /** The resource's text; IllegalStateException when the jar lacks it. */
    public static String resource(String path) {
        try (InputStream in = ConfigFields.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException(path + " is missing from the jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }

    public JsonNode need(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) throw fail(field + " is missing");
        return v;
    }

    public String text(JsonNode n, String field) {
        JsonNode v = need(n, field);
        if (!v.isTextual() || v.textValue().isBlank()) throw fail(field + " must be text");
        return v.textValue();
    }

    public int integer(JsonNode n, String field) {
        JsonNode v = need(n, field);
        if (!v.canConvertToInt() || !v.isIntegralNumber()) throw fail(field + " must be a whole number");
        return v.intValue();
    }

    public int integer(JsonNode n, String field, int fallback) {
        return n.hasNonNull(field) ? integer(n, field) : fallback;
    }

    public Duration duration(JsonNode n, String field) {
        String s = text(n, field);
        try {
            return Duration.parse(s);
        } catch (DateTimeParseException e) {
            throw fail(field + " must be an ISO-8601 duration (PT1H, P3D), not " + s);
        }
    }

    public IllegalStateException fail(String message) {
        return new IllegalStateException(file + ": " + message);
    }
}
