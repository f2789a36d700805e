package org.linli.local.template;

import java.util.List;

/**
 * An AWS::S3::Bucket as the local S3 serves it: its name, its CORS rules and the ObjectCreated
 * notifications it delivers to template queues.
 */
public record BucketDef(String logicalId, String bucketName, String arn, List<CorsRule> corsRules,
                        List<QueueNotification> notifications) {
    public BucketDef {
        corsRules = List.copyOf(corsRules);
        notifications = List.copyOf(notifications);
    }

    /** One CorsConfiguration.CorsRules entry. */
    public record CorsRule(List<String> allowedOrigins, List<String> allowedMethods, List<String> allowedHeaders,
                           List<String> exposedHeaders, Integer maxAge) {
        public CorsRule {
            allowedOrigins = List.copyOf(allowedOrigins);
            allowedMethods = List.copyOf(allowedMethods);
            allowedHeaders = List.copyOf(allowedHeaders);
            exposedHeaders = List.copyOf(exposedHeaders);
        }
    }

    /**
     * One NotificationConfiguration.QueueConfigurations entry.
     *
     * @param id what S3 puts in {@code s3.configurationId} (CloudFormation has no Id here: S3 makes one up)
     * @param event {@code s3:ObjectCreated:*} or one kind ({@code s3:ObjectCreated:Put}, ...)
     * @param prefix the S3Key filter's prefix, or ""
     * @param suffix the S3Key filter's suffix, or ""
     */
    public record QueueNotification(String id, String event, String queueLogicalId, String queueArn, String prefix,
                                    String suffix) {
        /** Whether an object created by {@code eventName} (e.g. {@code ObjectCreated:Put}) under {@code key} is notified. */
        public boolean matches(String eventName, String key) {
            boolean kind = event.equals("s3:ObjectCreated:*") || event.equals("s3:" + eventName);
            return kind && key.startsWith(prefix) && key.endsWith(suffix) && key.length() >= prefix.length() + suffix.length();
        }
    }
}
