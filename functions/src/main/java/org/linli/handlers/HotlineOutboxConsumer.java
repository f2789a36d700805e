package org.linli.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.linli.core.DomainException;
import org.linli.hotline.StatusPusher;
import org.linli.hotline.StatusReport;
import org.linli.notify.Redelivery;
import org.linli.observability.Log;
import org.linli.wiring.Wiring;

/**
 * Sends the status reports of the hotline outbox (a FIFO queue grouped by order number) to the
 * 12345 platform, signed (docs/hotline.md). Partial batch failures, FIFO-style: once a report of an
 * order fails, the order's later reports in the batch are returned unsent, so that the platform
 * never gets an order's reports out of order; the failed one comes back after a backoff
 * (base x 2^(receives-1), at most 15 minutes) and, after the queue's maxReceiveCount, goes to the
 * DLQ, whose alarm calls an operator. Idempotent: a report sent twice carries the same {@code id},
 * which the platform drops the second time.
 */
public final class HotlineOutboxConsumer implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private static final long MAX_BACKOFF_SECONDS = 900;
    private final StatusPusher pusher;
    private final Redelivery redelivery;
    private final int retryBaseSeconds;

    public HotlineOutboxConsumer() {
        this(Wiring.current());
    }

    private HotlineOutboxConsumer(Wiring w) {
        this(w.statusPusher(), w.hotlineRedelivery(), w.hotlineRetryBaseSeconds());
    }

    public HotlineOutboxConsumer(StatusPusher pusher, Redelivery redelivery, int retryBaseSeconds) {
        this.pusher = pusher;
        this.redelivery = redelivery;
        this.retryBaseSeconds = retryBaseSeconds;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        Set<String> held = new HashSet<>();
        Map<String, Duration> later = new LinkedHashMap<>();
        for (SQSEvent.SQSMessage m : event.getRecords()) {
            String group = attribute(m, "MessageGroupId");
            if (group != null && held.contains(group)) {
                failures.add(new SQSBatchResponse.BatchItemFailure(m.getMessageId()));
                continue;
            }
            StatusReport report;
            try {
                report = StatusReport.fromJson(m.getBody());
            } catch (IllegalArgumentException e) {
                Log.error("hotline_outbox.poison_message", null, "messageId", m.getMessageId(), "reason", e.getMessage());
                fail(m, group, failures, held);
                continue;
            }
            try {
                pusher.push(report);
                Log.info("hotline_outbox.sent", "reportId", report.id(), "orderNo", report.orderNo(), "kind", report.kind(),
                        "messageId", m.getMessageId());
            } catch (DomainException e) {
                Log.warn("hotline_outbox.retry", "reportId", report.id(), "code", e.code(), "messageId", m.getMessageId());
                fail(m, group, failures, held);
                if (m.getReceiptHandle() != null) later.put(m.getReceiptHandle(), backoff(m));
            } catch (RuntimeException e) {
                Log.error("hotline_outbox.failed", e, "reportId", report.id(), "messageId", m.getMessageId());
                fail(m, group, failures, held);
            }
        }
        if (!later.isEmpty()) redelivery.delay(later);
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }

    private static void fail(SQSEvent.SQSMessage m, String group, List<SQSBatchResponse.BatchItemFailure> failures, Set<String> held) {
        failures.add(new SQSBatchResponse.BatchItemFailure(m.getMessageId()));
        if (group != null) held.add(group);
    }

    private static String attribute(SQSEvent.SQSMessage m, String name) {
        return m.getAttributes() == null ? null : m.getAttributes().get(name);
    }

    /** base x 2^(receives - 1), at most 15 minutes. */
    Duration backoff(SQSEvent.SQSMessage m) {
        String count = attribute(m, "ApproximateReceiveCount");
        int receives = count == null ? 1 : Math.max(1, Integer.parseInt(count));
        return Duration.ofSeconds(Math.min(MAX_BACKOFF_SECONDS, (long) retryBaseSeconds << Math.min(receives - 1, 10)));
    }
}
