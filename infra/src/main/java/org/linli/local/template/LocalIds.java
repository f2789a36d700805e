package org.linli.local.template;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What {@code Ref} and {@code Fn::GetAtt} return for each resource type, with local physical
 * names: {@code ${StackName}-${LogicalId}} unless the template names the resource itself.
 */
final class LocalIds {
    private static final Map<String, String> NAME_PROPERTY = Map.of(
            "AWS::DynamoDB::Table", "TableName",
            "AWS::Serverless::SimpleTable", "TableName",
            "AWS::SQS::Queue", "QueueName",
            "AWS::Serverless::Function", "FunctionName",
            "AWS::Lambda::Function", "FunctionName",
            "AWS::SNS::Topic", "TopicName",
            "AWS::Logs::LogGroup", "LogGroupName",
            "AWS::CloudWatch::Alarm", "AlarmName",
            "AWS::Scheduler::Schedule", "Name",
            "AWS::S3::Bucket", "BucketName");

    private final StackContext ctx;
    private final Function<Object, Object> resolver;
    private final Map<String, String> names = new HashMap<>();
    private final Set<String> resolving = new HashSet<>();

    LocalIds(StackContext ctx, Function<Object, Object> resolver) {
        this.ctx = ctx;
        this.resolver = resolver;
    }

    String physicalName(RawResource r) {
        String cached = names.get(r.logicalId());
        if (cached != null) return cached;
        if (!resolving.add(r.logicalId())) {
            throw new TemplateException("circular reference while naming resource " + r.logicalId());
        }
        try {
            String property = NAME_PROPERTY.get(r.type());
            Object explicit = property == null ? null : r.properties().get(property);
            String name = explicit == null ? null : Values.str(resolver.apply(explicit));
            if (name == null) name = generatedName(r);
            names.put(r.logicalId(), name);
            return name;
        } finally {
            resolving.remove(r.logicalId());
        }
    }

    private String generatedName(RawResource r) {
        String base = ctx.stackName() + "-" + r.logicalId();
        if (r.type().equals("AWS::SQS::Queue")) {
            boolean fifo = Values.bool(resolver.apply(r.properties().get("FifoQueue")), false);
            return fifo ? truncate(base, 75) + ".fifo" : truncate(base, 80);
        }
        if (r.type().endsWith("::Function")) return truncate(base, 64);
        // Bucket names are lower case, at most 63 characters (CloudFormation appends a random suffix).
        if (r.type().equals("AWS::S3::Bucket")) return truncate(base.toLowerCase(Locale.ROOT), 63);
        return truncate(base, 255);
    }

    Object ref(RawResource r) {
        String name = physicalName(r);
        return switch (r.type()) {
            case "AWS::SQS::Queue" -> queueUrl(name);
            case "AWS::SNS::Topic" -> ctx.arn("sns", name);
            case "AWS::Serverless::HttpApi", "AWS::ApiGatewayV2::Api" -> apiId(r.logicalId());
            case "AWS::IAM::Role", "AWS::IAM::ManagedPolicy" -> name;
            case "AWS::KMS::Key" -> keyId(r.logicalId());
            default -> name;
        };
    }

    Object getAtt(RawResource r, String attribute) {
        String name = physicalName(r);
        switch (r.type()) {
            case "AWS::DynamoDB::Table", "AWS::Serverless::SimpleTable" -> {
                if (attribute.equals("Arn")) return tableArn(name);
                if (attribute.equals("StreamArn")) return tableArn(name) + "/stream/1970-01-01T00:00:00.000";
            }
            case "AWS::SQS::Queue" -> {
                if (attribute.equals("Arn")) return ctx.arn("sqs", name);
                if (attribute.equals("QueueName")) return name;
                if (attribute.equals("QueueUrl")) return queueUrl(name);
            }
            case "AWS::Serverless::Function", "AWS::Lambda::Function" -> {
                if (attribute.equals("Arn")) return functionArn(name);
            }
            case "AWS::SNS::Topic" -> {
                if (attribute.equals("TopicArn")) return ctx.arn("sns", name);
                if (attribute.equals("TopicName")) return name;
            }
            case "AWS::S3::Bucket" -> {
                if (attribute.equals("Arn")) return bucketArn(name);
                if (attribute.equals("DomainName")) return name + ".s3." + ctx.urlSuffix();
                if (attribute.equals("RegionalDomainName")) return name + ".s3." + ctx.region() + "." + ctx.urlSuffix();
            }
            case "AWS::KMS::Key" -> {
                if (attribute.equals("Arn")) return ctx.arn("kms", "key/" + keyId(r.logicalId()));
                if (attribute.equals("KeyId")) return keyId(r.logicalId());
            }
            case "AWS::Logs::LogGroup" -> {
                if (attribute.equals("Arn")) return ctx.arn("logs", "log-group:" + name + ":*");
            }
            case "AWS::Serverless::HttpApi", "AWS::ApiGatewayV2::Api" -> {
                if (attribute.equals("ApiEndpoint")) {
                    return "https://" + apiId(r.logicalId()) + ".execute-api." + ctx.region() + "." + ctx.urlSuffix();
                }
                if (attribute.equals("ApiId")) return apiId(r.logicalId());
            }
            default -> {
                if (attribute.equals("Arn")) return ctx.arn(service(r.type()), name);
                return name + "-" + attribute;
            }
        }
        throw new TemplateException("Fn::GetAtt " + r.logicalId() + "." + attribute + ": " + r.type()
                + " has no attribute " + attribute + " (locally)");
    }

    String functionArn(String functionName) {
        return ctx.arn("lambda", "function:" + functionName);
    }

    String queueUrl(String queueName) {
        return ctx.sqsEndpoint() + "/" + ctx.accountId() + "/" + queueName;
    }

    /** S3 ARNs have neither region nor account. */
    String bucketArn(String bucketName) {
        return "arn:" + ctx.partition() + ":s3:::" + bucketName;
    }

    String tableArn(String tableName) {
        return ctx.arn("dynamodb", "table/" + tableName);
    }

    /** A stable, KMS-looking key id (a UUID derived from the stack and the logical id). */
    String keyId(String logicalId) {
        return java.util.UUID.nameUUIDFromBytes((ctx.stackName() + "/" + logicalId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** A stable, API-Gateway-looking id (10 lower-case alphanumerics) for an API. */
    String apiId(String logicalId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((ctx.stackName() + "/" + logicalId).getBytes(StandardCharsets.UTF_8));
            StringBuilder id = new StringBuilder();
            String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
            for (int i = 0; i < 10; i++) id.append(alphabet.charAt((digest[i] & 0xff) % alphabet.length()));
            return id.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String service(String type) {
        String[] parts = type.split("::");
        return parts.length >= 2 ? parts[1].toLowerCase(Locale.ROOT) : "unknown";
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
