package org.linli.local.template;

import static org.linli.local.template.Shape.ANY;
import static org.linli.local.template.Shape.byKey;
import static org.linli.local.template.Shape.listOf;
import static org.linli.local.template.Shape.mapOf;
import static org.linli.local.template.Shape.obj;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Everything the local cloud knows of a template: the top-level sections, the Globals sections,
 * and per resource type every property it uses or deliberately accepts as deploy-only. A key
 * missing here is refused at start-up (see {@link PropertyCheck}); to use a new property, add it
 * here as {@code used} (and emulate it) or as {@code deployOnly} (and say in the commit why only
 * AWS needs it).
 */
final class TemplateSchema {
    private TemplateSchema() {}

    static final Set<String> TOP_LEVEL = Set.of("AWSTemplateFormatVersion", "Transform", "Description", "Metadata",
            "Parameters", "Mappings", "Conditions", "Globals", "Resources", "Outputs");

    /** Attributes a resource entry may carry beside Type and Properties. */
    static final Set<String> RESOURCE_ATTRIBUTES = Set.of("Type", "Properties", "Condition", "DependsOn", "Metadata",
            "DeletionPolicy", "UpdateReplacePolicy");

    static final Shape.Obj PARAMETER = obj()
            .used("Type", "Default", "AllowedValues", "AllowedPattern", "MinLength", "MaxLength", "MinValue", "MaxValue")
            .deployOnly("Description", "ConstraintDescription", "NoEcho");

    static final Shape.Obj OUTPUT = obj().used("Value", "Condition").deployOnly("Description", "Export");

    // ------------------------------------------------------------------ IAM

    private static final Shape STATEMENT = obj()
            .deployOnly("Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition");

    /** A policy document: IAM is not enforced locally, but its form is checked. */
    static final Shape POLICY_DOCUMENT = obj().deployOnly("Version", "Id").deployOnly("Statement", listOf(STATEMENT));

    /** SAM policy templates the functions use, with their parameters. */
    private static final Map<String, Shape> POLICY_TEMPLATES = new LinkedHashMap<>();

    static {
        for (String t : new String[] {"DynamoDBCrudPolicy", "DynamoDBReadPolicy", "DynamoDBWritePolicy"}) {
            POLICY_TEMPLATES.put(t, obj().deployOnly("TableName"));
        }
        for (String t : new String[] {"SQSSendMessagePolicy", "SQSPollerPolicy"}) {
            POLICY_TEMPLATES.put(t, obj().deployOnly("QueueName"));
        }
        for (String t : new String[] {"S3CrudPolicy", "S3ReadPolicy", "S3WritePolicy"}) {
            POLICY_TEMPLATES.put(t, obj().deployOnly("BucketName"));
        }
        POLICY_TEMPLATES.put("AWSSecretsManagerGetSecretValuePolicy", obj().deployOnly("SecretArn"));
    }

    /** One entry of a function's Policies: a managed policy name or ARN, a SAM policy template, or an inline statement list. */
    private static final Shape POLICY = new Shape() {
        @Override
        void check(Object value, java.util.List<String> path, java.util.function.Consumer<Problem> problems) {
            each(value, path, problems, v -> {
                if (v instanceof String) return;
                Map<String, Object> map = v instanceof Map<?, ?> m ? Values.map(m) : Map.of();
                if (map.size() != 1) {
                    problems.accept(new Problem(path, "expected a policy name, a SAM policy template or {Statement: [...]}"));
                    return;
                }
                String name = map.keySet().iterator().next();
                Shape params = name.equals("Statement") ? listOf(STATEMENT) : POLICY_TEMPLATES.get(name);
                if (params == null) {
                    problems.accept(new Problem(append(path, name), "SAM policy template '" + name + "' is not known to the local cloud"
                            + " (it knows " + String.join(", ", POLICY_TEMPLATES.keySet()) + ")"));
                    return;
                }
                params.check(map.get(name), append(path, name), problems);
            });
        }
    };

