package org.linli.local.template;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;

/** AWS::SQS::Queue properties to a {@link QueueDef}. */
final class QueueReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private QueueReader() {}

    static QueueDef read(String logicalId, String name, String url, String arn, Map<String, Object> p, Lookup lookup) {
        String where = logicalId;
        return new QueueDef(logicalId, name, url, arn,
                Values.bool(p.get("FifoQueue"), false),
                Values.bool(p.get("ContentBasedDeduplication"), false),
                Values.integer(p.get("VisibilityTimeout"), where + ".VisibilityTimeout"),
                Values.integer(p.get("MessageRetentionPeriod"), where + ".MessageRetentionPeriod"),
                Values.integer(p.get("DelaySeconds"), where + ".DelaySeconds"),
                Values.integer(p.get("ReceiveMessageWaitTimeSeconds"), where + ".ReceiveMessageWaitTimeSeconds"),
                Values.integer(p.get("MaximumMessageSize"), where + ".MaximumMessageSize"),
                redrive(logicalId, p.get("RedrivePolicy"), lookup));
    }

    /** RedrivePolicy is a map in YAML templates but may also be written as a JSON string. */
    private static QueueDef.Redrive redrive(String logicalId, Object policy, Lookup lookup) {
        if (policy == null) return null;
        Map<String, Object> p;
        if (policy instanceof String json) {
            try {
                p = Values.map(JSON.readValue(json, Map.class));
            } catch (IOException e) {
                throw new TemplateException(logicalId + ".RedrivePolicy is not valid JSON", e);
            }
        } else {
            p = Values.map(policy);
        }
        String target = Values.str(p.get("deadLetterTargetArn"));
        Integer max = Values.integer(p.get("maxReceiveCount"), logicalId + ".RedrivePolicy.maxReceiveCount");
        if (target == null || max == null) {
            throw new TemplateException(logicalId + ".RedrivePolicy needs deadLetterTargetArn and maxReceiveCount");
        }
        String dlq = lookup.queueForArn(target);
        if (dlq == null) {
            throw new TemplateException(logicalId + ".RedrivePolicy: dead-letter queue " + target + " is not a queue of this template");
        }
        return new QueueDef.Redrive(dlq, target, max);
    }
}
