package org.linli.local.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The answer of a {@link LocalRoute}. */
public record LocalResponse(int status, Map<String, String> headers, byte[] body) {
    public LocalResponse {
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    /**
     * JSON: a String is taken as JSON text already, a JsonNode or any other object is serialised
     * with Jackson.
     */
    public static LocalResponse json(int status, Object body) {
        String text;
        if (body instanceof String s) {
            text = s;
        } else if (body instanceof JsonNode n) {
            text = n.toString();
        } else {
            try {
                text = ApiEvents.JSON.writeValueAsString(body);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("cannot serialise the response body", e);
            }
        }
        return new LocalResponse(status, Map.of("Content-Type", "application/json"), text.getBytes(StandardCharsets.UTF_8));
    }

    public static LocalResponse text(int status, String body) {
        return new LocalResponse(status, Map.of("Content-Type", "text/plain; charset=utf-8"), body.getBytes(StandardCharsets.UTF_8));
    }
}
