package org.linli.local.gateway;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An HTTP request as the gateway received it.
 *
 * @param rawQuery the query string as sent, without '?'; empty when there is none
 * @param headers  lower-cased names, every value as received
 */
public record GatewayRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                             byte[] body, String sourceIp, String protocol) {

    public GatewayRequest {
        rawQuery = rawQuery == null ? "" : rawQuery;
        Map<String, List<String>> lower = new TreeMap<>();
        headers.forEach((k, v) -> lower.computeIfAbsent(k.toLowerCase(Locale.ROOT), x -> new ArrayList<>()).addAll(v));
        headers = lower;
        body = body == null ? new byte[0] : body;
    }

    /** The header's values joined with commas, as API Gateway passes repeated headers; null if absent. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : String.join(",", values);
    }

    /** Headers for the event: joined values, without Cookie (payload 2.0 moves it to {@code cookies}). */
    public Map<String, String> eventHeaders() {
        Map<String, String> out = new LinkedHashMap<>();
        headers.forEach((k, v) -> {
            if (!k.equals("cookie")) out.put(k, String.join(",", v));
        });
        return out;
    }

    public List<String> cookies() {
        List<String> out = new ArrayList<>();
        for (String header : headers.getOrDefault("cookie", List.of())) {
            for (String c : header.split(";")) {
                if (!c.isBlank()) out.add(c.trim());
            }
        }
        return out;
    }

    /** Decoded query parameters; a repeated name gets its values joined with commas. */
    public Map<String, String> queryParameters() {
        Map<String, String> out = new LinkedHashMap<>();
        if (rawQuery.isEmpty()) return out;
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.merge(name, value, (a, b) -> a + "," + b);
        }
        return out;
    }

    /** API Gateway passes these content types as text and everything else base64-encoded. */
    public boolean hasTextBody() {
        String type = header("content-type");
        if (type == null) return false;
        String t = type.split(";")[0].trim().toLowerCase(Locale.ROOT);
        return t.startsWith("text/") || t.equals("application/json") || t.endsWith("+json") || t.contains("xml")
                || t.equals("application/x-www-form-urlencoded") || t.contains("javascript");
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
