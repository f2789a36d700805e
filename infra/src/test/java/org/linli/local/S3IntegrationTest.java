package org.linli.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The local S3 of the test template: UploadsBucket, created from the template, whose ObjectCreated
 * events for keys under incoming/ ending .jpg go to UploadsQueue - for PUT, browser-form POST (with
 * its policy enforced), copy and multipart uploads, in S3's event JSON.
 */
class S3IntegrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalCloud cloud;
    private static S3Client s3;
    private static String bucket;
    private static String queue;
    private static List<JsonNode> atStart;

    @BeforeAll
    static void start() throws Exception {
        cloud = TestClouds.cloud();
        s3 = TestClouds.s3(cloud);
        bucket = cloud.model().bucket("UploadsBucket").bucketName();
        queue = cloud.queueUrl("UploadsQueue");
        atStart = drain();
    }

    /** Everything on the queue now, taken off it. */
    private static List<JsonNode> drain() throws Exception {
        List<JsonNode> out = new ArrayList<>();
        while (true) {
            List<Message> batch = cloud.sqs().receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(0)).messages();
            if (batch.isEmpty()) return out;
            for (Message m : batch) {
                out.add(JSON.readTree(m.body()));
                cloud.sqs().deleteMessage(r -> r.queueUrl(queue).receiptHandle(m.receiptHandle()));
            }
        }
    }

    /** The events on the queue once the one for {@code key} has arrived (events are sent after the upload's answer). */
    private static List<JsonNode> eventsUntil(String key) throws Exception {
        List<JsonNode> seen = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            seen.addAll(drain());
            if (seen.stream().anyMatch(e -> e.at("/Records/0/s3/object/key").asText().equals(key))) return seen;
            Thread.sleep(50);
        }
        throw new AssertionError("no event for " + key + " within 10 s; saw " + seen);
    }

    private static String md5(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    }

    private static HttpResponse<String> post(PostForm form, String fileName, byte[] file) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(cloud.s3Endpoint() + "/" + bucket))
                .header("Content-Type", PostForm.contentType()).header("Origin", "https://console.example.cn")
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.body(fileName, file))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static boolean exists(String key) {
        try {
            s3.headObject(r -> r.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            if (e.statusCode() == 404) return false;
            throw e;
        }
    }

    private static void assertEvent(JsonNode event, String eventName, String encodedKey, long size, String md5) {
        JsonNode r = event.get("Records").get(0);
        assertEquals(1, event.get("Records").size());
        assertEquals("2.1", r.get("eventVersion").asText());
        assertEquals("aws:s3", r.get("eventSource").asText());
        assertEquals(TestClouds.region(), r.get("awsRegion").asText());
        assertEquals(eventName, r.get("eventName").asText());
        assertTrue(Instant.parse(r.get("eventTime").asText()).isAfter(Instant.EPOCH));
        assertEquals("1.0", r.at("/s3/s3SchemaVersion").asText());
        assertEquals("UploadsBucket-QueueConfiguration-1", r.at("/s3/configurationId").asText());
        assertEquals(bucket, r.at("/s3/bucket/name").asText());
        assertEquals("arn:aws-cn:s3:::" + bucket, r.at("/s3/bucket/arn").asText());
        assertEquals(encodedKey, r.at("/s3/object/key").asText());
        assertEquals(size, r.at("/s3/object/size").asLong());
        assertEquals(md5, r.at("/s3/object/eTag").asText());
        assertFalse(r.at("/s3/object/sequencer").asText().isEmpty());
        assertEquals("AWS:local", r.at("/userIdentity/principalId").asText());
        assertEquals("127.0.0.1", r.at("/requestParameters/sourceIPAddress").asText());
    }

    @Test
    void theTemplatesBucketIsCreatedAndItsNotificationAnnouncedAtStart() {
        assertTrue(s3.listBuckets().buckets().stream().anyMatch(b -> b.name().equals(bucket)), bucket);
        assertEquals("test-uploads-000000000000", bucket, "BucketName: !Sub ${Stage}-uploads-${AWS::AccountId}");
        assertTrue(atStart.stream().anyMatch(e -> e.path("Event").asText().equals("s3:TestEvent")
                && e.path("Bucket").asText().equals(bucket) && e.path("Service").asText().equals("Amazon S3")), atStart.toString());
    }

    @Test
    void aPutUnderThePrefixSendsOneObjectCreatedPut() throws Exception {
        String key = "incoming/u1/" + UUID.randomUUID() + " photo(1).jpg";
        byte[] bytes = "a jpeg, as far as S3 cares".getBytes(StandardCharsets.UTF_8);
        s3.putObject(r -> r.bucket(bucket).key(key).contentType("image/jpeg"), RequestBody.fromBytes(bytes));
        List<JsonNode> events = eventsUntil(key.replace(" ", "+").replace("(", "%28").replace(")", "%29"));
        assertEquals(1, events.size(), events.toString());
        assertEvent(events.get(0), "ObjectCreated:Put", key.replace(" ", "+").replace("(", "%28").replace(")", "%29"), bytes.length, md5(bytes));
    }

    @Test
    void aFormPostUnderThePrefixIsStoredAndSendsOneObjectCreatedPost() throws Exception {
        String key = "incoming/u2/" + UUID.randomUUID() + ".jpg";
        byte[] bytes = new byte[700];
        PostForm form = PostForm.of(bucket, TestClouds.region(), TestClouds.CLOCK.instant())
                .field("key", key).field("Content-Type", "image/jpeg").field("success_action_status", "201")
                .field("x-amz-meta-purpose", "report")
                .condition("[\"content-length-range\",1,1000]");
        HttpResponse<String> answer = post(form, "IMG_0001.jpg", bytes);
        assertEquals(201, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("<Key>" + key + "</Key>") && answer.body().contains("<Bucket>" + bucket + "</Bucket>"), answer.body());
        assertEquals("https://console.example.cn", answer.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        var stored = s3.headObject(r -> r.bucket(bucket).key(key));
        assertEquals("image/jpeg", stored.contentType());
        assertEquals("report", stored.metadata().get("purpose"));
        assertEquals(700L, stored.contentLength());
        List<JsonNode> events = eventsUntil(key);
        assertEquals(1, events.size(), events.toString());
        assertEvent(events.get(0), "ObjectCreated:Post", key, bytes.length, md5(bytes));
    }

    @Test
    void keysOutsideTheFilterSendNothing() throws Exception {
        byte[] bytes = "x".getBytes(StandardCharsets.UTF_8);
        String id = UUID.randomUUID().toString();
        s3.putObject(r -> r.bucket(bucket).key("photos/" + id + ".jpg"), RequestBody.fromBytes(bytes));
        s3.putObject(r -> r.bucket(bucket).key("incoming/u1/" + id + ".png"), RequestBody.fromBytes(bytes));
        s3.putObject(r -> r.bucket(bucket).key("thumbs/incoming/" + id + ".jpg"), RequestBody.fromBytes(bytes));
        // A marker inside the filter, uploaded last: once its event is here, the others would have been too.
        String marker = "incoming/marker/" + id + ".jpg";
        s3.putObject(r -> r.bucket(bucket).key(marker), RequestBody.fromBytes(bytes));
        List<JsonNode> events = eventsUntil(marker);
        assertEquals(1, events.size(), "only the marker: " + events);
    }

    @Test
    void copiesAndMultipartUploadsAreObjectCreatedToo() throws Exception {
        String id = UUID.randomUUID().toString();
        byte[] bytes = "original".getBytes(StandardCharsets.UTF_8);
        s3.putObject(r -> r.bucket(bucket).key("photos/" + id + ".jpg"), RequestBody.fromBytes(bytes));
        String copy = "incoming/copies/" + id + ".jpg";
        s3.copyObject(r -> r.sourceBucket(bucket).sourceKey("photos/" + id + ".jpg").destinationBucket(bucket).destinationKey(copy));
        List<JsonNode> copied = eventsUntil(copy);
        assertEquals(1, copied.size(), copied.toString());
        assertEquals("ObjectCreated:Copy", copied.get(0).at("/Records/0/eventName").asText());

        String multi = "incoming/multi/" + id + ".jpg";
        String upload = s3.createMultipartUpload(r -> r.bucket(bucket).key(multi)).uploadId();
        String eTag = s3.uploadPart(r -> r.bucket(bucket).key(multi).uploadId(upload).partNumber(1), RequestBody.fromBytes(bytes)).eTag();
        s3.completeMultipartUpload(r -> r.bucket(bucket).key(multi).uploadId(upload)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(eTag).build())));
        List<JsonNode> completed = eventsUntil(multi);
        assertEquals(1, completed.size(), completed.toString());
        assertEquals("ObjectCreated:CompleteMultipartUpload", completed.get(0).at("/Records/0/eventName").asText());
        assertEquals(bytes.length, completed.get(0).at("/Records/0/s3/object/size").asLong());
    }

    /** What S3 refuses, the local S3 refuses - with S3's status and code - and stores and announces nothing. */
    @Test
    void formPostsOutsideTheirPolicyAreRefused() throws Exception {
        Instant now = TestClouds.CLOCK.instant();
        String id = UUID.randomUUID().toString();
        String key = "incoming/u3/" + id + ".jpg";
        record Case(String why, PostForm form, byte[] file, int status, String code, String message) {}
        PostForm good = PostForm.of(bucket, TestClouds.region(), now).condition("[\"starts-with\",\"$key\",\"incoming/u3/\"]")
                .unsignedField("key", key).condition("[\"content-length-range\",1,100]");
        List<Case> cases = List.of(
                new Case("too large", PostForm.of(bucket, TestClouds.region(), now).field("key", key)
                        .condition("[\"content-length-range\",1,100]"), new byte[101], 400, "EntityTooLarge", "exceeds the maximum allowed size"),
                new Case("empty", PostForm.of(bucket, TestClouds.region(), now).field("key", key)
                        .condition("[\"content-length-range\",1,100]"), new byte[0], 400, "EntityTooSmall", "smaller than the minimum"),
                new Case("another user's prefix", PostForm.of(bucket, TestClouds.region(), now)
                        .condition("[\"starts-with\",\"$key\",\"incoming/u3/\"]").unsignedField("key", "incoming/u4/" + id + ".jpg"),
                        new byte[10], 403, "AccessDenied", "Policy Condition failed: [\"starts-with\",\"$key\",\"incoming/u3/\"]"),
                new Case("expired", PostForm.of(bucket, TestClouds.region(), now.minusSeconds(3600)).field("key", key)
                        .expiration(now.minusSeconds(1)), new byte[10], 403, "AccessDenied", "Policy expired"),
                new Case("a field the policy does not name", PostForm.of(bucket, TestClouds.region(), now).field("key", key)
                        .unsignedField("Content-Type", "application/pdf"), new byte[10], 403, "AccessDenied", "Extra input fields: content-type"),
                new Case("another bucket's policy", PostForm.of("someone-elses", TestClouds.region(), now).field("key", key),
                        new byte[10], 403, "AccessDenied", "Policy Condition failed: {\"bucket\":\"someone-elses\"}"),
                new Case("a wrong signature", PostForm.of(bucket, TestClouds.region(), now).field("key", key).secretKey("guess"),
                        new byte[10], 403, "SignatureDoesNotMatch", "does not match"),
                new Case("signed for another region", PostForm.of(bucket, TestClouds.region(), now).field("key", key).region("us-east-1"),
                        new byte[10], 400, "AuthorizationQueryParametersError", "the region 'us-east-1' is wrong"),
                new Case("a public ACL", PostForm.of(bucket, TestClouds.region(), now).field("key", key).field("acl", "public-read"),
                        new byte[10], 403, "AccessDenied", "blocks public access"));
        for (Case c : cases) {
            HttpResponse<String> answer = post(c.form(), "a.jpg", c.file());
            assertEquals(c.status(), answer.statusCode(), c.why() + ": " + answer.body());
            assertTrue(answer.body().contains("<Code>" + c.code() + "</Code>") && answer.body().contains(c.message()), c.why() + ": " + answer.body());
            assertFalse(exists(key) || exists("incoming/u4/" + id + ".jpg"), c.why() + ": nothing stored");
        }
        // The same form within its policy goes through (204, S3's default), and only it is announced.
        HttpResponse<String> ok = post(good, "a.jpg", new byte[100]);
        assertEquals(204, ok.statusCode(), ok.body());
        List<JsonNode> events = eventsUntil(key);
        assertEquals(1, events.size(), "the refused posts sent nothing: " + events);
    }
}
