package org.linli.adapters.sqs;

import java.util.ArrayList;
import java.util.List;
import org.linli.core.QueueUnavailable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/** SendMessageBatch, ten messages per call; entries SQS failed on its side are sent again (twice at most). */
final class SqsBatches {
    static final int BATCH = 10;
    private static final int ATTEMPTS = 3;

    private SqsBatches() {}

    /**
     * Sends every body; returns how many SQS accepted. With {@code strict}, a message still refused
     * after the retries is a QueueUnavailable (the caller must not believe it sent).
     */
    static int sendAll(SqsClient sqs, String queueUrl, List<String> bodies, String queue, boolean strict) {
        int accepted = 0;
        for (int i = 0; i < bodies.size(); i += BATCH) {
            List<SendMessageBatchRequestEntry> pending = new ArrayList<>();
            List<String> chunk = bodies.subList(i, Math.min(bodies.size(), i + BATCH));
            for (int j = 0; j < chunk.size(); j++) {
                pending.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(j)).messageBody(chunk.get(j)).build());
            }
            for (int attempt = 0; attempt < ATTEMPTS && !pending.isEmpty(); attempt++) {
                List<SendMessageBatchRequestEntry> entries = pending;
                SendMessageBatchResponse r;
                try {
                    r = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
                } catch (SdkException e) {
                    throw new QueueUnavailable("The " + queue + " could not be reached.", e);
                }
                accepted += r.successful().size();
                List<String> retry = r.failed().stream().filter(f -> !f.senderFault()).map(BatchResultErrorEntry::id).toList();
                pending = entries.stream().filter(e -> retry.contains(e.id())).toList();
                if (strict && r.failed().stream().anyMatch(BatchResultErrorEntry::senderFault)) {
                    throw new QueueUnavailable("The " + queue + " refused a message.", null);
                }
            }
            if (strict && !pending.isEmpty()) throw new QueueUnavailable("The " + queue + " kept failing some messages.", null);
        }
        return accepted;
    }
}
