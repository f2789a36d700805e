package org.linli.adapters.wechat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;
import org.linli.core.ExternalServiceFailed;
import org.linli.core.TooManyRequests;
import org.linli.core.Unauthenticated;
import org.linli.identity.WeChatLogin;
import org.linli.observability.Log;

/**
 * {@code GET /sns/jscode2session} through {@link WeChatHttp}. Error codes from WeChat's
 * documentation: 40029 invalid code, 40163 code already used, 40226 high-risk user, 45011
 * frequency limit, -1 system busy.
 */
public final class HttpWeChatLogin implements WeChatLogin {
    private final String baseUrl;
    private final Supplier<WeChatCredentials> credentials;

    public HttpWeChatLogin(String baseUrl, Supplier<WeChatCredentials> credentials) {
        this.baseUrl = WeChatHttp.base(baseUrl);
        this.credentials = credentials;
    }

    @Override
    public WeChatIdentity codeToSession(String code) {
        WeChatCredentials c = credentials.get();
        String url = baseUrl + "/sns/jscode2session?appid=" + enc(c.appId()) + "&secret=" + enc(c.appSecret())
                + "&js_code=" + enc(code) + "&grant_type=authorization_code";
        return identity(WeChatHttp.call(url, null), "The login code is invalid or already used; call wx.login again.",
                "wechat.login_failed");
    }

    @Override
    public WeChatIdentity webCodeToIdentity(String code) {
        WeChatCredentials c = credentials.get();
        if (c.webAppId() == null || c.webAppSecret() == null) {
            throw new ExternalServiceFailed("WECHAT_WEB_LOGIN_NOT_CONFIGURED",
                    "The WeChat website sign-in is not configured (webAppId/webAppSecret in the WeChat secret).");
        }
        String url = baseUrl + "/sns/oauth2/access_token?appid=" + enc(c.webAppId()) + "&secret=" + enc(c.webAppSecret())
                + "&code=" + enc(code) + "&grant_type=authorization_code";
        // The access token it also returns would read the profile (snsapi_userinfo); Linli needs only the ids.
        return identity(WeChatHttp.call(url, null), "The sign-in code is invalid or already used; scan the QR code again.",
                "wechat.web_login_failed");
    }

    /** WeChat's answer to either exchange: the ids, or its error codes as domain exceptions. */
    private static WeChatIdentity identity(JsonNode r, String invalidCode, String failureEvent) {
        int errcode = r.path("errcode").asInt(0);
        switch (errcode) {
            case 0 -> {
                String openId = r.path("openid").asText("");
                if (openId.isEmpty()) throw new ExternalServiceFailed("WECHAT_BAD_RESPONSE", "WeChat returned no openid.");
                String unionId = r.hasNonNull("unionid") ? r.get("unionid").asText() : null;
                return new WeChatIdentity(openId, unionId);
            }
            case 40029, 40163, 40226 -> throw new Unauthenticated("INVALID_LOGIN_CODE", invalidCode);
            case 45011 -> throw new TooManyRequests("WeChat is limiting logins right now.", Duration.ofSeconds(60));
            case -1 -> throw new ExternalServiceFailed("WECHAT_BUSY", "WeChat is busy; try again.");
            default -> {
                Log.error(failureEvent, null, "errcode", errcode);
                throw new ExternalServiceFailed("WECHAT_FAILED", "WeChat refused the login (" + errcode + ").");
            }
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
