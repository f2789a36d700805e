package org.linli.adapters.wechat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;
import org.linli.core.ExternalServiceFailed;
import org.linli.core.TooManyRequests;
import org.linli.core.Unauthenticated;
import org.linli.identity.WeChatLogin;
import org.linli.json.Json;
import org.linli.observability.Log;

/**
 * {@code GET /sns/jscode2session} with the JDK's HttpURLConnection (no extra HTTP library in the
 * function jar). Error codes from WeChat's documentation: 40029 invalid code, 40163 code already
 * used, 40226 high-risk user, 45011 frequency limit, -1 system busy.
 */
public final class HttpWeChatLogin implements WeChatLogin {
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private final String baseUrl;
    private final Supplier<WeChatCredentials> credentials;

    public HttpWeChatLogin(String baseUrl, Supplier<WeChatCredentials> credentials) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.credentials = credentials;
    }

    @Override
    public WeChatIdentity codeToSession(String code) {
        WeChatCredentials c = credentials.get();
        String url = baseUrl + "/sns/jscode2session?appid=" + enc(c.appId()) + "&secret=" + enc(c.appSecret())
                + "&js_code=" + enc(code) + "&grant_type=authorization_code";
        JsonNode r = get(url);
        int errcode = r.path("errcode").asInt(0);
        switch (errcode) {
            case 0 -> {
                String openId = r.path("openid").asText("");
                if (openId.isEmpty()) throw new ExternalServiceFailed("WECHAT_BAD_RESPONSE", "WeChat returned no openid.");
                String unionId = r.hasNonNull("unionid") ? r.get("unionid").asText() : null;
                return new WeChatIdentity(openId, unionId);
            }
            case 40029, 40163, 40226 -> throw new Unauthenticated("INVALID_LOGIN_CODE",
                    "The login code is invalid or already used; call wx.login again.");
            case 45011 -> throw new TooManyRequests("WeChat is limiting logins right now.", Duration.ofSeconds(60));
            case -1 -> throw new ExternalServiceFailed("WECHAT_BUSY", "WeChat is busy; try again.");
            default -> {
                Log.error("wechat.login_failed", null, "errcode", errcode);
                throw new ExternalServiceFailed("WECHAT_FAILED", "WeChat refused the login (" + errcode + ").");
            }
        }
    }

    private static JsonNode get(String url) {
        HttpURLConnection conn = null;
        try {
            conn = (HttpURLConnection) URI.create(url).toURL().openConnection();
            conn.setConnectTimeout((int) TIMEOUT.toMillis());
            conn.setReadTimeout((int) TIMEOUT.toMillis());
            conn.setRequestMethod("GET");
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

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
