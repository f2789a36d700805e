package org.linli.handlers;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.linli.core.DomainException;
import org.linli.observability.Log;

/**
 * The loop every SQS consumer runs: decode each message, handle it, and report failures per
 * message (partial batch response), so one bad message never re-runs its batch mates. A message
 * that cannot be decoded, or keeps failing, fails until it reaches the DLQ and its alarm.
 */
final class SqsBatch {
    private SqsBatch() {}

    /**
     * @param prefix   log event prefix ({@code assignment} → {@code assignment.retry}, ...)
     * @param decode   message body → value; throws for poison messages
     * @param idFields what identifies a value in the logs, as key/value pairs
     * @param handle   the work, given the value and the message id
     */
    static <T> SQSBatchResponse each(SQSEvent event, String prefix, Function<String, T> decode,
                                     Function<T, List<Object>> idFields, BiConsumer<T, String> handle) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage m : event.getRecords()) {
            T value;
            try {
                value = decode.apply(m.getBody());
            } catch (RuntimeException e) {
                Log.error(prefix + ".poison_message", null, "messageId", m.getMessageId(), "reason", e.getMessage());
                failures.add(new SQSBatchResponse.BatchItemFailure(m.getMessageId()));
                continue;
            }
            List<Object> ids = new ArrayList<>(idFields.apply(value));
            ids.add("messageId");
            ids.add(m.getMessageId());
            try {
                handle.accept(value, m.getMessageId());
            } catch (DomainException e) {
                List<Object> kv = new ArrayList<>(ids);
                kv.add("code");
                kv.add(e.code());
                Log.warn(prefix + ".retry", kv.toArray());
                failures.add(new SQSBatchResponse.BatchItemFailure(m.getMessageId()));
            } catch (RuntimeException e) {
                Log.error(prefix + ".failed", e, ids.toArray());
                failures.add(new SQSBatchResponse.BatchItemFailure(m.getMessageId()));
            }
        }
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }
}
