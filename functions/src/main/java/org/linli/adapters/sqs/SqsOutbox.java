package org.linli.adapters.sqs;

import java.util.List;
import org.linli.notify.Notification;
import org.linli.notify.Outbox;
import software.amazon.awssdk.services.sqs.SqsClient;

/** {@link Outbox} on the notification queue: SendMessageBatch, ten notifications per call. */
public final class SqsOutbox implements Outbox {
    private final SqsClient sqs;
    private final String queueUrl;

    public SqsOutbox(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void send(List<Notification> notifications) {
        SqsBatches.sendAll(sqs, queueUrl, notifications.stream().map(NotificationMessage::encode).toList(), "notification queue", true);
    }
}
