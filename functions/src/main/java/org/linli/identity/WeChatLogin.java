package org.linli.identity;

/**
 * WeChat's {@code jscode2session}: turns a {@code wx.login} code into the user's openid. The
 * adapter maps WeChat's error codes to domain exceptions (a bad or used code is
 * Unauthenticated, a rate limit TooManyRequests, anything else ExternalServiceFailed).
 */
public interface WeChatLogin {
    WeChatIdentity codeToSession(String code);

    /** The session_key WeChat also returns is deliberately not carried: Linli never needs it. */
    record WeChatIdentity(String openId, String unionId) {}
}
