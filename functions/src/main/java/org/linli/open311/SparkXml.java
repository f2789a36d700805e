package org.linli.open311;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * GeoReport v2's XML from its JSON by the Spark convention: an array is an element holding one
 * element per item, named by the singular ({@code services/service}, {@code attributes/attribute},
 * {@code values/value}, {@code service_requests/request}, {@code errors/error}); an object's
 * fields are child elements in order; null is an empty element. UTF-8 with the XML declaration.
 */
public final class SparkXml {
    private static final Map<String, String> ITEMS = Map.of("services", "service", "attributes", "attribute",
            "values", "value", "service_requests", "request", "errors", "error", "endpoints", "endpoint", "formats", "format");

    private SparkXml() {}

    public static String write(String root, JsonNode node) {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        element(out, root, node);
        return out.append('\n').toString();
    }

    private static void element(StringBuilder out, String name, JsonNode node) {
        out.append('<').append(name).append('>');
        if (node.isArray()) {
            String item = ITEMS.getOrDefault(name, "item");
            for (JsonNode each : node) element(out, item, each);
        } else if (node.isObject()) {
            node.fields().forEachRemaining(f -> element(out, f.getKey(), f.getValue()));
        } else if (!node.isNull()) {
            escape(out, node.asText());
        }
        out.append("</").append(name).append('>');
    }

    private static void escape(StringBuilder out, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') continue; // not allowed in XML 1.0
                    out.append(c);
                }
            }
        }
    }
}
