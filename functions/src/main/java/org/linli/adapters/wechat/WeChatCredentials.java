package org.linli.adapters.wechat;

import com.fasterxml.jackson.databind.JsonNode;
import org.linli.json.Json;

/** The mini-program's appId and appSecret, from the secret {"appId","appSecret"}. */
public record WeChatCredentials(String appId, String appSecret, String webAppId, String webAppSecret) {
    public WeChatCredentials(String appId, String appSecret) {
        this(appId, appSecret, null, null);
    }

    /**
     * The mini-program's {@code appId}/{@code appSecret}, and optionally the Open Platform website
     * application's {@code webAppId}/{@code webAppSecret} (the staff console's QR sign-in) in the same secret.
     */
    public static WeChatCredentials fromSecretJson(String json) {
        JsonNode n = Json.parse(json);
        return new WeChatCredentials(n.path("appId").asText(), n.path("appSecret").asText(),
                n.hasNonNull("webAppId") ? n.get("webAppId").asText() : null,
                n.hasNonNull("webAppSecret") ? n.get("webAppSecret").asText() : null);
    }
}
