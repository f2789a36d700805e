package org.linli.adapters.s3;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.linli.core.Digests;
import org.linli.photos.PhotoSigner;

/**
 * Signature Version 4 for the photo bucket, written from S3's documentation ("Authenticating
 * Requests: Using Query Parameters" and "Browser-Based Uploads Using POST"): presigned GET URLs and
 * POST policies. Hand-written rather than the SDK's S3Presigner: a presigner costs 150-200 ms to build
 * and 0.4-0.55 s for its first URL on a cold function, this 0.09 ms (docs/performance.md), and
 * the SDK signs no POST policy at all. {@code bucketUrl} is the bucket's base URL: virtual-hosted
 * on AWS ({@code https://<bucket>.s3.<region>.amazonaws.com.cn}), path-style locally
 * ({@code http://127.0.0.1:<port>/<bucket>}).
 */
public final class SigV4Signer implements PhotoSigner {
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String ALGORITHM = "AWS4-HMAC-SHA256";

    /** What a signature is made with; {@code sessionToken} null for long-term keys. */
    public record Credentials(String accessKeyId, String secretKey, String sessionToken) {}

    private final URI bucketUrl;
    private final String bucket;
    private final String region;
    private final Supplier<Credentials> credentials;
    private final Clock clock;

    public SigV4Signer(URI bucketUrl, String bucket, String region, Supplier<Credentials> credentials, Clock clock) {
        this.bucketUrl = bucketUrl;
        this.bucket = bucket;
        this.region = region;
        this.credentials = credentials;
        this.clock = clock;
    }

    /** The bucket's URL on AWS: virtual-hosted, over HTTPS, in the partition's domain. */
    public static URI awsBucketUrl(String bucket, String region) {
        return URI.create("https://" + bucket + ".s3." + region + (region.startsWith("cn-") ? ".amazonaws.com.cn" : ".amazonaws.com"));
    }

    @Override
    public String downloadUrl(String key, Instant expiresAt) {
        Instant now = clock.instant();
        long seconds = Math.max(1, (Duration.between(now, expiresAt).toMillis() + 999) / 1000); // whole seconds, rounded up
        return presignGet(key, now, seconds);
    }

    /** A presigned GET of {@code key}, signed at {@code at}, valid {@code seconds}. */
    String presignGet(String key, Instant at, long seconds) {
        Credentials c = credentials.get();
        String date = AMZ_DATE.format(at);
        String scope = date.substring(0, 8) + "/" + region + "/s3/aws4_request";
        String path = (bucketUrl.getRawPath() == null ? "" : bucketUrl.getRawPath()) + "/" + encode(key, false);
        TreeMap<String, String> query = new TreeMap<>();
        query.put("X-Amz-Algorithm", ALGORITHM);
        query.put("X-Amz-Credential", c.accessKeyId() + "/" + scope);
        query.put("X-Amz-Date", date);
        query.put("X-Amz-Expires", Long.toString(seconds));
        if (c.sessionToken() != null) query.put("X-Amz-Security-Token", c.sessionToken());
        query.put("X-Amz-SignedHeaders", "host");
        List<String> pairs = new ArrayList<>();
        query.forEach((k, v) -> pairs.add(encode(k, true) + "=" + encode(v, true)));
        String canonicalQuery = String.join("&", pairs);
        String canonical = "GET\n" + path + "\n" + canonicalQuery + "\nhost:" + bucketUrl.getRawAuthority() + "\n\nhost\nUNSIGNED-PAYLOAD";
        String toSign = ALGORITHM + "\n" + date + "\n" + scope + "\n" + hex(sha256(canonical));
        String signature = hex(hmac(signingKey(c.secretKey(), date.substring(0, 8)), toSign));
        return bucketUrl.getScheme() + "://" + bucketUrl.getRawAuthority() + path + "?" + canonicalQuery + "&X-Amz-Signature=" + signature;
    }

    @Override
    public UploadForm uploadForm(String key, String contentType, long maxBytes, Instant expiresAt) {
        return postPolicy(key, contentType, maxBytes, clock.instant(), expiresAt);
    }

