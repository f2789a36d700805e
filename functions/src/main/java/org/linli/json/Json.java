package org.linli.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * JSON trees for the whole process. Parsing is strict: duplicate keys, trailing tokens, deep
 * nesting and oversized numbers or strings are refused (hostile input).
 *
 * <p>Trees are read and written with Jackson's streaming parser and generator alone: an
 * ObjectMapper's first readTree/writeValueAsString loads some 300 databind classes (type factory,
 * deserializer and serializer caches) and cost about 300 ms of a cold start (docs/performance.md);
 * the tree classes themselves are all a handler needs. The configured mapper is still there, built
 * on first use, for the rare caller that converts objects ({@link #mapper()}).
 */
public final class Json {
    public static final int MAX_DEPTH = 32;
    private static final JsonFactory FACTORY = factory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {}

    private static JsonFactory factory() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH)
                        .maxNumberLength(40)
                        .maxStringLength(1_000_000)
                        .build())
                .build();
        factory.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        return factory;
    }

    /** Built on first use only (holder idiom): the parsing and writing below never need it. */
    private static final class Mapper {
        static final ObjectMapper INSTANCE = build();

        private static ObjectMapper build() {
            ObjectMapper mapper = new ObjectMapper(factory());
            mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
            mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
            return mapper;
        }
    }

    /** The configured mapper, for converting objects to trees; parse and write do not use it. */
    public static ObjectMapper mapper() {
        return Mapper.INSTANCE;
    }

    /** Parses text; throws {@link MalformedJson} (never a Jackson type) when it is not one JSON value. */
    public static JsonNode parse(String text) {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) throw new MalformedJson("The body is empty.");
            JsonNode node = read(p, first);
            if (p.nextToken() != null) {
                throw new MalformedJson("The body has content after the JSON value" + where(p.currentTokenLocation()) + ".");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new MalformedJson(describe(e));

        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a String does no I/O
        }
    }

    /** The value at the parser's current token (what ObjectMapper.readTree builds, floats as BigDecimal). */
    private static JsonNode read(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT -> {
                ObjectNode o = NODES.objectNode();
                for (JsonToken k = p.nextToken(); k == JsonToken.FIELD_NAME; k = p.nextToken()) {
                    String name = p.currentName();
                    o.set(name, read(p, p.nextToken()));
                }
                return o;
            }
            case START_ARRAY -> {
                ArrayNode a = NODES.arrayNode();
                for (JsonToken v = p.nextToken(); v != JsonToken.END_ARRAY; v = p.nextToken()) a.add(read(p, v));
                return a;
            }
            case VALUE_STRING -> {
                return NODES.textNode(p.getText());
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return number(p, t);
            }
            case VALUE_TRUE -> {
                return NODES.booleanNode(true);
            }
            case VALUE_FALSE -> {
                return NODES.booleanNode(false);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> throw new JsonParseException(p, "Unexpected token " + t);
        }
    }

    private static JsonNode number(JsonParser p, JsonToken t) throws IOException {
        try {
            if (t == JsonToken.VALUE_NUMBER_FLOAT) {
                return NODES.numberNode(p.getDecimalValue().stripTrailingZeros()); // as readTree does (37.8400 is 37.84)
            }
            return switch (p.getNumberType()) {
                case INT -> NODES.numberNode(p.getIntValue());
                case LONG -> NODES.numberNode(p.getLongValue());
                default -> NODES.numberNode(p.getBigIntegerValue());
            };
        } catch (NumberFormatException | ArithmeticException e) {
            // 1e2147483648 is short enough for maxNumberLength, but its exponent overflows BigDecimal's
            // int scale: Jackson lets the NumberFormatException through, which was a 500 on every JSON route.
            throw new MalformedJson("The body holds a number out of range" + where(p.currentTokenLocation()) + ".");
        }
    }

    public static String write(JsonNode node) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            write(g, node);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise JSON", e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator g, JsonNode n) throws IOException {
        switch (n.getNodeType()) {
            case OBJECT -> {
                g.writeStartObject();
                for (var e : n.properties()) {
                    g.writeFieldName(e.getKey());
                    write(g, e.getValue());
                }
                g.writeEndObject();
            }
            case ARRAY -> {
                g.writeStartArray();
                for (JsonNode v : n) write(g, v);
                g.writeEndArray();
            }
            case STRING -> g.writeString(n.textValue());
            case NUMBER -> {
                switch (n.numberType()) {
                    case INT -> g.writeNumber(n.intValue());
                    case LONG -> g.writeNumber(n.longValue());
                    case BIG_INTEGER -> g.writeNumber(n.bigIntegerValue());
                    case BIG_DECIMAL -> g.writeNumber(n.decimalValue());
                    case FLOAT -> g.writeNumber(n.floatValue());
                    default -> g.writeNumber(n.doubleValue());
                }
            }
            case BOOLEAN -> g.writeBoolean(n.booleanValue());
            case BINARY -> g.writeBinary(n.binaryValue());
            case POJO -> g.writeRawValue(mapper().writeValueAsString(n)); // a wrapped object: only the mapper knows it
            default -> g.writeNull(); // NULL; MISSING never reaches a writer
        }
    }

    /**
     * A plain value as a tree - text, number, boolean, enum (its name), null, map, list, or a tree -
     * without the mapper; anything else goes through the mapper's bean conversion.
     */
    public static JsonNode tree(Object value) {
        if (value == null) return NODES.nullNode();
        if (value instanceof JsonNode n) return n;
        if (value instanceof CharSequence t) return NODES.textNode(t.toString());
        if (value instanceof Boolean b) return NODES.booleanNode(b);
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) return NODES.numberNode(((Number) value).intValue());
        if (value instanceof Long l) return NODES.numberNode(l);
        if (value instanceof java.math.BigDecimal d) return NODES.numberNode(d);
        if (value instanceof java.math.BigInteger i) return NODES.numberNode(i);
        if (value instanceof Double d) return NODES.numberNode(d);
        if (value instanceof Enum<?> e) return NODES.textNode(e.name());
        if (value instanceof java.util.Map<?, ?> m) {
            ObjectNode o = NODES.objectNode();
            m.forEach((k, v) -> o.set(String.valueOf(k), tree(v)));
            return o;
        }
        if (value instanceof Iterable<?> items) {
            ArrayNode a = NODES.arrayNode();
            items.forEach(v -> a.add(tree(v)));
            return a;
        }
        return mapper().valueToTree(value);
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
        String where = where(e.getLocation());
        if (m.contains("Duplicate field")) return "The body repeats a field" + where + ".";
        if (m.contains("nesting depth")) return "The body is nested deeper than " + MAX_DEPTH + " levels.";
        if (m.contains("Number value length") || m.contains("String value length")) return "The body holds a value that is too long" + where + ".";
        if (m.contains("Trailing token")) return "The body has content after the JSON value" + where + ".";
        if (m.contains("end-of-input")) return "The body ends before the JSON value does" + where + ".";
        return "The body is not valid JSON" + where + ".";
    }

    private static String where(JsonLocation at) {
        return at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }

    /** Thrown for text that is not a single well-formed JSON value. */
    public static final class MalformedJson extends RuntimeException {
        public MalformedJson(String message) {
            super(message, null, false, false);
        }
    }
}
