package org.linli.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The one configured ObjectMapper of the process. Parsing is strict: duplicate keys, trailing
 * tokens, deep nesting and oversized numbers or strings are refused (hostile input).
 */
public final class Json {
    public static final int MAX_DEPTH = 32;
    private static final ObjectMapper MAPPER = build();

    private Json() {}

    private static ObjectMapper build() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH)
                        .maxNumberLength(40)
                        .maxStringLength(1_000_000)
                        .build())
                .build();
        factory.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        ObjectMapper mapper = new ObjectMapper(factory);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        return mapper;
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Parses text; throws {@link MalformedJson} (never a Jackson type) when it is not one JSON value. */
    public static JsonNode parse(String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) throw new MalformedJson("The body is empty.");
            return node;
        } catch (JsonProcessingException e) {
            throw new MalformedJson(describe(e));
        }
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise JSON", e);
        }
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    public static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    /** A short, content-free reason: never echo the caller's bytes back (they may be personal data). */
    private static String describe(JsonProcessingException e) {
        String m = String.valueOf(e.getOriginalMessage());
        String where = e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        if (m.contains("Duplicate field")) return "The body repeats a field" + where + ".";
        if (m.contains("nesting depth")) return "The body is nested deeper than " + MAX_DEPTH + " levels.";
        if (m.contains("Number value length") || m.contains("String value length")) return "The body holds a value that is too long" + where + ".";
        if (m.contains("Trailing token")) return "The body has content after the JSON value" + where + ".";
        if (m.contains("end-of-input")) return "The body ends before the JSON value does" + where + ".";
        return "The body is not valid JSON" + where + ".";
    }

    /** Thrown for text that is not a single well-formed JSON value. */
    public static final class MalformedJson extends RuntimeException {
        public MalformedJson(String message) {
            super(message, null, false, false);
        }
    }
}
