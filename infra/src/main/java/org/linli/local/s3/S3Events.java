package org.linli.local.s3;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.linli.local.template.BucketDef;

/**
 * S3 event notification JSON (event structure version 2.1), as S3 sends it to an SQS queue: one
 * record per message; the object key URL-encoded as S3 encodes it (form encoding, spaces as
 * {@code +}, slashes kept); the ETag without quotes.
 */
final class S3Events {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT;
    /** Local buckets have one owner: the local credentials' account. */
    static final String OWNER = "LOCALOWNER000000";

    private S3Events() {}

    /** What one creation was: how (Put, Post, Copy, CompleteMultipartUpload), where, by whom. */
    record Creation(String eventName, String bucket, String key, long size, String eTag, String requesterKeyId,
                    String sourceIp, String requestId, Instant time) {}

    static String objectCreated(String region, BucketDef bucket, BucketDef.QueueNotification configuration, Creation c,
                                String sequencer) {
        ObjectNode record = JSON.createObjectNode();
        record.put("eventVersion", "2.1");
        record.put("eventSource", "aws:s3");
        record.put("awsRegion", region);
        record.put("eventTime", TIME.format(c.time().truncatedTo(ChronoUnit.MILLIS)));
        record.put("eventName", c.eventName());
        record.putObject("userIdentity").put("principalId", "AWS:" + c.requesterKeyId());
        record.putObject("requestParameters").put("sourceIPAddress", c.sourceIp());
        ObjectNode response = record.putObject("responseElements");
        response.put("x-amz-request-id", c.requestId());
        response.put("x-amz-id-2", "local/" + c.requestId());
        ObjectNode s3 = record.putObject("s3");
        s3.put("s3SchemaVersion", "1.0");
        s3.put("configurationId", configuration.id());
        ObjectNode b = s3.putObject("bucket");
        b.put("name", bucket.bucketName());
        b.putObject("ownerIdentity").put("principalId", OWNER);
        b.put("arn", bucket.arn());
        ObjectNode o = s3.putObject("object");
        o.put("key", encodeKey(c.key()));
        o.put("size", c.size());
        o.put("eTag", unquote(c.eTag()));
        o.put("sequencer", sequencer);
        ObjectNode event = JSON.createObjectNode();
        event.putArray("Records").add(record);
        return event.toString();
    }

    /** What S3 sends to each destination when a notification configuration is set (a deploy, or a local start). */
    static String testEvent(String bucket, Instant time, String requestId) {
        ObjectNode event = JSON.createObjectNode();
        event.put("Service", "Amazon S3");
        event.put("Event", "s3:TestEvent");
        event.put("Time", TIME.format(time.truncatedTo(ChronoUnit.MILLIS)));
        event.put("Bucket", bucket);
        event.put("RequestId", requestId);
        event.put("HostId", "local/" + requestId);
        return event.toString();
    }

    /** {@code incoming/u 1/a(1).jpg} -> {@code incoming/u+1/a%281%29.jpg}: a consumer URL-decodes it back. */
    static String encodeKey(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
    }

    static String unquote(String eTag) {
        return eTag != null && eTag.length() >= 2 && eTag.startsWith("\"") && eTag.endsWith("\"")
                ? eTag.substring(1, eTag.length() - 1) : eTag;
    }
}
