package org.linli.handlers;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.linli.core.DomainException;
import org.linli.observability.Log;

/**
 * The loop every SQS consumer runs: decode each message, do its work, and report failures per
 * message (partial batch response) so that one bad message never re-runs its batch mates. A
 * message that cannot be decoded fails too: it reaches the DLQ and its alarm, never dropped.
 */
final class SqsBatch {
    /** One message's work; false when it should come back later (nothing failed, but it is not done). */
    @FunctionalInterface
    interface Work<T> {
        boolean handle(T message, String messageId);
    }

    private SqsBatch() {}

    /** {@code name} prefixes the log events; {@code idKey} names {@code id(message)} in them. */
    static <T> SQSBatchResponse process(SQSEvent event, String name, Function<String, T> decode, String idKey,
                                        Function<T, String> id, Work<T> work) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage m : event.getRecords()) {
            T message;
            try {
                message = decode.apply(m.getBody());
            } catch (RuntimeException e) {
                Log.error(name + ".poison_message", null, "messageId", m.getMessageId(), "reason", e.getMessage());
                failures.add(new SQSBatchResponse.BatchItemFailure(m.getMessageId()));
                continue;
            }
            try {
                if (!work.handle(message, m.getMessageId())) failures.add(new SQSBatchResponse.BatchItemFailure(m.getMessageId()));
            } catch (DomainException e) {
                Log.warn(name + ".retry", idKey, id.apply(message), "code", e.code(), "messageId", m.getMessageId());
                failures.add(new SQSBatchResponse.BatchItemFailure(m.getMessageId()));
            } catch (RuntimeException e) {
                Log.error(name + ".failed", e, idKey, id.apply(message), "messageId", m.getMessageId());
                failures.add(new SQSBatchResponse.BatchItemFailure(m.getMessageId()));
            }
        }
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }
}
