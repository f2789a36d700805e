package org.linli.adapters.hotline;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.linli.core.ExternalServiceFailed;
import org.linli.hotline.HotlinePlatform;

/**
 * {@link HotlinePlatform} over the JDK's HttpURLConnection (no HTTP library in the function jar, as
 * for WeChat): a POST of the JSON body with the signature headers to the platform's URL (template
 * parameter {@code HotlinePlatformUrl}). Any 2xx is taken; anything else, or no answer within the
 * timeouts, is {@code HOTLINE_UNREACHABLE} and the report is retried.
 */
public final class HttpHotlinePlatform implements HotlinePlatform {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private final String url;

    public HttpHotlinePlatform(String url) {
        this.url = url;
    }

    @Override
    public void post(String body, Map<String, String> headers) {
        if (url == null || url.isBlank()) throw new ExternalServiceFailed("HOTLINE_UNREACHABLE", "No hotline platform URL is configured.");
        HttpURLConnection conn = null;
        try {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            conn = (HttpURLConnection) URI.create(url).toURL().openConnection();
            conn.setConnectTimeout((int) TIMEOUT.toMillis());
            conn.setReadTimeout((int) TIMEOUT.toMillis());
            conn.setRequestMethod("POST");
            conn.setDoOutput(true);
            conn.setRequestProperty("Content-Type", "application/json; charset=utf-8");
            headers.forEach(conn::setRequestProperty);
            conn.setFixedLengthStreamingMode(bytes.length);
            try (OutputStream out = conn.getOutputStream()) {
                out.write(bytes);
            }
            int status = conn.getResponseCode();
            try (InputStream in = status < 400 ? conn.getInputStream() : conn.getErrorStream()) {
                if (in != null) in.readAllBytes(); // drained so that the connection can be reused
            }
            if (status / 100 != 2) throw new ExternalServiceFailed("HOTLINE_UNREACHABLE", "The hotline platform answered HTTP " + status + ".");
        } catch (IOException | IllegalArgumentException e) {
            throw new ExternalServiceFailed("HOTLINE_UNREACHABLE", "The hotline platform could not be reached.");
        } finally {
            if (conn != null) conn.disconnect();
        }
    }
}
