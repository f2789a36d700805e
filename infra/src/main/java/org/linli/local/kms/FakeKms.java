package org.linli.local.kms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.linli.adapters.s3.SigV4Signer;
import org.linli.local.awsjson.AwsJsonServer;
import org.linli.local.template.KeyDef;

/**
 * KMS on 127.0.0.1 for the template's AWS::KMS::Key resources: POST with
 * {@code X-Amz-Target: TrentService.<Operation>} and an {@code application/x-amz-json-1.1} body,
 * signed with SigV4 by the local credentials (the signature is checked, as KMS does). Serves
 * GenerateDataKey, Decrypt, Encrypt and DescribeKey; errors in the AWS JSON shape
 * ({@code __type}). A ciphertext blob names its key (as KMS's do) and is AES-256-GCM under the
 * key's local material, bound to the encryption context. The material is derived from the key's
 * ARN: stable across restarts of run-local with a data directory, and no secret - it is local.
 */
public final class FakeKms extends AwsJsonServer {
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final byte[] MAGIC = "LKMS".getBytes(StandardCharsets.US_ASCII);

    private final Map<String, KeyDef> byIdOrArn = new LinkedHashMap<>();
    private final String region;
    private final String accessKey;
    private final String secretKey;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, AtomicLong> calls = new java.util.concurrent.ConcurrentHashMap<>();

