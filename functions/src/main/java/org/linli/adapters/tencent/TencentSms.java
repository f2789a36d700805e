package org.linli.adapters.tencent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.linli.core.ExternalServiceFailed;
import org.linli.json.Json;
import org.linli.notify.SmsGateway;
import org.linli.observability.Log;

/**
 * Tencent Cloud SMS's {@code SendSms} (API 3.0, version 2021-01-11) with the JDK's
 * HttpURLConnection: one POST of JSON to the endpoint, signed TC3-HMAC-SHA256 ({@link Tc3Signer})
 * over content-type, host and x-tc-action. The SdkAppId, sign name and region are the deployment's;
 * the key pair comes from Secrets Manager.
 *
 * <p>Answers: {@code Response.Error} is the call's failure, {@code SendStatusSet[0].Code} the
 * number's. "Ok" is sent; request-rate limits, Tencent's internal errors and a number's 30-second
 * or one-hour limit are {@link Throttled} (later may work); authentication failures (a wrong key, a
 * clock more than five minutes off) are an {@link ExternalServiceFailed} - retried, then the DLQ and
 * its alarm, since ops must act; anything else (a wrong number, an unapproved template or sign,
 * the number's daily limit, a number in the blacklist, no balance) is {@link Rejected}.
 */
public final class TencentSms implements SmsGateway {
    public static final String SERVICE = "sms";
    public static final String ACTION = "SendSms";
    public static final String VERSION = "2021-01-11";
    static final String CONTENT_TYPE = "application/json; charset=utf-8";
    /** As WeChat's: a batch of ten must fit the consumer's 30 s even when the provider hangs. */
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final URI endpoint;
    private final String region;
    private final String sdkAppId;
    private final String signName;
    private final Supplier<TencentCredentials> credentials;
    private final Clock clock;

    public TencentSms(String endpoint, String region, String sdkAppId, String signName, Supplier<TencentCredentials> credentials,
                      Clock clock) {
        this.endpoint = URI.create(endpoint.endsWith("/") ? endpoint : endpoint + "/");
        this.region = region;
        this.sdkAppId = sdkAppId;
        this.signName = signName;
        this.credentials = credentials;
        this.clock = clock;
    }

    /** The Host header as HttpURLConnection sends it: with the port when it is not the scheme's. */
    static String host(URI uri) {
        return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }

    /** The body of SendSms for one mainland number (E.164: +86 and the 11 digits). */
    String body(Message m) {
        ObjectNode b = Json.object();
        b.putArray("PhoneNumberSet").add("+86" + m.phone());
        b.put("SmsSdkAppId", sdkAppId).put("SignName", signName).put("TemplateId", m.templateId());
        var params = b.putArray("TemplateParamSet");
        m.params().forEach(params::add);
        if (m.context() != null) b.put("SessionContext", m.context());
        return Json.write(b);
    }

    /** The headers of the call, Authorization included, signed at {@code timestamp}. */
    Map<String, String> headers(String payload, long timestamp, TencentCredentials c) {
        Map<String, String> signed = new LinkedHashMap<>();
        signed.put("Content-Type", CONTENT_TYPE);
        signed.put("Host", host(endpoint));
        signed.put("X-TC-Action", ACTION);
        Map<String, String> all = new LinkedHashMap<>(signed);
        all.put("X-TC-Version", VERSION);
        all.put("X-TC-Timestamp", Long.toString(timestamp));
        all.put("X-TC-Region", region);
        all.put("Authorization", Tc3Signer.authorization(c.secretId(), c.secretKey(), SERVICE, timestamp,
                new Tc3Signer.Request("POST", signed, payload)));
        return all;
    }

    @Override
    public Result send(Message m) {
        String payload = body(m);
        JsonNode r = post(payload, headers(payload, clock.instant().getEpochSecond(), credentials.get())).path("Response");
        JsonNode error = r.path("Error");
        if (!error.isMissingNode()) return callFailed(error.path("Code").asText(""));
        JsonNode status = r.path("SendStatusSet").path(0);
        if (status.isMissingNode()) throw new ExternalServiceFailed("SMS_BAD_RESPONSE", "The SMS provider answered without a send status.");
        return classify(status.path("Code").asText(""), status.path("SerialNo").asText(""));
    }

    /** What a number's send status means. */
    static Result classify(String code, String serialNo) {
        if (code.equalsIgnoreCase("Ok")) return new Sent(serialNo);
        if (code.equals("LimitExceeded.PhoneNumberThirtySecondLimit") || code.equals("LimitExceeded.PhoneNumberOneHourLimit")
                || code.startsWith("InternalError") || code.startsWith("RequestLimitExceeded")) {
            return new Throttled(code);
        }
        return new Rejected(code);
    }

    /** What an error of the whole call means. */
    static Result callFailed(String code) {
        if (code.startsWith("AuthFailure")) {
            Log.error("sms.auth_failed", null, "code", code);
            throw new ExternalServiceFailed("SMS_AUTH_FAILED", "The SMS provider refused our credentials (" + code + ").");
        }
        return classify(code, null);
    }

    private JsonNode post(String payload, Map<String, String> headers) {
        HttpURLConnection conn = null;
        try {
            HttpURLConnection c = (HttpURLConnection) endpoint.toURL().openConnection();
            conn = c;
            conn.setConnectTimeout((int) TIMEOUT.toMillis());
            conn.setReadTimeout((int) TIMEOUT.toMillis());
            byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
            conn.setRequestMethod("POST");
            conn.setDoOutput(true);
            // Host is set by the connection itself (restricted header); host() computes the same value for the signature.
            headers.forEach((k, v) -> {
                if (!k.equals("Host")) c.setRequestProperty(k, v);
            });
            conn.setFixedLengthStreamingMode(bytes.length);
            try (OutputStream out = conn.getOutputStream()) {
                out.write(bytes);
            }
            int status = conn.getResponseCode();
            if (status != 200) throw new ExternalServiceFailed("SMS_UNREACHABLE", "The SMS provider answered HTTP " + status + ".");
            try (InputStream in = conn.getInputStream()) {
                return Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException | Json.MalformedJson e) {
            throw new ExternalServiceFailed("SMS_UNREACHABLE", "The SMS provider could not be reached.");
        } finally {
            if (conn != null) conn.disconnect();
        }
    }
}
