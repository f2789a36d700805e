package org.linli.notify;

import java.util.Map;

/**
 * WeChat's subscribe messages (订阅消息), as delivery needs them. The adapter owns the access token
 * (fetched, cached until it expires, refreshed once when WeChat calls it invalid) and turns
 * WeChat's error codes into {@link Result}s; a network failure is a retryable domain exception.
 */
public interface WeChatClient {
    Result send(Message message);

    /** One subscribe message: to whom, which template, the page it opens, the template's fields. */
    record Message(String openId, String templateId, String page, Map<String, String> fields) {
        public Message {
            fields = Map.copyOf(fields);
        }
    }

    sealed interface Result permits Sent, Refused, Throttled, Rejected {}

    /** WeChat accepted it. */
    record Sent(String msgId) implements Result {}

    /** 43101: the user refused the template (or used up his one-time consent). Retrying cannot help. */
    record Refused(int errcode) implements Result {}

    /** 45009 / 45011 / -1: a quota or WeChat being busy. Retry later. */
    record Throttled(int errcode) implements Result {}

    /** Any other error: the message itself is wrong (template, field, openid). Retrying cannot help. */
    record Rejected(int errcode, String errmsg) implements Result {}
}
