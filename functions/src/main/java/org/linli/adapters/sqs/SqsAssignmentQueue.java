package org.linli.adapters.sqs;

import java.util.List;
import org.linli.core.QueueUnavailable;
import org.linli.report.AssignmentQueue;
import org.linli.report.ReportReceived;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/** {@link AssignmentQueue} on SQS: one SendMessage per report, SendMessageBatch (10) for the sweep. */
public final class SqsAssignmentQueue implements AssignmentQueue {
    private final SqsClient sqs;
    private final String queueUrl;

    public SqsAssignmentQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void enqueue(ReportReceived message) {
        try {
            sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(ReportReceivedMessage.encode(message)));
        } catch (SdkException e) {
            throw new QueueUnavailable("The assignment queue could not be reached.", e);
        }
    }

    @Override
    public int enqueueAll(List<ReportReceived> messages) {
        return SqsBatches.sendAll(sqs, queueUrl, messages.stream().map(ReportReceivedMessage::encode).toList(), "assignment queue", false);
    }
}
