package org.linli.adapters.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import org.linli.json.Json;

/** The envelope every message shares: JSON with a {@code type} and a version {@code v}. */
final class Messages {
    private Messages() {}

    /** The message as JSON; IllegalArgumentException unless it is a v1 message of {@code type}. */
    static JsonNode open(String body, String type) {
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
}