    // ------------------------------------------------------------------ functions and their events

    private static final Shape HTTP_API_EVENT = obj().used("Type").used("Properties", obj()
            .used("ApiId", "Path", "Method", "PayloadFormatVersion")
            .used("Auth", obj().used("Authorizer")));

    private static final Shape SQS_EVENT = obj().used("Type").used("Properties", obj()
            .used("Queue", "BatchSize", "MaximumBatchingWindowInSeconds", "FunctionResponseTypes", "Enabled")
            .used("ScalingConfig", obj().used("MaximumConcurrency")));

    private static final Shape RETRY_POLICY = obj().used("MaximumRetryAttempts")
            // Locally a schedule fires on time or not at all: an event never ages.
            .deployOnly("MaximumEventAgeInSeconds");

    private static final Shape SCHEDULE_EVENT = obj().used("Type").used("Properties", obj()
            .used("Schedule", "Name", "Input", "Enabled", "State")
            .used("RetryPolicy", RETRY_POLICY).used("DeadLetterConfig", obj().used("Arn"))
            .deployOnly("Description"));

    private static final Shape SCHEDULE_V2_EVENT = obj().used("Type").used("Properties", obj()
            .used("ScheduleExpression", "ScheduleExpressionTimezone", "Name", "Input", "State")
            .used("RetryPolicy", RETRY_POLICY).used("DeadLetterConfig", obj().used("Arn"))
            .deployOnly("Description", "GroupName")
            .deployOnly("FlexibleTimeWindow", obj().deployOnly("Mode", "MaximumWindowInMinutes")));

    static final Shape EVENT = byKey("Type", Map.of(
            "HttpApi", HTTP_API_EVENT,
            "SQS", SQS_EVENT,
            "Schedule", SCHEDULE_EVENT,
            "ScheduleV2", SCHEDULE_V2_EVENT), "event Type");

    private static final Shape.Obj SERVERLESS_FUNCTION = obj()
            .used("Handler", "Runtime", "MemorySize", "Timeout", "AutoPublishAlias", "FunctionName", "PackageType")
            .used("Environment", obj().used("Variables", ANY))
            .used("Events", mapOf(EVENT))
            // The local cloud runs the handler class from its own classpath (this checkout's build).
            .deployOnly("CodeUri", "Description", "Architectures", "Tags", "Role")
            .deployOnly("Policies", listOf(POLICY))
            .deployOnly("SnapStart", obj().deployOnly("ApplyOn"))
            .deployOnly("LoggingConfig", obj().deployOnly("LogFormat", "ApplicationLogLevel", "SystemLogLevel", "LogGroup"));

    private static final Shape.Obj LAMBDA_FUNCTION = obj()
            .used("Handler", "Runtime", "MemorySize", "Timeout", "FunctionName", "PackageType")
            .used("Environment", obj().used("Variables", ANY))
            .deployOnly("Code", "Role", "Description", "Architectures", "Tags");

    // ------------------------------------------------------------------ the HTTP API

    private static final Shape AUTHORIZER = obj()
            .used("FunctionArn", "AuthorizerPayloadFormatVersion", "EnableSimpleResponses")
            .used("Identity", obj().used("Headers", "QueryStrings", "ReauthorizeEvery"))
            // JWT authorizers are recorded so that their routes are refused locally, never left open.
            .used("JwtConfiguration", ANY).used("IdentitySource")
            .deployOnly("EnableFunctionDefaultPermissions", "FunctionInvokeRole");

    private static final Shape.Obj HTTP_API = obj()
            .used("Auth", obj().used("DefaultAuthorizer").used("Authorizers", mapOf(AUTHORIZER)))
            .deployOnly("FailOnWarnings", "StageName", "Tags", "Description")
            // Throttling and access logs are API Gateway's: the local gateway neither throttles nor logs in that format.
            .deployOnly("DefaultRouteSettings", obj().deployOnly("ThrottlingBurstLimit", "ThrottlingRateLimit",
                    "DetailedMetricsEnabled"))
            .deployOnly("AccessLogSettings", obj().deployOnly("DestinationArn", "Format"));

