package org.linli.adapters.kms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.linli.adapters.s3.SigV4Signer;
import org.linli.core.StoreUnavailable;
import org.linli.json.Json;

/**
 * KMS's JSON 1.1 API ({@code X-Amz-Target: TrentService.GenerateDataKey | Decrypt}) over
 * HttpURLConnection, signed with SigV4. The encryption context binds every data key to the
 * registers: a wrapped key lifted into another use does not decrypt.
 */
public final class KmsHttpKeyService implements KeyService {
    private static final String JSON_11 = "application/x-amz-json-1.1";
    /** Calls made by this process (for the call budgets: KMS is not an SDK client the interceptor counts). */
    public static final AtomicLong CALLS = new AtomicLong();

    private final URI endpoint;
    private final String region;
    private final String keyId;
    private final Supplier<SigV4Signer.Credentials> credentials;
    private final Clock clock;

    public KmsHttpKeyService(URI endpoint, String region, String keyId, Supplier<SigV4Signer.Credentials> credentials, Clock clock) {
        this.endpoint = endpoint;
        this.region = region;
        this.keyId = keyId;
        this.credentials = credentials;
        this.clock = clock;
    }

    /** KMS's endpoint in the region's partition. */
    public static URI awsEndpoint(String region) {
        return URI.create("https://kms." + region + (region.startsWith("cn-") ? ".amazonaws.com.cn" : ".amazonaws.com") + "/");
    }

    @Override
    public DataKey generateDataKey() {
        ObjectNode body = Json.object().put("KeyId", keyId).put("KeySpec", "AES_256");
        body.putObject("EncryptionContext").put("purpose", "linli-registers");
        JsonNode r = call("GenerateDataKey", body);
        return new DataKey(Base64.getDecoder().decode(r.path("Plaintext").asText()), Base64.getDecoder().decode(r.path("CiphertextBlob").asText()));
    }

    @Override
    public byte[] decrypt(byte[] wrapped) {
        ObjectNode body = Json.object().put("CiphertextBlob", Base64.getEncoder().encodeToString(wrapped)).put("KeyId", keyId);
        body.putObject("EncryptionContext").put("purpose", "linli-registers");
        return Base64.getDecoder().decode(call("Decrypt", body).path("Plaintext").asText());
    }

    private JsonNode call(String operation, ObjectNode request) {
        byte[] body = Json.write(request).getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", JSON_11);
        headers.put("X-Amz-Target", "TrentService." + operation);
        headers.putAll(SigV4Signer.authorizationHeaders("POST", endpoint, headers, body, region, "kms", credentials.get(), clock.instant()));
        CALLS.incrementAndGet();
        try {
            HttpURLConnection c = (HttpURLConnection) endpoint.toURL().openConnection();
            c.setConnectTimeout(2000);
            c.setReadTimeout(5000);
            c.setRequestMethod("POST");
            c.setDoOutput(true);
            headers.forEach(c::setRequestProperty);
            try (OutputStream out = c.getOutputStream()) {
                out.write(body);
            }
            int status = c.getResponseCode();
            try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
                String text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if (status >= 500 || status == 429) throw new StoreUnavailable("The key service failed (" + operation + ", " + status + "); try again shortly.", null);
                if (status >= 400) {
                    // The error type only: KMS's messages do not carry data, but nothing of the request is echoed either.
                    String type = text.isEmpty() ? "" : Json.parse(text).path("__type").asText("");
                    throw new IllegalStateException("KMS " + operation + " refused: " + status + " " + type);
                }
                return Json.parse(text);
            }
        } catch (IOException e) {
            throw new StoreUnavailable("The key service could not be reached (" + operation + ").", e);
        }
    }
}
