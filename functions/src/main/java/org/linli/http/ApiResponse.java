package org.linli.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** A JSON response: status, body and any extra headers. */
public record ApiResponse(int status, JsonNode body, Map<String, String> headers) {
    public ApiResponse {
        headers = Map.copyOf(headers);
    }

    public static ApiResponse ok(JsonNode body) {
        return new ApiResponse(200, body, Map.of());
    }

    public static ApiResponse created(JsonNode body, String location) {
        return new ApiResponse(201, body, Map.of("Location", location));
    }

    public static ApiResponse accepted(JsonNode body, String location) {
        return new ApiResponse(202, body, Map.of("Location", location));
    }

    public ApiResponse withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new ApiResponse(status, body, h);
    }
}
