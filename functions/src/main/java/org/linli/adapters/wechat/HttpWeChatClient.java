package org.linli.adapters.wechat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.function.Supplier;
import org.linli.core.ExternalServiceFailed;
import org.linli.json.Json;
import org.linli.notify.WeChatClient;

/**
 * {@code POST /cgi-bin/message/subscribe/send} with the cached access token. An invalid or
 * expired token (40001, 42001, 40014) is refreshed once and the send tried again; WeChat's other
 * answers become {@link WeChatClient.Result}s ({@link #classify}).
 */
public final class HttpWeChatClient implements WeChatClient {
    private final String baseUrl;
    private final WeChatTokens tokens;
    private final String state;

    /** @param miniprogramState which version of the mini-program the message opens: formal, trial or developer */
    public HttpWeChatClient(String baseUrl, Supplier<WeChatCredentials> credentials, String miniprogramState, Clock clock) {
        this.baseUrl = WeChatHttp.base(baseUrl);
        this.tokens = new WeChatTokens(baseUrl, credentials, clock);
        this.state = miniprogramState;
    }

    /** What WeChat's errcode means for a subscribe message. */
    enum Answer { OK, REFUSED, THROTTLED, TOKEN_INVALID, REJECTED }

    static Answer classify(int errcode) {
        return switch (errcode) {
            case 0 -> Answer.OK;
            case 43101 -> Answer.REFUSED;            // user refused / no consent left
            case 45009, 45011, -1 -> Answer.THROTTLED; // daily quota, minute quota, system busy
            case 40001, 42001, 40014 -> Answer.TOKEN_INVALID; // invalid, expired, malformed access token
            default -> Answer.REJECTED;              // 40003 openid, 40037 template, 47003 data, ...
        };
    }

    @Override
    public Result send(Message m) {
        ObjectNode body = Json.object().put("touser", m.openId()).put("template_id", m.templateId()).put("page", m.page())
                .put("miniprogram_state", state).put("lang", "zh_CN");
        ObjectNode data = body.putObject("data");
        m.fields().forEach((k, v) -> data.putObject(k).put("value", v));
        for (int attempt = 1; ; attempt++) {
            String token = tokens.current();
            JsonNode r = WeChatHttp.call(baseUrl + "/cgi-bin/message/subscribe/send?access_token="
                    + URLEncoder.encode(token, StandardCharsets.UTF_8), body);
            int errcode = r.path("errcode").asInt(0);
            switch (classify(errcode)) {
                case OK -> {
                    return new Sent(r.path("msgid").asText(""));
                }
                case REFUSED -> {
                    return new Refused(errcode);
                }
                case THROTTLED -> {
                    return new Throttled(errcode);
                }
                case REJECTED -> {
                    return new Rejected(errcode, r.path("errmsg").asText(""));
                }
                case TOKEN_INVALID -> {
                    tokens.invalidate(token);
                    if (attempt == 2) throw new ExternalServiceFailed("WECHAT_TOKEN_REJECTED", "WeChat refused a fresh access token.");
                }
            }
        }
    }
}