    // ------------------------------------------------------------------ tables and queues

    private static final Shape KEY_SCHEMA = listOf(obj().used("AttributeName", "KeyType"));
    private static final Shape THROUGHPUT = obj().used("ReadCapacityUnits", "WriteCapacityUnits");
    private static final Shape PROJECTION = obj().used("ProjectionType", "NonKeyAttributes");

    private static final Shape.Obj DYNAMODB_TABLE = obj()
            .used("TableName", "BillingMode")
            .used("AttributeDefinitions", listOf(obj().used("AttributeName", "AttributeType")))
            .used("KeySchema", KEY_SCHEMA)
            .used("ProvisionedThroughput", THROUGHPUT)
            .used("GlobalSecondaryIndexes", listOf(obj().used("IndexName").used("KeySchema", KEY_SCHEMA)
                    .used("Projection", PROJECTION).used("ProvisionedThroughput", THROUGHPUT)))
            .used("LocalSecondaryIndexes", listOf(obj().used("IndexName").used("KeySchema", KEY_SCHEMA)
                    .used("Projection", PROJECTION)))
            .used("TimeToLiveSpecification", obj().used("AttributeName", "Enabled"))
            .used("StreamSpecification", obj().used("StreamViewType"))
            .deployOnly("DeletionProtectionEnabled", "Tags")
            .deployOnly("PointInTimeRecoverySpecification", obj().deployOnly("PointInTimeRecoveryEnabled", "RecoveryPeriodInDays"))
            .deployOnly("SSESpecification", obj().deployOnly("SSEEnabled", "SSEType", "KMSMasterKeyId"));

    private static final Shape.Obj SIMPLE_TABLE = obj()
            .used("TableName").used("PrimaryKey", obj().used("Name", "Type")).used("ProvisionedThroughput", THROUGHPUT)
            .deployOnly("Tags").deployOnly("SSESpecification", obj().deployOnly("SSEEnabled"));

    private static final Shape.Obj SQS_QUEUE = obj()
            .used("QueueName", "FifoQueue", "ContentBasedDeduplication", "VisibilityTimeout", "DelaySeconds",
                    "ReceiveMessageWaitTimeSeconds", "MessageRetentionPeriod", "MaximumMessageSize")
            .used("RedrivePolicy", new Shape() {
                @Override
                void check(Object value, java.util.List<String> path, java.util.function.Consumer<Problem> problems) {
                    // RedrivePolicy may also be a JSON string; QueueReader checks that form when it parses it.
                    if (value instanceof String) return;
                    obj().used("deadLetterTargetArn", "maxReceiveCount").check(value, path, problems);
                }
            })
            .deployOnly("SqsManagedSseEnabled", "KmsMasterKeyId", "KmsDataKeyReusePeriodSeconds", "Tags");

    // ------------------------------------------------------------------ buckets

