package org.linli.handlers;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.linli.core.DomainException;
import org.linli.observability.Log;

/**
 * The shape every SQS consumer shares: decode each message, work on it, and report failures per
 * message (partial batch response) so that one bad message never re-runs its batch mates. A
 * message that cannot be decoded, or fails, is returned as failed until it reaches the DLQ.
 * Logs are {@code <name>.poison_message}, {@code <name>.retry} and {@code <name>.failed}.
 */
final class MessageLoop {
    private MessageLoop() {}

    /** The work on one decoded message; a DomainException means "retry later". */
    interface Work<T> {
        void handle(T message, String messageId);
    }

    /** Work that may decline a message for now: false puts it back (retried after the visibility timeout). */
    interface Attempt<T> {
        boolean handle(T message, String messageId);
    }

    static <T> SQSBatchResponse run(SQSEvent event, String name, Function<String, T> decode, String idKey,
                                    Function<T, String> id, Work<T> work) {
        return attempt(event, name, decode, idKey, id, (message, messageId) -> {
            work.handle(message, messageId);
            return true;
        });
    }

    static <T> SQSBatchResponse attempt(SQSEvent event, String name, Function<String, T> decode, String idKey,
                                        Function<T, String> id, Attempt<T> work) {
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
