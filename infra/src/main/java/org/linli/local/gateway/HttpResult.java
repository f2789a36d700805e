package org.linli.local.gateway;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** What the gateway writes back: status, headers in order (names may repeat, e.g. Set-Cookie), body. */
record HttpResult(int status, List<Map.Entry<String, String>> headers, byte[] body) {
    static HttpResult message(int status, String message) {
        String json = "{\"message\":\"" + message + "\"}";
        return new HttpResult(status, List.of(Map.entry("Content-Type", "application/json")), json.getBytes(StandardCharsets.UTF_8));
    }
}
