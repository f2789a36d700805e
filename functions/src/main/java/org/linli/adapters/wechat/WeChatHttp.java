package org.linli.adapters.wechat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.linli.core.ExternalServiceFailed;
import org.linli.json.Json;

/**
 * One call to WeChat's server API with the JDK's HttpURLConnection (no extra HTTP library in the
 * function jar): GET, or POST of a JSON body; the answer's JSON. WeChat answers HTTP 200 with an
 * {@code errcode} even for errors; anything else, or no answer, is WECHAT_UNREACHABLE (retryable).
 */
final class WeChatHttp {
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private WeChatHttp() {}

    static String base(String baseUrl) {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** {@code body} null: GET. */
    static JsonNode call(String url, JsonNode body) {
        HttpURLConnection conn = null;
        try {
            conn = (HttpURLConnection) URI.create(url).toURL().openConnection();
            conn.setConnectTimeout((int) TIMEOUT.toMillis());
            conn.setReadTimeout((int) TIMEOUT.toMillis());
            if (body == null) {
                conn.setRequestMethod("GET");
            } else {
                byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
                conn.setRequestMethod("POST");
                conn.setDoOutput(true);
                conn.setRequestProperty("Content-Type", "application/json; charset=utf-8");
                conn.setFixedLengthStreamingMode(bytes.length);
                try (OutputStream out = conn.getOutputStream()) {
                    out.write(bytes);
                }
            }
            int status = conn.getResponseCode();
            if (status != 200) throw new ExternalServiceFailed("WECHAT_UNREACHABLE", "WeChat answered HTTP " + status + ".");
            try (InputStream in = conn.getInputStream()) {
                return Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException | Json.MalformedJson e) {
            throw new ExternalServiceFailed("WECHAT_UNREACHABLE", "WeChat could not be reached.");
        } finally {
            if (conn != null) conn.disconnect();
        }
    }
}
