package org.linli.local.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** AWS::S3::Bucket properties to a {@link BucketDef}. */
final class BucketReader {
    /** The events the local S3 emits; S3 also has ObjectRemoved, ObjectRestore, Replication, ... */
    private static final Set<String> CREATED = Set.of("s3:ObjectCreated:*", "s3:ObjectCreated:Put", "s3:ObjectCreated:Post",
            "s3:ObjectCreated:Copy", "s3:ObjectCreated:CompleteMultipartUpload");

    private BucketReader() {}

    static BucketDef read(String logicalId, String name, String arn, Map<String, Object> p, Lookup lookup) {
        if (!name.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw new TemplateException(logicalId + ".BucketName '" + name + "' is not a valid bucket name"
                    + " (3-63 lower-case letters, digits, dots and hyphens)");
        }
        List<BucketDef.CorsRule> cors = new ArrayList<>();
        for (Object r : Values.list(Values.map(p.get("CorsConfiguration")).get("CorsRules"))) {
            Map<String, Object> rule = Values.map(r);
            cors.add(new BucketDef.CorsRule(Values.strings(rule.get("AllowedOrigins")), Values.strings(rule.get("AllowedMethods")),
                    Values.strings(rule.get("AllowedHeaders")), Values.strings(rule.get("ExposedHeaders")),
                    Values.integer(rule.get("MaxAge"), logicalId + ".CorsConfiguration.CorsRules.MaxAge")));
        }
        List<BucketDef.QueueNotification> notifications = new ArrayList<>();
        List<Object> configurations = Values.list(Values.map(p.get("NotificationConfiguration")).get("QueueConfigurations"));
        for (int i = 0; i < configurations.size(); i++) {
            notifications.add(notification(logicalId, i, Values.map(configurations.get(i)), lookup));
        }
        for (int i = 0; i < notifications.size(); i++) {
            for (int j = i + 1; j < notifications.size(); j++) overlap(logicalId, notifications.get(i), notifications.get(j));
        }
        return new BucketDef(logicalId, name, arn, cors, notifications);
    }

    private static BucketDef.QueueNotification notification(String bucket, int index, Map<String, Object> c, Lookup lookup) {
        String where = bucket + ".NotificationConfiguration.QueueConfigurations[" + index + "]";
        String event = Values.str(c.get("Event"));
        if (!CREATED.contains(event)) {
            throw new TemplateException(where + ".Event " + event + " is not emulated by the local S3 (it emits " + CREATED + ")");
        }
        String queueArn = Values.str(c.get("Queue"));
        String queue = lookup.queueForArn(queueArn);
        if (queue == null) throw new TemplateException(where + ".Queue " + queueArn + " is not a queue of this template");
        String prefix = "";
        String suffix = "";
        for (Object r : Values.list(Values.map(Values.map(c.get("Filter")).get("S3Key")).get("Rules"))) {
            Map<String, Object> rule = Values.map(r);
            String name = Values.str(rule.get("Name"));
            String value = Values.str(rule.get("Value"));
            switch (name == null ? "" : name.toLowerCase(Locale.ROOT)) {
                case "prefix" -> prefix = value;
                case "suffix" -> suffix = value;
                default -> throw new TemplateException(where + ".Filter.S3Key.Rules: Name must be prefix or suffix, not " + name);
            }
        }
        return new BucketDef.QueueNotification(bucket + "-QueueConfiguration-" + (index + 1), event, queue, queueArn, prefix, suffix);
    }

    /** S3 refuses two configurations that could both match one event ("Configurations overlap"). */
    private static void overlap(String bucket, BucketDef.QueueNotification a, BucketDef.QueueNotification b) {
        boolean events = a.event().equals(b.event()) || a.event().endsWith(":*") || b.event().endsWith(":*");
        boolean prefixes = a.prefix().startsWith(b.prefix()) || b.prefix().startsWith(a.prefix());
        boolean suffixes = a.suffix().endsWith(b.suffix()) || b.suffix().endsWith(a.suffix());
        if (events && prefixes && suffixes) {
            throw new TemplateException(bucket + ".NotificationConfiguration: " + a.id() + " and " + b.id()
                    + " overlap (same event kind, overlapping prefix and suffix); S3 refuses such a configuration");
        }
    }
}
