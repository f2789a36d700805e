package org.linli.local.testfn;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Consumes the work queue with ReportBatchItemFailures: a body starting with {@code fail} is
 * reported failed, {@code throw} fails the whole batch by throwing, {@code bad-id} reports an
 * identifier that is not in the batch (which Lambda treats as a whole-batch failure).
 */
public class SqsHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    public static final ConcurrentLinkedQueue<SQSEvent.SQSMessage> RECEIVED = new ConcurrentLinkedQueue<>();

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        boolean explode = false;
        for (SQSEvent.SQSMessage m : event.getRecords()) {
            RECEIVED.add(m);
            if (m.getBody().startsWith("throw")) explode = true;
            if (m.getBody().startsWith("fail")) failures.add(new SQSBatchResponse.BatchItemFailure(m.getMessageId()));
            if (m.getBody().startsWith("bad-id")) failures.add(new SQSBatchResponse.BatchItemFailure("not-in-this-batch"));
        }
        if (explode) throw new IllegalStateException("the whole batch fails");
        return new SQSBatchResponse(failures);
    }

    /** The bodies received so far that start with {@code prefix}, in order. */
    public static List<SQSEvent.SQSMessage> received(String marker) {
        return RECEIVED.stream().filter(m -> m.getBody().contains(marker)).toList();
    }
}
