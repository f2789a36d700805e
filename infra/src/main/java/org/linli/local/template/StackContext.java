package org.linli.local.template;

import java.util.Objects;

/**
 * The values CloudFormation supplies as pseudo parameters, plus the SQS endpoint that local queue
 * URLs are built on (a queue's {@code Ref} is its URL, which depends on where SQS listens).
 */
public record StackContext(String region, String accountId, String stackName, String sqsEndpoint) {
    public static final String DEFAULT_REGION = "cn-north-1";
    public static final String DEFAULT_ACCOUNT = "000000000000";
    public static final String DEFAULT_STACK = "linli-local";

    public StackContext {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(stackName, "stackName");
        Objects.requireNonNull(sqsEndpoint, "sqsEndpoint");
        sqsEndpoint = sqsEndpoint.endsWith("/") ? sqsEndpoint.substring(0, sqsEndpoint.length() - 1) : sqsEndpoint;
    }

    /** Defaults for reading a template without any backend (pure tests, tooling). */
    public static StackContext defaults() {
        return new StackContext(DEFAULT_REGION, DEFAULT_ACCOUNT, DEFAULT_STACK, "http://127.0.0.1:9324");
    }

    public StackContext withSqsEndpoint(String endpoint) {
        return new StackContext(region, accountId, stackName, endpoint);
    }

    /** China regions live in their own partition. */
    public String partition() {
        return region.startsWith("cn-") ? "aws-cn" : "aws";
    }

    public String urlSuffix() {
        return region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
    }

    public String stackId() {
        return "arn:" + partition() + ":cloudformation:" + region + ":" + accountId + ":stack/" + stackName
                + "/00000000-0000-0000-0000-000000000000";
    }

    public String arn(String service, String resource) {
        return "arn:" + partition() + ":" + service + ":" + region + ":" + accountId + ":" + resource;
    }
}
