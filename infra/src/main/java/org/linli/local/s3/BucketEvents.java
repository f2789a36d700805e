package org.linli.local.s3;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.linli.local.lambda.LocalLog;
import org.linli.local.template.BucketDef;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Delivers the template buckets' notifications: each object created is sent, as S3 event JSON, to
 * every queue whose configuration matches its kind and key (S3 checks prefix and suffix on the
 * key as stored, not URL-encoded). At least once, after the upload has been answered, as on AWS.
 */
final class BucketEvents {
    private final String region;
    private final Map<String, BucketDef> buckets = new LinkedHashMap<>();
    private final SqsClient sqs;
    private final Function<String, String> queueUrls;
    /** S3's sequencer orders the events of one key; a counter does that for every key. */
    private final AtomicLong sequencer = new AtomicLong(System.currentTimeMillis() << 20);

    /** @param queueUrls queue logical id to URL */
    BucketEvents(String region, Collection<BucketDef> buckets, SqsClient sqs, Function<String, String> queueUrls) {
        this.region = region;
        buckets.forEach(b -> this.buckets.put(b.bucketName(), b));
        this.sqs = sqs;
        this.queueUrls = queueUrls;
    }

    boolean notifies(String bucket) {
        BucketDef b = buckets.get(bucket);
        return b != null && !b.notifications().isEmpty();
    }

    /** Sends one event per matching configuration; returns how many were sent. */
    int created(S3Events.Creation creation) {
        BucketDef bucket = buckets.get(creation.bucket());
        if (bucket == null) return 0;
        int sent = 0;
        for (BucketDef.QueueNotification n : bucket.notifications()) {
            if (!n.matches(creation.eventName(), creation.key())) continue;
            String body = S3Events.objectCreated(region, bucket, n, creation, String.format("%016X", sequencer.incrementAndGet()));
            try {
                sqs.sendMessage(r -> r.queueUrl(queueUrls.apply(n.queueLogicalId())).messageBody(body));
                sent++;
            } catch (RuntimeException e) {
                LocalLog.error("s3 " + bucket.bucketName() + ": could not send " + creation.eventName() + " to " + n.queueLogicalId() + ": " + e);
            }
        }
        return sent;
    }

    /** S3's s3:TestEvent to every destination of every bucket: what setting the configuration does on AWS. */
    void announce(Instant now) {
        for (BucketDef bucket : buckets.values()) {
            bucket.notifications().stream().map(BucketDef.QueueNotification::queueLogicalId).distinct().forEach(queue -> {
                String body = S3Events.testEvent(bucket.bucketName(), now, UUID.randomUUID().toString());
                sqs.sendMessage(r -> r.queueUrl(queueUrls.apply(queue)).messageBody(body));
            });
        }
    }
}
