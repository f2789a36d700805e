package org.linli.local.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A function's result to an HTTP response, as HTTP APIs do for payload format 2.0: a JSON object
 * with {@code statusCode} is a structured response (headers, cookies as Set-Cookie, body,
 * isBase64Encoded); any other valid JSON is sent as a 200 application/json body.
 */
final class ResponseMapper {
    private ResponseMapper() {}

    /** @return the response, or null when the result cannot be mapped (API Gateway answers 500) */
    static HttpResult map(String output) {
        JsonNode r;
        try {
            r = ApiEvents.JSON.readTree(output);
        } catch (IOException e) {
            return null;
        }
        if (r == null || !r.isObject() || !r.has("statusCode")) {
            return new HttpResult(200, List.of(Map.entry("Content-Type", "application/json")), output.getBytes(StandardCharsets.UTF_8));
        }
        JsonNode status = r.get("statusCode");
        int code;
        if (status.isInt()) {
            code = status.asInt();
        } else if (status.isTextual() && status.asText().matches("\\d{3}")) {
            code = Integer.parseInt(status.asText());
        } else {
            return null;
        }
        if (code < 100 || code > 599) return null;
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        r.path("headers").fields().forEachRemaining(h -> {
            if (!h.getValue().isNull()) headers.add(Map.entry(h.getKey(), h.getValue().isTextual() ? h.getValue().asText() : h.getValue().toString()));
        });
        for (JsonNode cookie : r.path("cookies")) headers.add(Map.entry("Set-Cookie", cookie.asText()));
        byte[] body = new byte[0];
        JsonNode b = r.get("body");
        if (b != null && !b.isNull()) {
            String text = b.isTextual() ? b.asText() : b.toString();
            if (r.path("isBase64Encoded").asBoolean(false)) {
                try {
                    body = Base64.getDecoder().decode(text);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            } else {
                body = text.getBytes(StandardCharsets.UTF_8);
            }
        }
        return new HttpResult(code, headers, body);
    }
}
