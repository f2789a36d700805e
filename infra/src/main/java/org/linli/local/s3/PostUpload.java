package org.linli.local.s3;

import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.gaul.shaded.org.eclipse.jetty.server.Request;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.domain.Blob;
import org.jclouds.blobstore.domain.BlobBuilder;

/**
 * A browser-form POST upload (S3's PostObject, what {@code wx.uploadFile} and an HTML form send),
 * as S3 handles it and S3Proxy 2.6.0 does not: S3Proxy checks the signature but ignores the
 * policy's expiration and conditions (its source says "TODO: handle policy"), stores no
 * {@code x-amz-meta-*}, always answers 204 and takes {@code ${filename}} literally. Here the form is
 * read, signed with Signature Version 4 (the only one S3 takes in the China regions), checked
 * against its policy ({@link PostPolicy}), stored through the same blob store S3Proxy serves, and
 * answered per {@code success_action_status} / {@code success_action_redirect}.
 */
final class PostUpload {
    /** A form larger than this is refused before it is parsed (S3's own limit is 5 GB). */
    static final long MAX_FORM_BYTES = 64L * 1024 * 1024;

    private final BlobStore store;
    private final Map<String, String> secrets;
    private final String region;
    private final Clock clock;
    private final Path spool;

    /**
     * @param secrets access key id to secret key
     * @param spool   where large parts are buffered while a form is read
     */
    PostUpload(BlobStore store, Map<String, String> secrets, String region, Clock clock, Path spool) {
        this.store = store;
        this.secrets = Map.copyOf(secrets);
        this.region = region;
        this.clock = clock;
        this.spool = spool;
    }

    static boolean isFormPost(HttpServletRequest request, String[] path) {
        String type = request.getContentType();
        return request.getMethod().equals("POST") && path.length >= 2 && !path[1].isEmpty()
                && (path.length == 2 || path[2].isEmpty()) && request.getQueryString() == null
                && type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    /**
     * Answers the request; returns what was created, or empty when the upload was refused (the
     * refusal has been written).
     */
    Optional<S3Events.Creation> handle(Request base, HttpServletRequest request, HttpServletResponse response, String bucket,
                                       String requestId) throws IOException {
        if (request.getContentLengthLong() > MAX_FORM_BYTES) {
            return refuse(response, requestId, S3Error.badRequest("MaxPostPreDataLengthExceeded",
                    "Your POST request fields preceding the upload file was too large."));
        }
        if (!store.containerExists(bucket)) {
            return refuse(response, requestId, new S3Error(404, "NoSuchBucket", "The specified bucket does not exist"));
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Part file = null;
        try {
            base.setAttribute(Request.__MULTIPART_CONFIG_ELEMENT,
                    new MultipartConfigElement(spool.toString(), MAX_FORM_BYTES, MAX_FORM_BYTES, 16 * 1024 * 1024));
            for (Part part : request.getParts()) {
                if (file != null) break; // S3 ignores the fields after the file
                String name = part.getName().toLowerCase(Locale.ROOT);
                if (name.equals("file")) {
                    file = part;
                } else if (fields.putIfAbsent(name, new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8)) != null) {
                    return refuse(response, requestId, S3Error.badRequest("InvalidArgument", "Field " + name + " appears more than once"));
                }
            }
        } catch (IOException | ServletException | IllegalStateException e) {
            return refuse(response, requestId, S3Error.badRequest("MalformedPOSTRequest",
                    "The body of your POST request is not well-formed multipart/form-data."));
        }
        if (file == null) {
            return refuse(response, requestId, S3Error.badRequest("InvalidArgument", "POST requires exactly one file upload per request."));
        }
        String key = fields.get("key");
        if (key == null || key.isEmpty()) {
            return refuse(response, requestId, S3Error.badRequest("InvalidArgument", "Bucket POST must contain a field named 'key'."));
        }
        // ${filename} stands for the name of the file the user chose.
        String fileName = file.getSubmittedFileName() == null ? "" : file.getSubmittedFileName();
        key = key.replace("${filename}", fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1));
        String accessKey = credentialKeyId(fields.get("x-amz-credential"));
        Optional<S3Error> refused = authenticate(fields);
        if (refused.isEmpty()) refused = PostPolicy.check(fields.get("policy"), fields, file.getSize(), bucket, clock.instant());
        if (refused.isEmpty()) refused = acl(fields.get("acl"));
        if (refused.isPresent()) return refuse(response, requestId, refused.get());

        String eTag;
        try (InputStream in = file.getInputStream()) {
            BlobBuilder.PayloadBlobBuilder blob = store.blobBuilder(key).payload(in).contentLength(file.getSize());
            String contentType = fields.get("content-type");
            blob.contentType(contentType != null ? contentType : "binary/octet-stream");
            if (fields.containsKey("cache-control")) blob.cacheControl(fields.get("cache-control"));
            if (fields.containsKey("content-disposition")) blob.contentDisposition(fields.get("content-disposition"));
            if (fields.containsKey("content-encoding")) blob.contentEncoding(fields.get("content-encoding"));
            Map<String, String> metadata = new LinkedHashMap<>();
            fields.forEach((name, value) -> {
                if (name.startsWith("x-amz-meta-")) metadata.put(name.substring("x-amz-meta-".length()), value);
            });
            Blob built = blob.userMetadata(metadata).build();
            eTag = S3Events.unquote(store.putBlob(bucket, built));
        }
        answer(request, response, fields, bucket, key, eTag);
        Instant now = clock.instant();
        return Optional.of(new S3Events.Creation("ObjectCreated:Post", bucket, key, file.getSize(), eTag, accessKey,
                request.getRemoteAddr(), requestId, now));
    }

