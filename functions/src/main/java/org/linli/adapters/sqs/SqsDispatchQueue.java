package org.linli.adapters.sqs;

import java.util.List;
import org.linli.cycle.DispatchQueue;
import org.linli.cycle.DispatchWork;
import software.amazon.awssdk.services.sqs.SqsClient;

/** {@link DispatchQueue} on SQS: SendMessageBatch, ten pieces of work per call. */
public final class SqsDispatchQueue implements DispatchQueue {
    private final SqsClient sqs;
    private final String queueUrl;

    public SqsDispatchQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void enqueue(List<DispatchWork> work) {
        SqsBatches.sendAll(sqs, queueUrl, work.stream().map(DispatchMessage::encode).toList(), "dispatch queue", true);
    }
}