    UploadForm postPolicy(String key, String contentType, long maxBytes, Instant at, Instant expiresAt) {
        Credentials c = credentials.get();
        String date = AMZ_DATE.format(at);
        String credential = c.accessKeyId() + "/" + date.substring(0, 8) + "/" + region + "/s3/aws4_request";
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("key", key);
        fields.put("Content-Type", contentType);
        fields.put("x-amz-algorithm", ALGORITHM);
        fields.put("x-amz-credential", credential);
        fields.put("x-amz-date", date);
        if (c.sessionToken() != null) fields.put("x-amz-security-token", c.sessionToken());
        StringBuilder policy = new StringBuilder("{\"expiration\":\"").append(expiresAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
                .append("\",\"conditions\":[{\"bucket\":\"").append(json(bucket)).append("\"}");
        fields.forEach((name, value) -> policy.append(",[\"eq\",\"$").append(name).append("\",\"").append(json(value)).append("\"]"));
        policy.append(",[\"content-length-range\",1,").append(maxBytes).append("]]}");
        String encoded = Base64.getEncoder().encodeToString(policy.toString().getBytes(StandardCharsets.UTF_8));
        fields.put("policy", encoded);
        fields.put("x-amz-signature", hex(hmac(signingKey(c.secretKey(), date.substring(0, 8)), encoded)));
        return new UploadForm(bucketUrl.toString(), fields);
    }

    /**
     * Signs a request in the Authorization header (SigV4 "Authenticating Requests: Using the
     * Authorization Header"): for AWS JSON APIs called over plain HTTP (KMS: adapters.kms). Returns
     * the headers to send besides {@code headers}: X-Amz-Date, X-Amz-Security-Token (temporary
     * credentials) and Authorization. {@code headers} are all signed (with host).
     */
    public static Map<String, String> authorizationHeaders(String method, URI uri, Map<String, String> headers, byte[] body,
                                                           String region, String service, Credentials c, Instant at) {
        String date = AMZ_DATE.format(at);
        String day = date.substring(0, 8);
        TreeMap<String, String> signed = new TreeMap<>();
        headers.forEach((k, v) -> signed.put(k.toLowerCase(java.util.Locale.ROOT), v.strip()));
        signed.put("host", uri.getRawAuthority());
        signed.put("x-amz-date", date);
        if (c.sessionToken() != null) signed.put("x-amz-security-token", c.sessionToken());
        StringBuilder canonicalHeaders = new StringBuilder();
        signed.forEach((k, v) -> canonicalHeaders.append(k).append(':').append(v).append('\n'));
        String signedNames = String.join(";", signed.keySet());
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String canonical = method + "\n" + path + "\n" + (uri.getRawQuery() == null ? "" : uri.getRawQuery()) + "\n"
                + canonicalHeaders + "\n" + signedNames + "\n" + hex(sha256(body));
        String scope = day + "/" + region + "/" + service + "/aws4_request";
        String toSign = ALGORITHM + "\n" + date + "\n" + scope + "\n" + hex(sha256(canonical));
        byte[] k = hmac(("AWS4" + c.secretKey()).getBytes(StandardCharsets.UTF_8), day);
        k = hmac(k, region);
        k = hmac(k, service);
        k = hmac(k, "aws4_request");
        Map<String, String> out = new LinkedHashMap<>();
        out.put("X-Amz-Date", date);
        if (c.sessionToken() != null) out.put("X-Amz-Security-Token", c.sessionToken());
        out.put("Authorization", ALGORITHM + " Credential=" + c.accessKeyId() + "/" + scope + ", SignedHeaders=" + signedNames
                + ", Signature=" + hex(hmac(k, toSign)));
        return out;
    }

    private static byte[] sha256(byte[] bytes) {
        return Digests.sha256(bytes);
    }

    private byte[] signingKey(String secret, String day) {
        byte[] k = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), day);
        k = hmac(k, region);
        k = hmac(k, "s3");
        return hmac(k, "aws4_request");
    }

    private static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** RFC 3986 encoding as SigV4 wants it: unreserved characters kept, '/' kept in paths. */
    static String encode(String s, boolean slash) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char ch = (char) (b & 0xFF);
            if ((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '_' || ch == '.'
                    || ch == '~' || (ch == '/' && !slash)) {
                out.append(ch);
            } else {
                out.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return out.toString();
    }

    /** SHA-256 of a string's UTF-8 bytes (also the local S3's check of presigned GETs). */
    public static byte[] sha256(String s) {
        return Digests.sha256(s);
    }

    /** HMAC-SHA256 of a string's UTF-8 bytes (also the local S3's check of presigned GETs). */
    public static byte[] hmac(byte[] key, String data) {
        return Digests.hmacSha256(key, data);
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
