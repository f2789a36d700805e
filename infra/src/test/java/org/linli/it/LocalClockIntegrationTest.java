package org.linli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linli.local.LocalCloud;

/**
 * The local cloud's clock: the tests' cloud runs at {@link LinliCloud#START} whatever the machine's
 * time; {@code /_local/clock} reads and moves it; the functions (their wiring), the gateway and the
 * schedules all follow it.
 */
class LocalClockIntegrationTest {
    private final LocalCloud cloud = LinliCloud.get();
    private final Api api = new Api(cloud.baseUrl());

    @Test
    void theFunctionsRunByTheCloudsClockNotTheMachines() {
        String token = api.login("resident");
        Instant before = LinliCloud.now();
        Api.Answer a = api.post("/reports", token, "{\"category\":\"sanitation\",\"description\":\"时钟\",\"location\":"
                + "{\"lat\":37.8481,\"lng\":113.5452,\"datum\":\"GCJ02\"},\"contact\":{\"phone\":\"13812341234\"}}");
        Instant after = LinliCloud.now();
        assertEquals(202, a.status(), a.body());
        Instant received = Instant.parse(a.json().path("receivedAt").asText());
        // Stored times are to the second (or finer); the machine's time is weeks away from the cloud's.
        assertFalse(received.isBefore(before.minusSeconds(1)), received + " before " + before);
        assertFalse(received.isAfter(after.plusSeconds(1)), received + " after " + after);
        assertTrue(Duration.between(LinliCloud.START, received).toHours() < 12, "the run started at " + LinliCloud.START);
    }

    @Test
    void theAdminRouteReadsAndMovesTheClock() {
        JsonNode read = api.get("/_local/clock", null).json();
        assertTrue(read.path("movable").asBoolean(), read.toString());
        assertFalse(read.path("frozen").asBoolean());
        assertFalse(read.path("machineTime").asBoolean());
        Instant now = Instant.parse(read.path("now").asText());
        assertTrue(Math.abs(Duration.between(LinliCloud.now(), now).toSeconds()) < 5, now + " vs " + LinliCloud.now());
        assertTrue(read.path("beijing").asText().endsWith("+08:00"), read.toString());

        Api.Answer moved = api.call("POST", "/_local/clock?advance=PT1M", null, "", Map.of());
        assertEquals(200, moved.status(), moved.body());
        Instant later = Instant.parse(moved.json().path("now").asText());
        assertTrue(Duration.between(now, later).toSeconds() >= 60, now + " -> " + later);
        assertFalse(LinliCloud.now().isBefore(later), "the tests read the same clock");

        for (String bad : new String[] {"", "?advance=five", "?at=2026-12-03T09:00", "?frozen=maybe"}) {
            Api.Answer refused = api.call("POST", "/_local/clock" + bad, null, "", Map.of());
            assertEquals(400, refused.status(), bad + ": " + refused.body());
        }
    }

    @Test
    void schedulesAreDueByTheCloudsClock() {
        JsonNode schedules = api.get("/_local/schedules", null).json();
        for (JsonNode s : schedules) {
            if (!s.path("enabled").asBoolean() || s.path("next").isNull()) continue;
            Instant next = Instant.parse(s.path("next").asText());
            assertTrue(next.isAfter(LinliCloud.START.minusSeconds(1)) && next.isBefore(LinliCloud.START.plus(Duration.ofDays(40))),
                    s.path("name").asText() + " next " + next);
        }
    }
}
