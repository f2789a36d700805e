package org.linli.identity;

/**
 * WeChat's {@code jscode2session}: turns a {@code wx.login} code into the user's openid. The
 * adapter maps WeChat's error codes to domain exceptions (a bad or used code is
 * Unauthenticated, a rate limit TooManyRequests, anything else ExternalServiceFailed).
 */
public interface WeChatLogin {
    WeChatIdentity codeToSession(String code);

    /**
     * The website QR sign-in (Open Platform OAuth 2, {@code snsapi_login}): the code WeChat sent
     * the browser back with, exchanged at {@code /sns/oauth2/access_token} for the website
     * application's openid and the person's unionid. Same error mapping as {@link #codeToSession}.
     * Without a website application (the default) there is no such sign-in.
     */
    default WeChatIdentity webCodeToIdentity(String code) {
        throw new org.linli.core.ExternalServiceFailed("WECHAT_WEB_LOGIN_NOT_CONFIGURED", "The WeChat website sign-in is not configured.");
    }

    /** The session_key WeChat also returns is deliberately not carried: Linli never needs it. */
    record WeChatIdentity(String openId, String unionId) {}
}
