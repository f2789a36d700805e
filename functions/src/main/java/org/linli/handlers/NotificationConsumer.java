package org.linli.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linli.adapters.sqs.NotificationMessage;
import org.linli.core.TooManyRequests;
import org.linli.notify.Delivery;
import org.linli.notify.Notification;
import org.linli.notify.Redelivery;
import org.linli.observability.Log;
import org.linli.wiring.Wiring;

/**
 * Consumes the notification queue: each notification into its recipient's inbox and, for kinds
 * with a WeChat template, out as a subscribe message ({@link Delivery}) - and, for a reporter the
 * push cannot reach, by SMS (docs/sms.md). The batch's recipients
 * are read in one batch read. A message WeChat throttled (or that another delivery holds) is
 * reported as a batch item failure and hidden for a backoff - {@code WECHAT_RETRY_BASE_SECONDS}
 * doubled per receive, at most 15 minutes - with one ChangeMessageVisibilityBatch, so that it
 * comes back later rather than after the queue's full visibility timeout.
 */
public final class NotificationConsumer implements RequestHandler<SQSEvent, SQSBatchResponse> {
    static final int MAX_BACKOFF_SECONDS = 900;

    private final Delivery delivery;
    private final Redelivery redelivery;
    private final int retryBaseSeconds;

    public NotificationConsumer() {
        this(Wiring.current());
    }

    private NotificationConsumer(Wiring w) {
        this(w.delivery(), w.redelivery(), w.weChatRetryBaseSeconds());
    }

    public NotificationConsumer(Delivery delivery, Redelivery redelivery, int retryBaseSeconds) {
        this.delivery = delivery;
        this.redelivery = redelivery;
        this.retryBaseSeconds = retryBaseSeconds;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<Notification> decodable = new ArrayList<>();
        Map<String, SQSEvent.SQSMessage> byId = new HashMap<>();
        for (SQSEvent.SQSMessage m : event.getRecords()) {
            byId.put(m.getMessageId(), m);
            try {
                decodable.add(NotificationMessage.decode(m.getBody()));
            } catch (IllegalArgumentException e) {
                // MessageLoop reports it as poison below
            }
        }
        Delivery.Batch batch = delivery.batch(decodable);
        Map<String, Duration> later = new HashMap<>();
        SQSBatchResponse response = MessageLoop.run(event, "notification", NotificationMessage::decode, "notificationId",
                Notification::id, (n, messageId) -> {
                    try {
                        Delivery.Outcome outcome = batch.deliver(n);
                        Log.info("notification.delivered", "notificationId", n.id(), "kind", n.kind(), "outcome", outcome,
                                "messageId", messageId);
                    } catch (TooManyRequests e) {
                        later.put(messageId, backoff(byId.get(messageId), e.retryAfter()));
                        throw e;
                    }
                });
        if (!later.isEmpty()) {
            Map<String, Duration> byReceipt = new LinkedHashMap<>();
            later.forEach((messageId, delay) -> byReceipt.put(byId.get(messageId).getReceiptHandle(), delay));
            redelivery.delay(byReceipt);
        }
        return response;
    }

    /** base x 2^(receives - 1), at least what the delivery asked for, at most 15 minutes. */
    Duration backoff(SQSEvent.SQSMessage m, Duration asked) {
        int receives = 1;
        String count = m.getAttributes() == null ? null : m.getAttributes().get("ApproximateReceiveCount");
        if (count != null) receives = Math.max(1, Integer.parseInt(count));
        long seconds = Math.min(MAX_BACKOFF_SECONDS, (long) retryBaseSeconds << Math.min(receives - 1, 10));
        return Duration.ofSeconds(Math.min(MAX_BACKOFF_SECONDS, Math.max(seconds, asked.toSeconds() + 1)));
    }
}
