package org.linli.adapters.wechat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.linli.core.ExternalServiceFailed;
import org.linli.json.Json;
import org.linli.observability.Log;

/**
 * The mini-program's access token, from {@code POST /cgi-bin/stable_token} (the "stable" token:
 * fetching it does not invalidate the one other function instances hold), cached for the whole
 * process until {@link #MARGIN} before it expires. {@link #invalidate} drops a token WeChat
 * called invalid (40001, 42001), unless another thread already replaced it.
 */
final class WeChatTokens {
    static final Duration MARGIN = Duration.ofMinutes(5);
    /** Per (base URL, app id): one process-wide cache shared by every client instance. */
    private static final ConcurrentHashMap<String, Token> CACHE = new ConcurrentHashMap<>();

    record Token(String value, Instant refreshAt) {}

    private final String baseUrl;
    private final Supplier<WeChatCredentials> credentials;
    private final Clock clock;
    private final Function<WeChatCredentials, JsonNode> fetch;

    WeChatTokens(String baseUrl, Supplier<WeChatCredentials> credentials, Clock clock) {
        this(baseUrl, credentials, clock, c -> WeChatHttp.call(WeChatHttp.base(baseUrl) + "/cgi-bin/stable_token",
                Json.object().put("grant_type", "client_credential").put("appid", c.appId()).put("secret", c.appSecret())
                        .put("force_refresh", false)));
    }

    /** {@code fetch}: WeChat's stable_token answer for the credentials (tests give their own). */
    WeChatTokens(String baseUrl, Supplier<WeChatCredentials> credentials, Clock clock, Function<WeChatCredentials, JsonNode> fetch) {
        this.baseUrl = WeChatHttp.base(baseUrl);
        this.credentials = credentials;
        this.clock = clock;
        this.fetch = fetch;
    }

    private String cacheKey() {
        return baseUrl + "|" + credentials.get().appId();
    }

    /** A valid token: the cached one, or a fresh one when there is none or it is about to expire. */
    String current() {
        Token t = CACHE.get(cacheKey());
        if (t != null && clock.instant().isBefore(t.refreshAt())) return t.value();
        synchronized (CACHE) {
            t = CACHE.get(cacheKey());
            if (t != null && clock.instant().isBefore(t.refreshAt())) return t.value();
            t = fetch();
            CACHE.put(cacheKey(), t);
            return t.value();
        }
    }

    /** Forgets {@code token} (WeChat said it is invalid); a newer one fetched meanwhile is kept. */
    void invalidate(String token) {
        CACHE.computeIfPresent(cacheKey(), (k, t) -> t.value().equals(token) ? null : t);
    }

    /** Empties the process-wide cache (tests). */
    static void clear() {
        CACHE.clear();
    }

    private Token fetch() {
        JsonNode r = fetch.apply(credentials.get());
        int errcode = r.path("errcode").asInt(0);
        String token = r.path("access_token").asText("");
        if (errcode != 0 || token.isEmpty()) {
            Log.error("wechat.token_failed", null, "errcode", errcode);
            throw new ExternalServiceFailed("WECHAT_TOKEN_FAILED", "WeChat gave no access token (" + errcode + ").");
        }
        Duration life = Duration.ofSeconds(r.path("expires_in").asLong(7200));
        Instant refreshAt = clock.instant().plus(life.compareTo(MARGIN.multipliedBy(2)) > 0 ? life.minus(MARGIN) : life.dividedBy(2));
        return new Token(token, refreshAt);
    }
}
