package org.linli.adapters.sqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.linli.volunteer.points.RatingEvent;
import org.linli.volunteer.points.RatingKind;

class RatingMessageTest {
    @Test
    void aRatingSurvivesTheQueueAndCarriesNoComment() {
        RatingEvent e = new RatingEvent("rte_X", RatingKind.WISH, "wsh_Y", "usr_M", "张三", "DEMO-W1", 2026, YearMonth.of(2026, 11), 4,
                Instant.parse("2026-11-23T05:00:00Z"));
        String body = RatingMessage.encode(e);
        assertEquals(e, RatingMessage.decode(body));
        assertFalse(body.contains("comment"));
    }

    @Test
    void anythingElseIsAPoisonMessage() {
        assertThrows(IllegalArgumentException.class, () -> RatingMessage.decode("not json"));
        assertThrows(IllegalArgumentException.class, () -> RatingMessage.decode("{\"type\":\"report.received\",\"v\":1}"));
        assertThrows(IllegalArgumentException.class, () -> RatingMessage.decode(
                "{\"type\":\"rating.given\",\"v\":1,\"eventId\":\"e\",\"kind\":\"WISH\",\"subjectId\":\"s\",\"memberId\":\"m\","
                        + "\"community\":\"c\",\"year\":2026,\"month\":\"2026-11\",\"score\":9,\"at\":\"2026-11-23T05:00:00Z\"}"));
    }
}
