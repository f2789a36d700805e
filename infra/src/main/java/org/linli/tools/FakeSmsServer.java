package org.linli.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.linli.adapters.tencent.Tc3Signer;
import org.linli.json.Json;

/**
 * A stand-in for Tencent Cloud SMS's API 3.0 endpoint ({@code SendSms}, version 2021-01-11) on
 * 127.0.0.1, so that the SMS fallback runs locally without the internet. Like Tencent it checks
 * every request before anything else: the Authorization header's TC3-HMAC-SHA256 signature,
 * recomputed from the request as it arrived (its signed headers, its body) with the key pair it
 * knows ({@link #SECRET_ID}); the credential scope's date and service; the timestamp within five
 * minutes of the local cloud's clock; action and version. It answers in Tencent's shapes
 * ({@code Response.Error} for a bad call, {@code SendStatusSet} per number), records each message
 * it accepted, and can be told to fail the next send to a number with any code ({@link #failNextFor}).
 *
 * <p>It records the numbers: it plays the provider, who must know them. Nothing here is logged.
 */
public final class FakeSmsServer implements AutoCloseable {
    public static final String SECRET_ID = "AKIDlocalsms0000000000000000000000";
    public static final String SECRET_KEY = "local-sms-secret-key";
    public static final String SDK_APP_ID = "1400000001";
    public static final String SIGN_NAME = "邻里服务";
    /** The local template ids of case.accepted, case.fed_back and case.closed. */
    public static final String TEMPLATE_ACCEPTED = "2000001";
    public static final String TEMPLATE_FED_BACK = "2000002";
    public static final String TEMPLATE_CLOSED = "2000003";

    private static final Pattern AUTHORIZATION = Pattern.compile(
            "TC3-HMAC-SHA256 Credential=([^/]+)/(\\d{4}-\\d{2}-\\d{2})/([a-z]+)/tc3_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})");

    /** One message accepted: to whom (11 digits), which template, its parameters, the sign, the session context, when. */
    public record Message(String phone, String templateId, List<String> params, String signName, String context, Instant at) {}

    /** One request refused, with Tencent's error code (a wrong signature, a stale timestamp, ...). */
    public record Refusal(String code, String message) {}

    private final HttpServer server;
    private final List<Message> messages = new ArrayList<>();
    private final List<Refusal> refusals = new ArrayList<>();
    private final Map<String, Deque<String>> failuresFor = new ConcurrentHashMap<>();
    private final AtomicLong serials = new AtomicLong();
    private volatile Supplier<Instant> clock = Instant::now;

    public FakeSmsServer(int port) throws IOException {
        server = org.linli.local.LocalHttpServers.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "fake-sms");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Whose "now" the timestamp window is judged by: the local cloud's clock (tests move it). */
    public void clock(Supplier<Instant> clock) {
        this.clock = clock;
    }

    /** The next send to {@code phone} (11 digits) answers {@code code} in its send status (stackable), e.g. LimitExceeded.PhoneNumberDailyLimit. */
    public void failNextFor(String phone, String code) {
        failuresFor.computeIfAbsent(phone, k -> new ArrayDeque<>()).add(code);
    }

    public synchronized List<Message> messages() {
        return List.copyOf(messages);
    }

    /** The messages accepted for one number, in order. */
    public synchronized List<Message> messagesTo(String phone) {
        return messages.stream().filter(m -> m.phone().equals(phone)).toList();
    }

    public synchronized List<Refusal> refusals() {
        return List.copyOf(refusals);
    }

