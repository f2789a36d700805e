package org.linli.local.gateway;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * A request to a {@link LocalRoute}.
 *
 * @param headers lower-cased names, repeated values joined with commas
 * @param query   decoded, repeated values joined with commas
 */
public record LocalRequest(String method, String path, Map<String, String> pathParameters, Map<String, String> query,
                           Map<String, String> headers, byte[] body) {
    public LocalRequest {
        pathParameters = Map.copyOf(pathParameters);
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public String query(String name) {
        return query.get(name);
    }

    public String pathParameter(String name) {
        return pathParameters.get(name);
    }
}
