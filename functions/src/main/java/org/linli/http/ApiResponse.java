package org.linli.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A response: status, a JSON body (object or array) and any extra headers - or, for the few
 * routes that answer another media type (CSV exports, Open311's XML), a {@code text} body whose
 * Content-Type is among the headers.
 */
public record ApiResponse(int status, JsonNode body, Map<String, String> headers, String text) {
    public ApiResponse {
        headers = Map.copyOf(headers);
        if (text != null && body != null) throw new IllegalArgumentException("a JSON body or a text body, not both");
        if (text != null && !headers.containsKey(CONTENT_TYPE)) throw new IllegalArgumentException("a text body needs its Content-Type");
    }

    public static final String CONTENT_TYPE = "Content-Type";

    public ApiResponse(int status, JsonNode body, Map<String, String> headers) {
        this(status, body, headers, null);
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

    /** A non-JSON body, e.g. {@code text/csv; charset=utf-8}. */
    public static ApiResponse text(int status, String contentType, String text) {
        return new ApiResponse(status, null, Map.of(CONTENT_TYPE, contentType), text);
    }

    /** A CSV file to download: UTF-8 with a byte-order mark (see {@link Csv}), named {@code filename}. */
    public static ApiResponse csv(Csv csv, String filename) {
        return text(200, "text/csv; charset=utf-8", csv.toText())
                .withHeader("Content-Disposition", "attachment; filename=\"" + filename.replaceAll("[^A-Za-z0-9._-]", "_") + "\"");
    }

    public ApiResponse withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new ApiResponse(status, body, h, text);
    }
}