    private static final Shape.Obj S3_BUCKET = obj()
            .used("BucketName")
            // S3Proxy applies CORS to the whole endpoint (see EmbeddedS3).
            .used("CorsConfiguration", obj().used("CorsRules", listOf(obj()
                    .used("AllowedOrigins", "AllowedMethods", "AllowedHeaders", "ExposedHeaders", "MaxAge").deployOnly("Id"))))
            .used("NotificationConfiguration", obj().used("QueueConfigurations", listOf(obj().used("Event", "Queue")
                    .used("Filter", obj().used("S3Key", obj().used("Rules", listOf(obj().used("Name", "Value"))))))))
            // Local buckets are private to the local credentials; objects stay until deleted: the local
            // endpoint is plain HTTP on loopback, unencrypted, and has no daily lifecycle run.
            .deployOnly("PublicAccessBlockConfiguration", obj().deployOnly("BlockPublicAcls", "BlockPublicPolicy",
                    "IgnorePublicAcls", "RestrictPublicBuckets"))
            .deployOnly("OwnershipControls", obj().deployOnly("Rules", listOf(obj().deployOnly("ObjectOwnership"))))
            .deployOnly("BucketEncryption", obj().deployOnly("ServerSideEncryptionConfiguration", listOf(obj()
                    .deployOnly("ServerSideEncryptionByDefault", obj().deployOnly("SSEAlgorithm", "KMSMasterKeyID"))
                    .deployOnly("BucketKeyEnabled"))))
            .deployOnly("LifecycleConfiguration", obj().deployOnly("Rules", listOf(obj()
                    .deployOnly("Id", "Status", "Prefix", "ExpirationInDays")
                    .deployOnly("AbortIncompleteMultipartUpload", obj().deployOnly("DaysAfterInitiation")))))
            .deployOnly("Tags");

    // ------------------------------------------------------------------ the console's hosting (CloudFront)

    // Deploy-only, all of it: the local cloud serves the built console itself at /console/ beside the
    // API on one origin, with the same security headers (gateway.ConsoleSite) - what the distribution
    // does on AWS. ConsoleHosting defaults to none, so these resources are not even read locally.
    private static final Shape.Obj CACHE_BEHAVIOR = obj()
            .deployOnly("PathPattern", "TargetOriginId", "ViewerProtocolPolicy", "AllowedMethods", "CachedMethods", "Compress",
                    "CachePolicyId", "OriginRequestPolicyId", "ResponseHeadersPolicyId")
            .deployOnly("FunctionAssociations", listOf(obj().deployOnly("EventType", "FunctionARN")));

    private static final Shape.Obj DISTRIBUTION = obj().deployOnly("Tags").deployOnly("DistributionConfig", obj()
            .deployOnly("Enabled", "Comment", "HttpVersion", "IPV6Enabled", "DefaultRootObject", "PriceClass", "Aliases")
            .deployOnly("Origins", listOf(obj().deployOnly("Id", "DomainName", "OriginAccessControlId", "OriginPath")
                    .deployOnly("S3OriginConfig", obj().deployOnly("OriginAccessIdentity"))
                    .deployOnly("CustomOriginConfig", obj().deployOnly("OriginProtocolPolicy", "OriginSSLProtocols", "HTTPSPort", "HTTPPort"))))
            .deployOnly("DefaultCacheBehavior", CACHE_BEHAVIOR)
            .deployOnly("CacheBehaviors", listOf(CACHE_BEHAVIOR))
            .deployOnly("ViewerCertificate", obj().deployOnly("AcmCertificateArn", "IamCertificateId", "SslSupportMethod",
                    "MinimumProtocolVersion", "CloudFrontDefaultCertificate")));

    private static final Shape.Obj ORIGIN_ACCESS_CONTROL = obj().deployOnly("OriginAccessControlConfig", obj()
            .deployOnly("Name", "Description", "OriginAccessControlOriginType", "SigningBehavior", "SigningProtocol"));

    private static final Shape.Obj RESPONSE_HEADERS_POLICY = obj().deployOnly("ResponseHeadersPolicyConfig", obj()
            .deployOnly("Name", "Comment")
            .deployOnly("SecurityHeadersConfig", obj()
                    .deployOnly("ContentSecurityPolicy", obj().deployOnly("ContentSecurityPolicy", "Override"))
                    .deployOnly("ContentTypeOptions", obj().deployOnly("Override"))
                    .deployOnly("FrameOptions", obj().deployOnly("FrameOption", "Override"))
                    .deployOnly("ReferrerPolicy", obj().deployOnly("ReferrerPolicy", "Override"))
                    .deployOnly("StrictTransportSecurity", obj().deployOnly("AccessControlMaxAgeSec", "IncludeSubdomains",
                            "Preload", "Override"))));

