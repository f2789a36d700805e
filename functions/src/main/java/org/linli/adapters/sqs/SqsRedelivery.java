package org.linli.adapters.sqs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.linli.notify.Redelivery;
import org.linli.observability.Log;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;

/** {@link Redelivery} on the notification queue: ChangeMessageVisibilityBatch, ten messages per call. */
public final class SqsRedelivery implements Redelivery {
    private final SqsClient sqs;
    private final String queueUrl;

    public SqsRedelivery(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void delay(Map<String, Duration> byReceiptHandle) {
        List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, Duration> e : byReceiptHandle.entrySet()) {
            entries.add(ChangeMessageVisibilityBatchRequestEntry.builder().id(String.valueOf(i++))
                    .receiptHandle(e.getKey()).visibilityTimeout((int) e.getValue().toSeconds()).build());
        }
        for (int from = 0; from < entries.size(); from += SqsBatches.BATCH) {
            List<ChangeMessageVisibilityBatchRequestEntry> chunk = entries.subList(from, Math.min(entries.size(), from + SqsBatches.BATCH));
            try {
                sqs.changeMessageVisibilityBatch(b -> b.queueUrl(queueUrl).entries(chunk));
            } catch (SdkException e) {
                Log.warn("notification.backoff_failed", "messages", chunk.size(), "reason", e.getClass().getSimpleName());
            }
        }
    }
}
