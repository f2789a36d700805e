package org.linli.adapters.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.YearMonth;
import org.linli.core.Times;
import org.linli.json.Json;
import org.linli.volunteer.points.RatingEvent;
import org.linli.volunteer.points.RatingKind;

/**
 * {@code {"type":"rating.given","v":1,"eventId","kind","subjectId","memberId","memberName",
 * "community","year","month","score","at"}} ⇄ {@link RatingEvent}. No comment and nothing of the
 * resident who rated (an appraisal's subject is his user id, needed for its idempotency only).
 */
public final class RatingMessage {
    public static final String TYPE = "rating.given";

    private RatingMessage() {}

    public static String encode(RatingEvent e) {
        ObjectNode o = Json.object().put("type", TYPE).put("v", 1)
                .put("eventId", e.eventId())
                .put("kind", e.kind().name())
                .put("subjectId", e.subjectId())
                .put("memberId", e.memberId())
                .put("community", e.community())
                .put("year", e.year())
                .put("score", e.score())
                .put("at", Times.stored(e.at()));
        if (e.memberName() != null) o.put("memberName", e.memberName());
        if (e.month() != null) o.put("month", e.month().toString());
        return Json.write(o);
    }

    /** Throws IllegalArgumentException for anything that is not a valid v1 rating.given message. */
    public static RatingEvent decode(String body) {
        JsonNode n = Messages.parse(body, TYPE);
        RatingKind kind = RatingKind.valueOf(Messages.required(n, "kind"));
        int score = n.path("score").asInt(0);
        if (score < 1 || score > 5) throw new IllegalArgumentException("score out of range");
        YearMonth month = n.hasNonNull("month") ? YearMonth.parse(n.get("month").asText()) : null;
        if (month == null && kind.byBeneficiary()) throw new IllegalArgumentException("missing month");
        return new RatingEvent(Messages.required(n, "eventId"), kind, Messages.required(n, "subjectId"), Messages.required(n, "memberId"),
                n.hasNonNull("memberName") ? n.get("memberName").asText() : null, Messages.required(n, "community"),
                n.path("year").asInt(), month, score, Instant.parse(Messages.required(n, "at")));
    }
}