    public synchronized void reset() {
        messages.clear();
        refusals.clear();
        failuresFor.clear();
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            ObjectNode answer = answer(ex, body);
            byte[] bytes = Json.write(answer).getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, bytes.length); // Tencent answers 200 with an Error object for refused calls
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        } finally {
            ex.close();
        }
    }

    private ObjectNode answer(HttpExchange ex, String body) {
        String requestId = UUID.randomUUID().toString();
        if (!"POST".equals(ex.getRequestMethod())) return error(requestId, "InvalidParameter", "POST only.");
        String refused = checkSignature(ex, body);
        if (refused != null) return error(requestId, refused.substring(0, refused.indexOf(' ')), refused.substring(refused.indexOf(' ') + 1));
        String action = ex.getRequestHeaders().getFirst("X-TC-Action");
        if (!"SendSms".equals(action)) return error(requestId, "InvalidAction", "Action " + action + " does not exist.");
        if (!"2021-01-11".equals(ex.getRequestHeaders().getFirst("X-TC-Version"))) {
            return error(requestId, "NoSuchVersion", "Version " + ex.getRequestHeaders().getFirst("X-TC-Version") + " does not exist.");
        }
        if (ex.getRequestHeaders().getFirst("X-TC-Region") == null) return error(requestId, "MissingParameter", "X-TC-Region is missing.");
        JsonNode req;
        try {
            req = Json.parse(body);
        } catch (Json.MalformedJson e) {
            return error(requestId, "FailedOperation.FailResolvePacket", "The request body is no JSON.");
        }
        if (!SDK_APP_ID.equals(req.path("SmsSdkAppId").asText())) {
            return error(requestId, "InvalidParameterValue.SdkAppIdNotExist", "SdkAppId does not exist.");
        }
        String sign = req.path("SignName").asText("");
        String template = req.path("TemplateId").asText("");
        if (!sign.equals(SIGN_NAME)) return error(requestId, "FailedOperation.SignatureIncorrectOrUnapproved", "Sign not approved.");
        if (!List.of(TEMPLATE_ACCEPTED, TEMPLATE_FED_BACK, TEMPLATE_CLOSED).contains(template)) {
            return error(requestId, "FailedOperation.TemplateIncorrectOrUnapproved", "Template not approved.");
        }
        List<String> params = new ArrayList<>();
        req.path("TemplateParamSet").forEach(p -> params.add(p.asText()));
        String context = req.path("SessionContext").asText("");
        ObjectNode root = Json.object();
        ObjectNode response = root.putObject("Response");
        ArrayNode statuses = response.putArray("SendStatusSet");
        for (JsonNode number : req.path("PhoneNumberSet")) {
            String e164 = number.asText();
            String phone = e164.startsWith("+86") ? e164.substring(3) : e164;
            ObjectNode s = statuses.addObject().put("PhoneNumber", e164).put("SessionContext", context).put("IsoCode", "CN");
            Deque<String> failures = failuresFor.get(phone);
            String code = failures == null ? null : failures.poll();
            if (code == null && !phone.matches("1[3-9]\\d{9}")) code = "InvalidParameterValue.IncorrectPhoneNumber";
            if (code != null) {
                s.put("SerialNo", "").put("Fee", 0).put("Code", code).put("Message", code);
                continue;
            }
            String serial = "5000:" + serials.incrementAndGet();
            s.put("SerialNo", serial).put("Fee", 1).put("Code", "Ok").put("Message", "send success");
            synchronized (this) {
                messages.add(new Message(phone, template, List.copyOf(params), sign, context, clock.get()));
            }
        }
        response.put("RequestId", requestId);
        return root;
    }

    /** Null when the TC3 signature holds, else "Code message". */
    private String checkSignature(HttpExchange ex, String body) {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        Matcher m = auth == null ? null : AUTHORIZATION.matcher(auth);
        if (m == null || !m.matches()) return refuse("AuthFailure.InvalidAuthorization", "Authorization is not TC3-HMAC-SHA256.");
        if (!SECRET_ID.equals(m.group(1))) return refuse("AuthFailure.SecretIdNotFound", "The SecretId does not exist.");
        long timestamp;
        try {
            timestamp = Long.parseLong(ex.getRequestHeaders().getFirst("X-TC-Timestamp"));
        } catch (NumberFormatException e) {
            return refuse("AuthFailure.InvalidAuthorization", "X-TC-Timestamp is missing.");
        }
        if (Math.abs(clock.get().getEpochSecond() - timestamp) > 300) {
            return refuse("AuthFailure.SignatureExpire", "The timestamp is more than five minutes off.");
        }
        if (!(m.group(2) + "/" + m.group(3) + "/tc3_request").equals(Tc3Signer.credentialScope(timestamp, "sms"))) {
            return refuse("AuthFailure.SignatureFailure", "The credential scope is not <UTC date>/sms/tc3_request.");
        }
        Map<String, String> signed = new LinkedHashMap<>();
        for (String name : m.group(4).split(";")) {
            String value = ex.getRequestHeaders().getFirst(name);
            if (value == null) return refuse("AuthFailure.SignatureFailure", "A signed header is missing: " + name);
            signed.put(name, value);
        }
        if (!signed.containsKey("content-type") || !signed.containsKey("host")) {
            return refuse("AuthFailure.SignatureFailure", "content-type and host must be signed.");
        }
        String expected = Tc3Signer.signature(SECRET_KEY, timestamp, "sms",
                Tc3Signer.stringToSign(timestamp, "sms", Tc3Signer.canonicalRequest(new Tc3Signer.Request("POST", signed, body))));
        if (!expected.equals(m.group(5))) return refuse("AuthFailure.SignatureFailure", "The signature does not match.");
        return null;
    }

    private synchronized String refuse(String code, String message) {
        refusals.add(new Refusal(code, message));
        return code + " " + message;
    }

    private static ObjectNode error(String requestId, String code, String message) {
        ObjectNode root = Json.object();
        ObjectNode r = root.putObject("Response");
        r.putObject("Error").put("Code", code).put("Message", message);
        r.put("RequestId", requestId);
        return root;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
