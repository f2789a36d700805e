package org.linli.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.linli.json.Json;

class LogTest {
    private static final Instant AT = Instant.parse("2026-12-03T01:00:00.123456Z");

    @Test
    void aLineIsOneJsonObjectWithTopLevelFields() {
        String line = Log.line("INFO", "case.action", new Object[] {"caseId", "case_1", "version", 3, "replayed", false,
                "status", Thread.State.NEW, "none", null}, null, AT);
        assertFalse(line.contains("\n"), line);
        JsonNode o = Json.parse(line);
        assertEquals("2026-12-03T01:00:00.123Z", o.path("timestamp").asText());
        assertEquals("INFO", o.path("level").asText());
        assertEquals("case.action", o.path("message").asText());
        assertEquals("case_1", o.path("caseId").asText());
        assertTrue(o.path("version").isIntegralNumber());
        assertEquals(3, o.path("version").asInt());
        assertTrue(o.path("replayed").isBoolean());
        assertEquals("NEW", o.path("status").asText());
        assertTrue(o.path("none").isNull());
    }

    @Test
    void aCallersKeyCannotOverwriteTheLevelOrTheMessage() {
        JsonNode o = Json.parse(Log.line("WARN", "x.y", new Object[] {"level", "DISTRICT", "message", "m"}, null, AT));
        assertEquals("WARN", o.path("level").asText());
        assertEquals("x.y", o.path("message").asText());
        assertEquals("DISTRICT", o.path("level_").asText());
        assertEquals("m", o.path("message_").asText());
    }

    @Test
    void anExceptionIsItsClassAndStackNeverItsMessage() {
        String line = Log.line("ERROR", "x.failed", new Object[0], new IllegalStateException("13812341234 said no"), AT);
        assertFalse(line.contains("13812341234"), line);
        assertFalse(line.contains("\n"), line);
        JsonNode o = Json.parse(line);
        assertEquals("java.lang.IllegalStateException", o.path("exception").asText());
        assertTrue(o.path("stack").isArray() && o.path("stack").size() > 0);
    }
}
