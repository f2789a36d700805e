package org.linli.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import org.linli.adapters.sqs.S3EventMessage;
import org.linli.observability.Log;
import org.linli.photos.PhotoValidation;
import org.linli.wiring.Wiring;

/**
 * Checks what arrives under the photo bucket's {@code incoming/} (S3 ObjectCreated → PhotoUploadsQueue):
 * each object is validated and re-encoded, or refused, and its upload deleted (PhotoValidation).
 * Idempotent per object; failures per message (a store or bucket that failed: retried, then the DLQ).
 * S3's {@code s3:TestEvent} (sent when the notification is set) is taken off the queue and ignored.
 */
public final class PhotoValidator implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final PhotoValidation validation;

    public PhotoValidator() {
        this(Wiring.current().photoValidation());
    }

    public PhotoValidator(PhotoValidation validation) {
        this.validation = validation;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return MessageLoop.run(event, "photo", S3EventMessage::decode, "objects", m -> String.valueOf(m.objects().size()),
                (message, messageId) -> {
                    for (S3EventMessage.Created o : message.objects()) {
                        long started = System.nanoTime();
                        PhotoValidation.Outcome outcome = validation.validate(o.key(), o.size());
                        Log.info("photo.checked", "outcome", outcome, "size", o.size(), "ms", (System.nanoTime() - started) / 1_000_000,
                                "messageId", messageId);
                    }
                });
    }
}