    private static final Shape.Obj CLOUDFRONT_FUNCTION = obj().deployOnly("Name", "AutoPublish", "FunctionCode")
            .deployOnly("FunctionConfig", obj().deployOnly("Comment", "Runtime"));

    // ------------------------------------------------------------------ alarms and the rest

    private static final Shape.Obj ALARM = obj()
            .used("Namespace", "MetricName", "Statistic", "Threshold", "ComparisonOperator", "AlarmName")
            .used("Dimensions", listOf(obj().used("Name", "Value")))
            // The local cloud shows an alarm's state from the queue depth now; periods and actions are CloudWatch's.
            .deployOnly("AlarmDescription", "Period", "EvaluationPeriods", "DatapointsToAlarm", "TreatMissingData",
                    "AlarmActions", "OKActions", "InsufficientDataActions", "Unit", "ActionsEnabled");

    /** Per resource type, its properties. A type missing here is refused. */
    static final Map<String, Shape.Obj> RESOURCES = Map.ofEntries(
            Map.entry("AWS::Serverless::Function", SERVERLESS_FUNCTION),
            Map.entry("AWS::Lambda::Function", LAMBDA_FUNCTION),
            Map.entry("AWS::Serverless::HttpApi", HTTP_API),
            Map.entry("AWS::DynamoDB::Table", DYNAMODB_TABLE),
            Map.entry("AWS::Serverless::SimpleTable", SIMPLE_TABLE),
            Map.entry("AWS::SQS::Queue", SQS_QUEUE),
            Map.entry("AWS::CloudWatch::Alarm", ALARM),
            Map.entry("AWS::S3::Bucket", S3_BUCKET),
            // The TLS-only policy cannot hold on the local plain-HTTP loopback endpoint.
            Map.entry("AWS::S3::BucketPolicy", obj().deployOnly("Bucket").deployOnly("PolicyDocument", POLICY_DOCUMENT)),
            // Deploy-only resources: read for their names (Ref, GetAtt), not run locally.
            Map.entry("AWS::SQS::QueuePolicy", obj().deployOnly("Queues").deployOnly("PolicyDocument", POLICY_DOCUMENT)),
            Map.entry("AWS::SNS::Topic", obj().used("TopicName").deployOnly("DisplayName", "KmsMasterKeyId", "Tags")),
            Map.entry("AWS::SNS::Subscription", obj().deployOnly("TopicArn", "Protocol", "Endpoint")),
            Map.entry("AWS::CloudFront::Distribution", DISTRIBUTION),
            Map.entry("AWS::CloudFront::OriginAccessControl", ORIGIN_ACCESS_CONTROL),
            Map.entry("AWS::CloudFront::ResponseHeadersPolicy", RESPONSE_HEADERS_POLICY),
            Map.entry("AWS::CloudFront::Function", CLOUDFRONT_FUNCTION),
            // The local KMS (local.kms.FakeKms) serves the key: symmetric, enabled or not; rotation, the deletion window
            // and the key policy are AWS's (locally the functions' credentials may use every key).
            Map.entry("AWS::KMS::Key", obj().used("KeySpec", "KeyUsage", "Enabled")
                    .deployOnly("Description", "EnableKeyRotation", "PendingWindowInDays", "MultiRegion", "Tags", "RotationPeriodInDays")
                    .deployOnly("KeyPolicy", POLICY_DOCUMENT)),
            Map.entry("AWS::Logs::LogGroup", obj().used("LogGroupName").deployOnly("RetentionInDays", "KmsKeyId", "Tags")));

    /** SAM Globals sections and the resource type each applies to. */
    static final Map<String, String> GLOBALS = Map.of(
            "Function", "AWS::Serverless::Function",
            "HttpApi", "AWS::Serverless::HttpApi",
            "SimpleTable", "AWS::Serverless::SimpleTable");
}
