package org.linli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.linli.adapters.wechat.HttpWeChatClient;
import org.linli.adapters.wechat.WeChatCredentials;
import org.linli.core.ExternalServiceFailed;
import org.linli.notify.WeChatClient;
import org.linli.tools.FakeWeChatServer;

/** The HTTP WeChat client against the fake WeChat server, in each of WeChat's ways of failing. */
class WeChatClientTest {
    private final FakeWeChatServer wechat = new FakeWeChatServer(0);
    private final HttpWeChatClient client = new HttpWeChatClient(wechat.baseUrl(),
            () -> new WeChatCredentials(FakeWeChatServer.APP_ID, FakeWeChatServer.APP_SECRET), "trial", Clock.systemUTC());
    private final WeChatClient.Message message = new WeChatClient.Message("oUser", "TMPL", "pages/inbox/index?id=ntf_1",
            Map.of("thing1", "服务日安排", "date2", "2026年12月5日"));

    WeChatClientTest() throws IOException {}

    @AfterEach
    void close() {
        wechat.close();
    }

    @Test
    void sendsWithOneTokenFetchedOnceAndTheTemplatesShape() {
        for (int i = 0; i < 3; i++) assertTrue(client.send(message) instanceof WeChatClient.Sent);
        assertEquals(1, wechat.calls("/cgi-bin/stable_token").size(), "the token is cached");
        assertEquals(0, wechat.calls("/cgi-bin/token").size());
        var body = wechat.subscribeCalls("oUser").get(0).body();
        assertEquals("TMPL", body.path("template_id").asText());
        assertEquals("trial", body.path("miniprogram_state").asText());
        assertEquals("2026年12月5日", body.path("data").path("date2").path("value").asText());
        assertTrue(!wechat.calls("/cgi-bin/stable_token").get(0).query().containsKey("secret"), "the fake never records the secret");
    }

    @Test
    void anExpiredTokenIsRefreshedOnce_aTokenRefusedTwiceIsARetryableFailure() {
        client.send(message);
        wechat.expireTokens();
        assertTrue(client.send(message) instanceof WeChatClient.Sent);
        assertEquals(2, wechat.calls("/cgi-bin/stable_token").size());
        wechat.failNextFor("oUser", 40001);
        wechat.failNextFor("oUser", 42001);
        ExternalServiceFailed e = assertThrows(ExternalServiceFailed.class, () -> client.send(message));
        assertEquals("WECHAT_TOKEN_REJECTED", e.code());
        assertEquals(3, wechat.calls("/cgi-bin/stable_token").size(), "one refresh, not a loop");
    }

    @Test
    void refusalsQuotasAndWrongMessagesAreResultsNotExceptions() {
        wechat.refuseSubscriptions("oUser");
        assertEquals(new WeChatClient.Refused(43101), client.send(message));
        wechat.acceptSubscriptions("oUser");
        wechat.failNextFor("oUser", 45011);
        wechat.failNextFor("oUser", 45009);
        wechat.failNextFor("oUser", -1);
        assertEquals(new WeChatClient.Throttled(45011), client.send(message));
        assertEquals(new WeChatClient.Throttled(45009), client.send(message));
        assertEquals(new WeChatClient.Throttled(-1), client.send(message));
        wechat.failNextFor("oUser", 40037);
        assertTrue(client.send(message) instanceof WeChatClient.Rejected r && r.errcode() == 40037);
        assertTrue(client.send(message) instanceof WeChatClient.Sent);
    }

    @Test
    void anUnreachableWeChatIsARetryableFailure() {
        wechat.close();
        ExternalServiceFailed e = assertThrows(ExternalServiceFailed.class, () -> client.send(message));
        assertEquals("WECHAT_UNREACHABLE", e.code());
    }
}
