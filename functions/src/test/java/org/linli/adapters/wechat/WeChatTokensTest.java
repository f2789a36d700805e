package org.linli.adapters.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.linli.core.ExternalServiceFailed;
import org.linli.json.Json;
import org.linli.testing.MutableClock;

/** The access token cache and the meaning of WeChat's error codes. */
class WeChatTokensTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T01:00:00Z"));
    private final AtomicInteger fetches = new AtomicInteger();
    private final WeChatTokens tokens = new WeChatTokens("http://wechat.test/", () -> new WeChatCredentials("wxapp", "secret"), clock,
            c -> answer("{\"access_token\":\"t" + fetches.incrementAndGet() + "\",\"expires_in\":7200}"));

    private static JsonNode answer(String json) {
        return Json.parse(json);
    }

    @AfterEach
    void clear() {
        WeChatTokens.clear();
    }

    @Test
    void aTokenIsFetchedOnceAndKeptUntilFiveMinutesBeforeItExpires() {
        assertEquals("t1", tokens.current());
        clock.advance(Duration.ofMinutes(114));
        assertEquals("t1", tokens.current());
        assertEquals(1, fetches.get());
        clock.advance(Duration.ofMinutes(1)); // 115 minutes: within the margin of the 120-minute token
        assertEquals("t2", tokens.current());
        assertEquals(2, fetches.get());
    }

    @Test
    void theCacheIsProcessWide_andInvalidatingDropsOnlyTheTokenWeChatRefused() {
        assertEquals("t1", tokens.current());
        WeChatTokens other = new WeChatTokens("http://wechat.test", () -> new WeChatCredentials("wxapp", "secret"), clock,
                c -> { throw new AssertionError("the other instance must use the cached token"); });
        assertEquals("t1", other.current());
        tokens.invalidate("t0"); // an older token: the current one stays
        assertEquals("t1", tokens.current());
        tokens.invalidate("t1");
        assertEquals("t2", tokens.current());
    }

    @Test
    void aFailedFetchIsRetryable() {
        WeChatTokens broken = new WeChatTokens("http://wechat.test", () -> new WeChatCredentials("wxbad", "x"), clock,
                c -> answer("{\"errcode\":40125,\"errmsg\":\"invalid appsecret\"}"));
        ExternalServiceFailed e = assertThrows(ExternalServiceFailed.class, broken::current);
        assertEquals("WECHAT_TOKEN_FAILED", e.code());
    }

    @Test
    void weChatsErrorCodesMeanWhatDeliveryMustDo() {
        assertEquals(HttpWeChatClient.Answer.OK, HttpWeChatClient.classify(0));
        assertEquals(HttpWeChatClient.Answer.REFUSED, HttpWeChatClient.classify(43101));
        for (int limit : new int[] {45009, 45011, -1}) assertEquals(HttpWeChatClient.Answer.THROTTLED, HttpWeChatClient.classify(limit));
        for (int token : new int[] {40001, 42001, 40014}) assertEquals(HttpWeChatClient.Answer.TOKEN_INVALID, HttpWeChatClient.classify(token));
        for (int wrong : new int[] {40003, 40037, 47003, 41030}) assertEquals(HttpWeChatClient.Answer.REJECTED, HttpWeChatClient.classify(wrong));
    }
}
