package org.linli.adapters.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import org.linli.json.Json;

/** Reading queue messages: a JSON object of a known {@code type} at version {@code v} 1, with required fields. */
final class Messages {
    private Messages() {}

    /** The message as JSON; IllegalArgumentException when it is not JSON or not a v1 message of {@code type}. */
    static JsonNode parse(String body, String type) {
        JsonNode n;
        try {
            n = Json.parse(body);
        } catch (Json.MalformedJson e) {
            throw new IllegalArgumentException("not JSON");
        }
        if (!type.equals(n.path("type").asText()) || n.path("v").asInt() != 1) {
            throw new IllegalArgumentException("not a " + type + " v1 message");
        }
        return n;
    }

    static String required(JsonNode n, String field) {
        String v = n.path(field).asText("");
        if (v.isEmpty()) throw new IllegalArgumentException("missing " + field);
        return v;
    }

    static String optional(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }

    /** A JSON object of strings as a map (absent: empty). */
    static java.util.Map<String, String> strings(JsonNode object) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        object.fields().forEachRemaining(f -> out.put(f.getKey(), f.getValue().asText()));
        return out;
    }
}
