package org.linli.adapters.sqs;

import org.linli.core.QueueUnavailable;
import org.linli.volunteer.points.RatingEvent;
import org.linli.volunteer.points.RatingQueue;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/** {@link RatingQueue} on SQS: one SendMessage per rating. */
public final class SqsRatingQueue implements RatingQueue {
    private final SqsClient sqs;
    private final String queueUrl;

    public SqsRatingQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void send(RatingEvent event) {
        try {
            sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(RatingMessage.encode(event)));
        } catch (SdkException e) {
            throw new QueueUnavailable("The ratings queue could not be reached.", e);
        }
    }
}
