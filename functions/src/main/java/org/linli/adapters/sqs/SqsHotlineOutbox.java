package org.linli.adapters.sqs;

import org.linli.core.QueueUnavailable;
import org.linli.hotline.HotlineOutbox;
import org.linli.hotline.StatusReport;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * {@link HotlineOutbox} on the FIFO queue HotlineOutboxQueue: one SendMessage per report, grouped by
 * the order number (SQS then hands an order's reports out one at a time, in the order they were
 * put in, and holds the later ones while an earlier one is retried) and deduplicated by the
 * report's id (a case event redelivered within SQS's five-minute window puts nothing in twice).
 */
public final class SqsHotlineOutbox implements HotlineOutbox {
    private final SqsClient sqs;
    private final String queueUrl;

    public SqsHotlineOutbox(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void put(StatusReport report) {
        try {
            sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(report.toJson())
                    .messageGroupId(report.orderNo()).messageDeduplicationId(dedupId(report.id())));
        } catch (SdkException e) {
            throw new QueueUnavailable("The hotline outbox queue could not be reached.", e);
        }
    }

    /** SQS allows 128 characters of {@code [!-~]}: an event id and a kind fit; anything longer is cut (ids end in their kind). */
    static String dedupId(String id) {
        return id.length() <= 128 ? id : id.substring(id.length() - 128);
    }
}
