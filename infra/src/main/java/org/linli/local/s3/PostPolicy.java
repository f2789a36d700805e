package org.linli.local.s3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A browser-form POST's policy, checked as S3 checks it (S3 API reference, "Creating a POST
 * policy"): it has not expired; every condition holds - exact matches ({@code {"field": value}},
 * {@code ["eq", "$field", value]}), prefixes ({@code ["starts-with", "$field", prefix]}) and the
 * file's {@code content-length-range}; and every form field except {@code policy},
 * {@code x-amz-signature}, {@code file} and {@code x-ignore-*} is covered by some condition.
 * Field names are case-insensitive; {@code $bucket} is the bucket the form was posted to.
 * S3Proxy verifies the signature of a POST but none of this.
 */
final class PostPolicy {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Fields a policy need not name. */
    private static final Set<String> EXEMPT = Set.of("policy", "x-amz-signature", "file");

    private PostPolicy() {}

    /**
     * @param fields   the form's fields (names lower case), without the file
     * @param fileSize the file's length in bytes
     * @return why S3 would refuse the upload, if it would
     */
    static Optional<S3Error> check(String policyBase64, Map<String, String> fields, long fileSize, String bucket, Instant now) {
        JsonNode policy;
        try {
            policy = JSON.readTree(Base64.getDecoder().decode(policyBase64.trim()));
        } catch (IllegalArgumentException | IOException e) {
            return Optional.of(S3Error.badRequest("InvalidPolicyDocument", "Invalid Policy: Invalid JSON."));
        }
        if (policy == null || !policy.path("expiration").isTextual() || !policy.path("conditions").isArray()) {
            return Optional.of(S3Error.badRequest("InvalidPolicyDocument",
                    "Invalid Policy: the policy needs an expiration and a list of conditions."));
        }
        try {
            if (!now.isBefore(Instant.parse(policy.get("expiration").asText()))) return Optional.of(S3Error.policy("Policy expired."));
        } catch (DateTimeParseException e) {
            return Optional.of(S3Error.badRequest("InvalidPolicyDocument", "Invalid Policy: Invalid 'expiration' value: '"
                    + policy.get("expiration").asText() + "'"));
        }
        Set<String> covered = new HashSet<>();
        for (JsonNode condition : policy.get("conditions")) {
            Optional<S3Error> failed = condition(condition, fields, fileSize, bucket, covered);
            if (failed.isPresent()) return failed;
        }
        for (String field : fields.keySet()) {
            if (!EXEMPT.contains(field) && !field.startsWith("x-ignore-") && !covered.contains(field)) {
                return Optional.of(S3Error.policy("Extra input fields: " + field));
            }
        }
        return Optional.empty();
    }

    private static Optional<S3Error> condition(JsonNode c, Map<String, String> fields, long fileSize, String bucket,
                                               Set<String> covered) {
        if (c.isObject() && c.size() == 1) {
            String name = c.fieldNames().next();
            return match("eq", name, c.get(name), fields, bucket, covered, c);
        }
        if (c.isArray() && c.size() == 3 && c.get(0).isTextual()) {
            String op = c.get(0).asText().toLowerCase(Locale.ROOT);
            if (op.equals("content-length-range")) {
                if (!c.get(1).canConvertToLong() || !c.get(2).canConvertToLong()) return invalid(c);
                if (fileSize < c.get(1).asLong()) {
                    return Optional.of(S3Error.badRequest("EntityTooSmall", "Your proposed upload is smaller than the minimum allowed size"));
                }
                if (fileSize > c.get(2).asLong()) {
                    return Optional.of(S3Error.badRequest("EntityTooLarge", "Your proposed upload exceeds the maximum allowed size"));
                }
                return Optional.empty();
            }
            if ((op.equals("eq") || op.equals("starts-with")) && c.get(1).isTextual() && c.get(1).asText().startsWith("$")) {
                return match(op, c.get(1).asText().substring(1), c.get(2), fields, bucket, covered, c);
            }
        }
        return invalid(c);
    }

    private static Optional<S3Error> match(String op, String name, JsonNode expected, Map<String, String> fields, String bucket,
                                           Set<String> covered, JsonNode condition) {
        if (!expected.isValueNode()) return invalid(condition);
        String field = name.toLowerCase(Locale.ROOT);
        covered.add(field);
        String actual = field.equals("bucket") ? bucket : fields.getOrDefault(field, "");
        boolean holds = op.equals("eq") ? actual.equals(expected.asText()) : actual.startsWith(expected.asText());
        return holds ? Optional.empty() : Optional.of(S3Error.policy("Policy Condition failed: " + condition));
    }

    private static Optional<S3Error> invalid(JsonNode condition) {
        return Optional.of(S3Error.badRequest("InvalidPolicyDocument", "Invalid Policy: Invalid Condition: " + condition));
    }
}
