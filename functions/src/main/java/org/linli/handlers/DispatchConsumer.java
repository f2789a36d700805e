package org.linli.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import org.linli.adapters.sqs.DispatchMessage;
import org.linli.cycle.Dispatcher;
import org.linli.observability.Log;
import org.linli.wiring.Wiring;

/**
 * Consumes the dispatch queue (batch size 1: each message is a community's worth of work): runs
 * the {@link Dispatcher} from the checkpoint until done or until {@code DISPATCH_RESERVE_MS}
 * before the invocation's end, when it puts the work back on the queue and returns.
 */
public final class DispatchConsumer implements RequestHandler<SQSEvent, SQSBatchResponse> {
    static final int DEFAULT_PAGE_SIZE = 500;
    static final long DEFAULT_RESERVE_MS = 30_000;

    private final Dispatcher dispatcher;
    private final long reserveMillis;

    public DispatchConsumer() {
        this(Wiring.current());
    }

    private DispatchConsumer(Wiring w) {
        this(w.dispatcher(), w.dispatchReserveMillis());
    }

    public DispatchConsumer(Dispatcher dispatcher, long reserveMillis) {
        this.dispatcher = dispatcher;
        this.reserveMillis = reserveMillis;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return MessageLoop.run(event, "dispatch", DispatchMessage::decode, "cycleId", w -> w.cycleId(), (work, messageId) -> {
            Dispatcher.Result r = dispatcher.run(work,
                    () -> context == null ? Long.MAX_VALUE : context.getRemainingTimeInMillis(), reserveMillis);
            Log.info("dispatch." + r.stop().name().toLowerCase(), "cycleId", work.cycleId(), "community", work.community(),
                    "pages", r.pages(), "sent", r.sent(), "totalSent", r.checkpoint().sent(), "totalPages", r.checkpoint().pages(),
                    "messageId", messageId);
        });
    }
}
