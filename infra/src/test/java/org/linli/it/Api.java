package org.linli.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.linli.json.Json;

/** A tiny HTTP client for the local API: JSON in, status + headers + JSON out. */
public final class Api {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    public Api(URI base) {
        this.base = base;
    }

    /** One answer. {@code json} is null when the body is not JSON. */
    public record Answer(int status, Map<String, java.util.List<String>> headers, String body, JsonNode json) {
        public String header(String name) {
            for (var e : headers.entrySet()) if (e.getKey().equalsIgnoreCase(name)) return e.getValue().get(0);
            return null;
        }

        public String errorCode() {
            return json == null ? null : json.path("error").path("code").asText(null);
        }
    }

    public String login(String handle) {
        return call("POST", "/_local/dev-login?user=" + handle + "&format=token", null, null, Map.of()).body();
    }

    /** A mini-program sign-in with a WeChat code (the fake WeChat server takes any): the login answer, which must be 200. */
    public JsonNode wechatLogin(String code) {
        Answer a = post("/auth/wechat-login", null, "{\"code\":\"" + code + "\"}");
        org.junit.jupiter.api.Assertions.assertEquals(200, a.status(), a.body());
        return a.json();
    }

    public Answer get(String path, String token) {
        return call("GET", path, token, null, Map.of());
    }

    public Answer post(String path, String token, String json) {
        return call("POST", path, token, json, Map.of("Content-Type", "application/json"));
    }

    public Answer call(String method, String path, String token, String body, Map<String, String> headers) {
        return send(method, path, token, body == null ? null : body.getBytes(java.nio.charset.StandardCharsets.UTF_8), headers);
    }

    public Answer send(String method, String path, String token, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) b.header("Authorization", "Bearer " + token);
        headers.forEach(b::header);
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            try {
                if (!r.body().isEmpty()) json = Json.parse(r.body());
            } catch (Json.MalformedJson ignored) {
                // not JSON: keep the text
            }
            return new Answer(r.statusCode(), r.headers().map(), r.body(), json);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
