package org.linli.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.linli.core.FieldError;

/** Numbers inside their range that the store could still not hold (found by the hostile-input suite: 1.0E-300 was a 500). */
class JsonInputNumbersTest {
    private static BigDecimal lat(String json) {
        JsonNode body = Json.parse("{\"lat\":" + json + "}");
        JsonInput in = JsonInput.root(body, Set.of("lat"));
        BigDecimal n = in.optionalNumber("lat", BigDecimal.valueOf(-90), BigDecimal.valueOf(90));
        if (n == null) assertEquals(List.of(new FieldError("lat", "must have at most 20 decimal places")), in.errors(), json);
        return n;
    }

    @Test
    void tinyOrOverPreciseNumbersAreFieldErrors() {
        for (String bad : List.of("1.0E-300", "-1e-131", "0.000000000000000000001", "1.0000000000000000000001")) assertNull(lat(bad), bad);
    }

    @Test
    void whatAPhoneSendsIsAccepted() {
        // wx.getLocation's doubles, as JavaScript prints them.
        assertEquals(new BigDecimal("37.85213712345678"), lat("37.85213712345678"));
        assertEquals(new BigDecimal("1E-7"), lat("1e-7"));
        assertEquals(new BigDecimal("0"), lat("0"));
    }

    /** Issue 13 defect 4: a date-time at the edge of what java.time holds parsed, then broke whatever used it (a 500). */
    @Test
    void datesOutsideAnyPlausibleRangeAreFieldErrors() {
        for (String bad : List.of("+999999999-12-31T23:00:00Z", "-999999999-01-01T00:00:00Z", "+10000-01-01T00:00:00+08:00",
                "1969-12-31T23:59:59Z", "0000-01-01T00:00:00Z")) {
            JsonInput in = JsonInput.root(Json.parse("{\"at\":\"" + bad + "\"}"), Set.of("at"));
            assertNull(in.instant("at", true), bad);
            assertEquals(1, in.errors().size(), bad);
            assertEquals("at", in.errors().get(0).field(), bad);
        }
        JsonInput ok = JsonInput.root(Json.parse("{\"at\":\"2026-11-23T09:30:00+08:00\"}"), Set.of("at"));
        assertEquals(java.time.Instant.parse("2026-11-23T01:30:00Z"), ok.instant("at", true));
    }
}
