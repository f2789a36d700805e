package org.linli.adapters.wechat;

import com.fasterxml.jackson.databind.JsonNode;
import org.linli.json.Json;

/** The mini-program's appId and appSecret, from the secret {"appId","appSecret"}. */
public record WeChatCredentials(String appId, String appSecret) {
    public static WeChatCredentials fromSecretJson(String json) {
        JsonNode n = Json.parse(json);
        return new WeChatCredentials(n.path("appId").asText(), n.path("appSecret").asText());
    }
}