    /**
     * Signature Version 4 over the base64 policy with the key derived from the credential's date,
     * region and service; Version 2 forms ({@code AWSAccessKeyId}, {@code signature}) are refused
     * as in the China regions.
     */
    private Optional<S3Error> authenticate(Map<String, String> fields) {
        if (fields.containsKey("awsaccesskeyid") || fields.containsKey("signature")) {
            return Optional.of(S3Error.badRequest("InvalidRequest",
                    "The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256."));
        }
        String policy = fields.get("policy");
        String credential = fields.get("x-amz-credential");
        String signature = fields.get("x-amz-signature");
        if (policy == null || credential == null || signature == null || !"AWS4-HMAC-SHA256".equals(fields.get("x-amz-algorithm"))) {
            return Optional.of(S3Error.accessDenied("Bucket POST must contain the fields policy, x-amz-algorithm (AWS4-HMAC-SHA256),"
                    + " x-amz-credential, x-amz-date and x-amz-signature."));
        }
        String[] scope = credential.split("/");
        if (scope.length != 5 || !scope[3].equals("s3") || !scope[4].equals("aws4_request")) {
            return Optional.of(S3Error.badRequest("AuthorizationQueryParametersError",
                    "Error parsing the X-Amz-Credential parameter; it must be <key id>/<yyyymmdd>/<region>/s3/aws4_request"));
        }
        if (!scope[2].equals(region)) {
            return Optional.of(S3Error.badRequest("AuthorizationQueryParametersError", "Error parsing the X-Amz-Credential parameter;"
                    + " the region '" + scope[2] + "' is wrong; expecting '" + region + "'"));
        }
        String date = fields.getOrDefault("x-amz-date", "");
        if (!date.startsWith(scope[1])) {
            return Optional.of(S3Error.badRequest("AuthorizationQueryParametersError",
                    "X-Amz-Date " + date + " is not on the credential's date " + scope[1]));
        }
        String secret = secrets.get(scope[0]);
        if (secret == null) {
            return Optional.of(new S3Error(403, "InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records."));
        }
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), scope[1]);
        for (String part : new String[] {scope[2], scope[3], scope[4]}) key = hmac(key, part);
        byte[] expected = HexFormat.of().formatHex(hmac(key, policy)).getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, signature.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8))) {
            return Optional.of(new S3Error(403, "SignatureDoesNotMatch", "The request signature we calculated does not match the"
                    + " signature you provided. Check your key and signing method."));
        }
        return Optional.empty();
    }

    /** The buckets block public access and own their objects: private is the only ACL a POST may ask for. */
    private static Optional<S3Error> acl(String acl) {
        if (acl == null || acl.equals("private") || acl.equals("bucket-owner-full-control")) return Optional.empty();
        return Optional.of(S3Error.accessDenied("Access Denied (the bucket blocks public access; acl " + acl + ")"));
    }

    private static String credentialKeyId(String credential) {
        return credential == null ? "anonymous" : credential.split("/", 2)[0];
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 204 by default; 200 or 201 (with S3's PostResponse XML) on request; 303 to success_action_redirect. */
    private static void answer(HttpServletRequest request, HttpServletResponse response, Map<String, String> fields, String bucket,
                               String key, String eTag) throws IOException {
        String location = request.getScheme() + "://" + request.getHeader("Host") + "/" + bucket + "/"
                + URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/").replace("+", "%20");
        response.setHeader("ETag", "\"" + eTag + "\"");
        response.setHeader("Location", location);
        String redirect = fields.getOrDefault("success_action_redirect", fields.get("redirect"));
        if (redirect != null && !redirect.isEmpty()) {
            response.setStatus(303);
            response.setHeader("Location", redirect + (redirect.contains("?") ? "&" : "?") + "bucket=" + form(bucket)
                    + "&key=" + form(key) + "&etag=" + form("\"" + eTag + "\""));
            return;
        }
        switch (fields.getOrDefault("success_action_status", "204")) {
            case "200" -> response.setStatus(200);
            case "201" -> {
                response.setStatus(201);
                response.setContentType("application/xml");
                byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<PostResponse><Location>" + S3Error.xml(location)
                        + "</Location><Bucket>" + S3Error.xml(bucket) + "</Bucket><Key>" + S3Error.xml(key) + "</Key><ETag>\""
                        + eTag + "\"</ETag></PostResponse>").getBytes(StandardCharsets.UTF_8);
                response.setContentLength(body.length);
                response.getOutputStream().write(body);
            }
            default -> response.setStatus(204);
        }
    }

    private static String form(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static Optional<S3Events.Creation> refuse(HttpServletResponse response, String requestId, S3Error error) throws IOException {
        error.write(response, requestId);
        return Optional.empty();
    }
}
