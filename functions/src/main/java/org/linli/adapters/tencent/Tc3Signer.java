package org.linli.adapters.tencent;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.linli.core.Digests;

/**
 * Tencent Cloud API 3.0's request signature, TC3-HMAC-SHA256, step by step as Tencent documents it
 * ("Signature v3"): the canonical request (method, URI "/", the empty query of a POST, the signed
 * headers lower-cased, trimmed and sorted, their names, the payload's SHA-256), the string to sign
 * (algorithm, timestamp, credential scope {@code <UTC date>/<service>/tc3_request}, the canonical
 * request's SHA-256), the key derived from the secret key through the date, service and
 * "tc3_request", and the Authorization header. Each step is its own method so that
 * {@code Tc3SignerTest} can hold it against the values Tencent publishes. Used by the adapter to
 * sign and by the local fake server to check.
 */
public final class Tc3Signer {
    public static final String ALGORITHM = "TC3-HMAC-SHA256";

    private Tc3Signer() {}

    /** The request as it will be sent: the headers to sign by name (any case), the JSON body. */
    public record Request(String method, Map<String, String> headers, String payload) {}

    /** The canonical request of a call to "/" with no query string. */
    public static String canonicalRequest(Request r) {
        TreeMap<String, String> h = canonical(r.headers());
        StringBuilder headers = new StringBuilder();
        h.forEach((k, v) -> headers.append(k).append(':').append(v).append('\n'));
        return r.method() + "\n/\n\n" + headers + "\n" + String.join(";", h.keySet()) + "\n" + sha256Hex(r.payload());
    }

    /** The signed headers' names, lower case, sorted, ';'-separated. */
    public static String signedHeaders(Map<String, String> headers) {
        return String.join(";", canonical(headers).keySet());
    }

    private static TreeMap<String, String> canonical(Map<String, String> headers) {
        TreeMap<String, String> h = new TreeMap<>();
        headers.forEach((k, v) -> h.put(k.trim().toLowerCase(Locale.ROOT), v.trim().toLowerCase(Locale.ROOT)));
        return h;
    }

    /** {@code <UTC date of the timestamp>/<service>/tc3_request}: the UTC date, never Beijing's (Tencent's own warning). */
    public static String credentialScope(long timestamp, String service) {
        return date(timestamp) + "/" + service + "/tc3_request";
    }

    static String date(long timestamp) {
        return LocalDate.ofInstant(Instant.ofEpochSecond(timestamp), ZoneOffset.UTC).toString();
    }

    public static String stringToSign(long timestamp, String service, String canonicalRequest) {
        return ALGORITHM + "\n" + timestamp + "\n" + credentialScope(timestamp, service) + "\n" + sha256Hex(canonicalRequest);
    }

    /** HexEncode(HMAC(SecretSigning, StringToSign)), SecretSigning derived from "TC3" + secretKey through date, service, "tc3_request". */
    public static String signature(String secretKey, long timestamp, String service, String stringToSign) {
        byte[] secretDate = hmac(("TC3" + secretKey).getBytes(StandardCharsets.UTF_8), date(timestamp));
        byte[] secretService = hmac(secretDate, service);
        byte[] secretSigning = hmac(secretService, "tc3_request");
        return java.util.HexFormat.of().formatHex(hmac(secretSigning, stringToSign));
    }

    /** The Authorization header of {@code r}, signed at {@code timestamp} for {@code service}. */
    public static String authorization(String secretId, String secretKey, String service, long timestamp, Request r) {
        String signature = signature(secretKey, timestamp, service, stringToSign(timestamp, service, canonicalRequest(r)));
        return ALGORITHM + " Credential=" + secretId + "/" + credentialScope(timestamp, service) + ", SignedHeaders="
                + signedHeaders(r.headers()) + ", Signature=" + signature;
    }

    public static String sha256Hex(String s) {
        return Digests.sha256Hex(s);
    }

    private static byte[] hmac(byte[] key, String message) {
        return Digests.hmacSha256(key, message);
    }
}
