package org.linli.local.s3;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.domain.Blob;

/**
 * Presigned GETs (query-string Signature Version 4), answered by the local S3 itself: S3Proxy
 * checks a presigned URL's date and expiry against the machine's clock, the functions sign with the
 * local cloud's (which may stand weeks away). Checked as S3 does, against the local clock: the
 * algorithm, the credential's region and date, the signature over the canonical request (host
 * the only signed header, unsigned payload), X-Amz-Expires at most 7 days and not passed.
 */
final class PresignedGet {
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private final BlobStore store;
    private final Map<String, String> secrets;
    private final String region;
    private final Clock clock;

    PresignedGet(BlobStore store, Map<String, String> secrets, String region, Clock clock) {
        this.store = store;
        this.secrets = secrets;
        this.region = region;
        this.clock = clock;
    }

    static boolean isPresignedGet(HttpServletRequest request, String[] path) {
        return (request.getMethod().equals("GET") || request.getMethod().equals("HEAD")) && path.length == 3 && !path[2].isEmpty()
                && request.getParameter("X-Amz-Signature") != null;
    }

    void handle(HttpServletRequest request, HttpServletResponse response, String bucket, String key, String requestId) throws IOException {
        Optional<S3Error> refused = authenticate(request);
        if (refused.isPresent()) {
            refused.get().write(response, requestId);
            return;
        }
        Blob blob = store.blobExists(bucket, key) ? store.getBlob(bucket, key) : null;
        if (blob == null) {
            new S3Error(404, "NoSuchKey", "The specified key does not exist.").write(response, requestId);
            return;
        }
        var meta = blob.getMetadata().getContentMetadata();
        response.setStatus(200);
        response.setContentType(meta.getContentType() == null ? "binary/octet-stream" : meta.getContentType());
        if (meta.getContentLength() != null) response.setContentLengthLong(meta.getContentLength());
        if (blob.getMetadata().getETag() != null) response.setHeader("ETag", "\"" + S3Events.unquote(blob.getMetadata().getETag()) + "\"");
        response.setHeader("x-amz-request-id", requestId);
        if (request.getMethod().equals("HEAD")) return;
        try (InputStream in = blob.getPayload().openStream()) {
            in.transferTo(response.getOutputStream());
        }
    }

    private Optional<S3Error> authenticate(HttpServletRequest request) {
        if (!"AWS4-HMAC-SHA256".equals(request.getParameter("X-Amz-Algorithm"))) {
            return Optional.of(S3Error.badRequest("AuthorizationQueryParametersError", "X-Amz-Algorithm only supports \"AWS4-HMAC-SHA256\""));
        }
        String credential = request.getParameter("X-Amz-Credential");
        String date = request.getParameter("X-Amz-Date");
        String expires = request.getParameter("X-Amz-Expires");
        String[] scope = credential == null ? new String[0] : credential.split("/");
        if (scope.length != 5 || date == null || expires == null || !"host".equals(request.getParameter("X-Amz-SignedHeaders"))) {
            return Optional.of(S3Error.badRequest("AuthorizationQueryParametersError", "Query-string authentication version 4 requires the"
                    + " X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders (host here) and X-Amz-Expires parameters."));
        }
        if (!scope[2].equals(region) || !scope[3].equals("s3") || !scope[4].equals("aws4_request") || !date.startsWith(scope[1])) {
            return Optional.of(S3Error.badRequest("AuthorizationQueryParametersError", "Error parsing the X-Amz-Credential parameter;"
                    + " expecting <key>/<date of X-Amz-Date>/" + region + "/s3/aws4_request"));
        }
        Instant signedAt;
        long seconds;
        try {
            signedAt = Instant.from(AMZ_DATE.parse(date));
            seconds = Long.parseLong(expires);
        } catch (DateTimeParseException | NumberFormatException e) {
            return Optional.of(S3Error.badRequest("AuthorizationQueryParametersError", "X-Amz-Date or X-Amz-Expires is malformed"));
        }
        if (seconds < 1 || seconds > 604_800) {
            return Optional.of(S3Error.badRequest("AuthorizationQueryParametersError", "X-Amz-Expires must be between 1 and 604800 seconds"));
        }
        Instant now = clock.instant();
        if (now.isAfter(signedAt.plusSeconds(seconds))) return Optional.of(S3Error.accessDenied("Request has expired"));
        if (signedAt.isAfter(now.plusSeconds(900))) return Optional.of(S3Error.accessDenied("Request is not valid yet"));
        String secret = secrets.get(scope[0]);
        if (secret == null) {
            return Optional.of(new S3Error(403, "InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records."));
        }
        // the canonical query: every parameter but the signature, by name, encoded as SigV4 encodes
        TreeMap<String, String> params = new TreeMap<>();
        for (String pair : request.getQueryString().split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            if (!name.equals("X-Amz-Signature")) params.put(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        List<String> pairs = new ArrayList<>();
        params.forEach((k, v) -> pairs.add(encode(k) + "=" + encode(v)));
        String canonical = request.getMethod() + "\n" + request.getRequestURI() + "\n" + String.join("&", pairs) + "\nhost:"
                + request.getHeader("Host") + "\n\nhost\nUNSIGNED-PAYLOAD";
        String toSign = "AWS4-HMAC-SHA256\n" + date + "\n" + String.join("/", scope[1], scope[2], scope[3], scope[4]) + "\n"
                + HexFormat.of().formatHex(sha256(canonical));
        byte[] k = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), scope[1]);
        for (String part : new String[] {scope[2], scope[3], scope[4]}) k = hmac(k, part);
        byte[] expected = HexFormat.of().formatHex(hmac(k, toSign)).getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, request.getParameter("X-Amz-Signature").toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8))) {
            return Optional.of(new S3Error(403, "SignatureDoesNotMatch", "The request signature we calculated does not match the"
                    + " signature you provided. Check your key and signing method."));
        }
        return Optional.empty();
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String encode(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_' || c == '.' || c == '~') out.append((char) c);
            else out.append('%').append(String.format("%02X", c));
        }
        return out.toString();
    }

    private static byte[] sha256(String s) {
        return org.linli.adapters.s3.SigV4Signer.sha256(s);
    }

    private static byte[] hmac(byte[] key, String data) {
        return org.linli.adapters.s3.SigV4Signer.hmac(key, data);
    }
}
