package org.linli.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import org.linli.adapters.sqs.RatingMessage;
import org.linli.observability.Log;
import org.linli.volunteer.points.RatingEvent;
import org.linli.volunteer.points.Ratings;
import org.linli.wiring.Wiring;

/**
 * Folds ratings into members' aggregates (average, count) and points. Idempotent by event id: a
 * redelivered message changes nothing. Failures are reported per message; a message that can
 * never succeed fails until it reaches the DLQ and its alarm.
 */
public final class RatingConsumer implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final Ratings ratings;

    public RatingConsumer() {
        this(Wiring.current());
    }

    private RatingConsumer(Wiring w) {
        this(new Ratings(w.volunteerPorts().points(), w.volunteerPorts().members(), w.volunteerPorts().ratings(),
                w.volunteerPorts().rules().points(), w.clock()));
    }

    public RatingConsumer(Ratings ratings) {
        this.ratings = ratings;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return MessageLoop.run(event, "rating", RatingMessage::decode, "eventId", RatingEvent::eventId, (rating, messageId) -> {
            boolean folded = ratings.fold(rating);
            Log.info(folded ? "rating.folded" : "rating.redelivery_ignored", "eventId", rating.eventId(),
                    "kind", rating.kind(), "memberId", rating.memberId(), "messageId", messageId);
        });
    }
}
