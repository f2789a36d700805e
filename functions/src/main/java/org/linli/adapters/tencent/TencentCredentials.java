package org.linli.adapters.tencent;

import com.fasterxml.jackson.databind.JsonNode;
import org.linli.json.Json;

/** A Tencent Cloud API key pair, from the secret {"secretId","secretKey"} (a CAM sub-user allowed sms:SendSms only). */
public record TencentCredentials(String secretId, String secretKey) {
    public static TencentCredentials fromSecretJson(String json) {
        JsonNode n = Json.parse(json);
        String id = n.path("secretId").asText("");
        String key = n.path("secretKey").asText("");
        if (id.isBlank() || key.isBlank()) throw new IllegalArgumentException("the SMS secret needs secretId and secretKey");
        return new TencentCredentials(id, key);
    }

    @Override
    public String toString() {
        return "TencentCredentials[" + secretId + ", ****]";
    }
}
