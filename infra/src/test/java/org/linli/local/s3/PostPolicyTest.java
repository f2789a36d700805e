package org.linli.local.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PostPolicyTest {
    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    private static String policy(String conditions) {
        return Base64.getEncoder().encodeToString(("{\"expiration\":\"2026-12-04T10:15:00.000Z\",\"conditions\":[" + conditions + "]}")
                .getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<S3Error> check(String conditions, Map<String, String> fields, long size) {
        return PostPolicy.check(policy(conditions), fields, size, "photos", NOW);
    }

    @Test
    void conditionsHoldWithCaseInsensitiveNamesAndTheBucketFromTheUrl() {
        assertEquals(Optional.empty(), check("{\"bucket\":\"photos\"},[\"starts-with\",\"$Key\",\"incoming/u1/\"],"
                + "[\"eq\",\"$Content-Type\",\"image/jpeg\"],[\"content-length-range\",1,10485760],[\"starts-with\",\"$x-amz-meta-note\",\"\"]",
                Map.of("key", "incoming/u1/a.jpg", "content-type", "image/jpeg", "x-amz-meta-note", "anything", "policy", "p",
                        "x-amz-signature", "s", "x-ignore-tracking", "1"), 10_485_760));
    }

    @Test
    void eachRuleOfS3IsEnforced() {
        assertEquals("EntityTooLarge", check("[\"content-length-range\",1,10]", Map.of(), 11).orElseThrow().code());
        assertEquals("Invalid according to Policy: Policy Condition failed: [\"eq\",\"$Content-Type\",\"image/png\"]",
                check("[\"eq\",\"$Content-Type\",\"image/png\"]", Map.of("content-type", "image/jpeg"), 1).orElseThrow().message());
        assertEquals("Invalid according to Policy: Policy Condition failed: {\"success_action_status\":\"201\"}",
                check("{\"success_action_status\":\"201\"}", Map.of(), 1).orElseThrow().message(), "a named field missing from the form");
        assertEquals("Invalid according to Policy: Extra input fields: acl", check("", Map.of("acl", "private"), 1).orElseThrow().message());
        S3Error expired = PostPolicy.check(policy(""), Map.of(), 1, "photos", Instant.parse("2026-12-04T10:15:00Z")).orElseThrow();
        assertEquals("Invalid according to Policy: Policy expired.", expired.message());
        assertEquals(403, expired.status());
        assertEquals("InvalidPolicyDocument", PostPolicy.check("not base64 json!", Map.of(), 1, "photos", NOW).orElseThrow().code());
        assertTrue(check("[\"regex\",\"$key\",\".*\"]", Map.of(), 1).orElseThrow().message().contains("Invalid Condition"));
    }

    @Test
    void eventKeysAreEncodedAsS3EncodesThem() {
        assertEquals("incoming/u+1/a%281%29%E7%85%A7.jpg", S3Events.encodeKey("incoming/u 1/a(1)照.jpg"));
        assertEquals("d41d8cd98f00b204e9800998ecf8427e", S3Events.unquote("\"d41d8cd98f00b204e9800998ecf8427e\""));
    }
}
