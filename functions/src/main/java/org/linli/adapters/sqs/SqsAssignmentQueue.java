package org.linli.adapters.sqs;

import java.util.ArrayList;
import java.util.List;
import org.linli.core.QueueUnavailable;
import org.linli.report.AssignmentQueue;
import org.linli.report.ReportReceived;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

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
        int accepted = 0;
        for (int i = 0; i < messages.size(); i += 10) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            List<ReportReceived> chunk = messages.subList(i, Math.min(messages.size(), i + 10));
            for (int j = 0; j < chunk.size(); j++) {
                entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(j))
                        .messageBody(ReportReceivedMessage.encode(chunk.get(j))).build());
            }
            try {
                SendMessageBatchResponse r = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
                accepted += r.successful().size();
            } catch (SdkException e) {
                throw new QueueUnavailable("The assignment queue could not be reached.", e);
            }
        }
        return accepted;
    }
}