    public FakeKms(Collection<KeyDef> keys, String region, String accessKey, String secretKey) throws IOException {
        super("local-kms");
        for (KeyDef k : keys) {
            byIdOrArn.put(k.keyId(), k);
            byIdOrArn.put(k.arn(), k);
        }
        this.region = region;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    /** Calls served so far, by operation (for the call budgets). */
    public long calls(String operation) {
        AtomicLong n = calls.get(operation);
        return n == null ? 0 : n.get();
    }

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            if (!"POST".equals(exchange.getRequestMethod()) || target == null || !target.startsWith("TrentService.")) {
                error(exchange, 400, "InvalidRequestException", "expected a POST with X-Amz-Target: TrentService.<Operation>");
                return;
            }
            String problem = signatureProblem(exchange, body);
            if (problem != null) {
                error(exchange, 403, problem.startsWith("missing") ? "MissingAuthenticationTokenException" : "InvalidSignatureException", problem);
                return;
            }
            JsonNode request = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
            String operation = target.substring("TrentService.".length());
            calls.computeIfAbsent(operation, k -> new AtomicLong()).incrementAndGet();
            switch (operation) {
                case "GenerateDataKey" -> generateDataKey(exchange, request);
                case "Encrypt" -> encrypt(exchange, request);
                case "Decrypt" -> decrypt(exchange, request);
                case "DescribeKey" -> describe(exchange, request);
                default -> error(exchange, 400, "UnsupportedOperationException", "the local KMS does not implement " + operation);
            }
        } catch (IOException | RuntimeException e) {
            error(exchange, 500, "KMSInternalException", String.valueOf(e.getMessage()));
        }
    }

    /** Recomputes the request's SigV4 signature with the local credentials: a mistake in the functions' signer fails here. */
    private String signatureProblem(HttpExchange exchange, byte[] body) {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        String date = exchange.getRequestHeaders().getFirst("X-Amz-Date");
        if (auth == null || date == null) return "missing Authorization or X-Amz-Date";
        int signedAt = auth.indexOf("SignedHeaders=");
        int sigAt = auth.indexOf("Signature=");
        if (!auth.startsWith("AWS4-HMAC-SHA256 Credential=" + accessKey + "/") || signedAt < 0 || sigAt < 0) {
            return "the request is not signed by the local credentials";
        }
        String names = auth.substring(signedAt + "SignedHeaders=".length(), auth.indexOf(',', signedAt));
        Map<String, String> headers = new TreeMap<>();
        for (String name : names.split(";")) {
            if (name.equals("host") || name.equals("x-amz-date") || name.equals("x-amz-security-token")) continue;
            String v = exchange.getRequestHeaders().getFirst(name);
            if (v == null) return "signed header " + name + " is missing";
            headers.put(name, v);
        }
        String host = exchange.getRequestHeaders().getFirst("Host");
        URI uri = URI.create("http://" + host + exchange.getRequestURI().getRawPath());
        Instant at = AMZ_DATE.parse(date, Instant::from);
        String token = exchange.getRequestHeaders().getFirst("X-Amz-Security-Token");
        String expected = SigV4Signer.authorizationHeaders("POST", uri, headers, body, region, "kms",
                new SigV4Signer.Credentials(accessKey, secretKey, token), at).get("Authorization");
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), auth.getBytes(StandardCharsets.UTF_8))
                ? null : "the signature does not match";
    }

    private KeyDef key(String given) {
        if (given == null) return null;
        String id = given.startsWith("alias/") ? null : given;
        return id == null ? null : byIdOrArn.get(id);
    }

    private void generateDataKey(HttpExchange exchange, JsonNode request) throws IOException {
        KeyDef k = key(request.path("KeyId").asText(null));
        if (k == null) {
            error(exchange, 400, "NotFoundException", "Key '" + request.path("KeyId").asText("") + "' does not exist");
            return;
        }
        if (!k.enabled()) {
            error(exchange, 400, "DisabledException", k.arn() + " is disabled.");
            return;
        }
        int bytes = request.has("NumberOfBytes") ? request.path("NumberOfBytes").asInt() : "AES_128".equals(request.path("KeySpec").asText()) ? 16 : 32;
        byte[] plain = new byte[bytes];
        random.nextBytes(plain);
        ObjectNode out = JSON.createObjectNode();
        out.put("KeyId", k.arn());
        out.put("Plaintext", Base64.getEncoder().encodeToString(plain));
        out.put("CiphertextBlob", Base64.getEncoder().encodeToString(seal(k, plain, request.path("EncryptionContext"))));
        send(exchange, 200, out, null);
    }

    private void encrypt(HttpExchange exchange, JsonNode request) throws IOException {
        KeyDef k = key(request.path("KeyId").asText(null));
        if (k == null || !k.enabled()) {
            error(exchange, 400, k == null ? "NotFoundException" : "DisabledException", "no usable key");
            return;
        }
        ObjectNode out = JSON.createObjectNode();
        out.put("KeyId", k.arn());
        out.put("CiphertextBlob", Base64.getEncoder().encodeToString(seal(k,
                Base64.getDecoder().decode(request.path("Plaintext").asText()), request.path("EncryptionContext"))));
        send(exchange, 200, out, null);
    }

    private void decrypt(HttpExchange exchange, JsonNode request) throws IOException {
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(request.path("CiphertextBlob").asText(""));
        } catch (IllegalArgumentException e) {
            error(exchange, 400, "InvalidCiphertextException", "the ciphertext is not base64");
            return;
        }
        ByteBuffer b = ByteBuffer.wrap(blob);
        if (blob.length < MAGIC.length + 2 + 12 + 16 || !java.util.Arrays.equals(java.util.Arrays.copyOf(blob, MAGIC.length), MAGIC)) {
            error(exchange, 400, "InvalidCiphertextException", "not a ciphertext of this KMS");
            return;
        }
        b.position(MAGIC.length);
        byte[] arn = new byte[b.getShort()];
        b.get(arn);
        KeyDef k = byIdOrArn.get(new String(arn, StandardCharsets.UTF_8));
        String asked = request.path("KeyId").asText(null);
        if (k == null || (asked != null && key(asked) != k)) {
            error(exchange, 400, "IncorrectKeyException", "the ciphertext was not made with the key given");
            return;
        }
        if (!k.enabled()) {
            error(exchange, 400, "DisabledException", k.arn() + " is disabled.");
            return;
        }
        byte[] rest = new byte[b.remaining()];
        b.get(rest);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, material(k), new GCMParameterSpec(128, rest, 0, 12));
            c.updateAAD(context(request.path("EncryptionContext")));
            byte[] plain = c.doFinal(rest, 12, rest.length - 12);
            ObjectNode out = JSON.createObjectNode();
            out.put("KeyId", k.arn());
            out.put("Plaintext", Base64.getEncoder().encodeToString(plain));
            send(exchange, 200, out, null);
        } catch (GeneralSecurityException e) {
            // A wrong encryption context or a changed blob: KMS answers InvalidCiphertextException for both.
            error(exchange, 400, "InvalidCiphertextException", "the ciphertext or its encryption context does not match");
        }
    }

    private void describe(HttpExchange exchange, JsonNode request) throws IOException {
        KeyDef k = key(request.path("KeyId").asText(null));
        if (k == null) {
            error(exchange, 400, "NotFoundException", "Key does not exist");
            return;
        }
        ObjectNode out = JSON.createObjectNode();
        ObjectNode meta = out.putObject("KeyMetadata");
        meta.put("KeyId", k.keyId()).put("Arn", k.arn()).put("Enabled", k.enabled()).put("KeyState", k.enabled() ? "Enabled" : "Disabled")
                .put("KeySpec", "SYMMETRIC_DEFAULT").put("KeyUsage", "ENCRYPT_DECRYPT");
        send(exchange, 200, out, null);
    }

    private byte[] seal(KeyDef k, byte[] plain, JsonNode context) {
        try {
            byte[] iv = new byte[12];
            random.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, material(k), new GCMParameterSpec(128, iv));
            c.updateAAD(context(context));
            byte[] ct = c.doFinal(plain);
            byte[] arn = k.arn().getBytes(StandardCharsets.UTF_8);
            return ByteBuffer.allocate(MAGIC.length + 2 + arn.length + iv.length + ct.length)
                    .put(MAGIC).putShort((short) arn.length).put(arn).put(iv).put(ct).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The encryption context in a canonical form (sorted pairs): what the ciphertext is bound to. */
    private static byte[] context(JsonNode context) {
        TreeMap<String, String> sorted = new TreeMap<>();
        if (context != null && context.isObject()) context.fields().forEachRemaining(e -> sorted.put(e.getKey(), e.getValue().asText()));
        return sorted.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static SecretKeySpec material(KeyDef k) {
        try {
            return new SecretKeySpec(MessageDigest.getInstance("SHA-256").digest(("linli-local-kms/" + k.arn()).getBytes(StandardCharsets.UTF_8)), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
