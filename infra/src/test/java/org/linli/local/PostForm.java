package org.linli.local;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A browser-form POST upload as a client builds it from an upload grant: the policy (JSON,
 * base64), its Signature Version 4, the form fields, the file last - written from S3's
 * documentation, independently of the local S3's own code.
 */
public final class PostForm {
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Map<String, String> fields = new LinkedHashMap<>();
    private final List<String> conditions = new ArrayList<>();
    private String expiration;
    private String region;
    private String accessKey;
    private String secretKey;
    private Instant signedAt;

    /** A form for {@code bucket} signed with the local credentials for {@code region} at {@code at}, valid 10 minutes. */
    public static PostForm of(String bucket, String region, Instant at) {
        PostForm f = new PostForm();
        f.region = region;
        f.accessKey = "local";
        f.secretKey = "local";
        f.signedAt = at;
        f.expiration = at.plusSeconds(600).toString();
        f.conditions.add("{\"bucket\":\"" + bucket + "\"}");
        return f;
    }

    /** A field the policy requires exactly. */
    public PostForm field(String name, String value) {
        fields.put(name, value);
        conditions.add("[\"eq\",\"$" + name + "\",\"" + value + "\"]");
        return this;
    }

    /** A field sent without any policy condition. */
    public PostForm unsignedField(String name, String value) {
        fields.put(name, value);
        return this;
    }

    public PostForm condition(String json) {
        conditions.add(json);
        return this;
    }

    public PostForm expiration(Instant at) {
        expiration = at.toString();
        return this;
    }

    public PostForm region(String signingRegion) {
        region = signingRegion;
        return this;
    }

    public PostForm secretKey(String secret) {
        secretKey = secret;
        return this;
    }

    /** The multipart/form-data body; the content type is {@link #contentType()}. */
    public byte[] body(String fileName, byte[] file) {
        String date = AMZ_DATE.format(signedAt);
        String credential = accessKey + "/" + date.substring(0, 8) + "/" + region + "/s3/aws4_request";
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("x-amz-algorithm", "AWS4-HMAC-SHA256");
        all.put("x-amz-credential", credential);
        all.put("x-amz-date", date);
        List<String> signed = new ArrayList<>(conditions);
        signed.add("{\"x-amz-algorithm\":\"AWS4-HMAC-SHA256\"}");
        signed.add("{\"x-amz-credential\":\"" + credential + "\"}");
        signed.add("{\"x-amz-date\":\"" + date + "\"}");
        String policy = Base64.getEncoder().encodeToString(("{\"expiration\":\"" + expiration + "\",\"conditions\":["
                + String.join(",", signed) + "]}").getBytes(StandardCharsets.UTF_8));
        byte[] key = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), date.substring(0, 8));
        for (String part : new String[] {region, "s3", "aws4_request"}) key = hmac(key, part);
        all.put("policy", policy);
        all.put("x-amz-signature", HexFormat.of().formatHex(hmac(key, policy)));

        return multipart(all, fileName, file);
    }

    /** A multipart/form-data body as wx.uploadFile sends it: the fields in order, then the file as {@code file}. */
    public static byte[] multipart(Map<String, String> fields, String fileName, byte[] file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fields.forEach((name, value) -> write(out, "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n"
                + value + "\r\n"));
        write(out, "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        out.writeBytes(file);
        write(out, "\r\n--" + BOUNDARY + "--\r\n");
        return out.toByteArray();
    }

    public static String contentType() {
        return "multipart/form-data; boundary=" + BOUNDARY;
    }

    private static final String BOUNDARY = "----LinliFormBoundary7MA4YWxkTrZu0gW";

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
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
}
