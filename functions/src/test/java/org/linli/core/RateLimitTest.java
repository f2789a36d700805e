package org.linli.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimitTest {
    @Test
    void parsesCountAndDurationOrOff() {
        assertEquals(new RateLimit("reports", 20, Duration.ofHours(1)), RateLimit.parse("reports", "20/PT1H"));
        assertEquals(new RateLimit("wishes", 10, Duration.ofDays(1)), RateLimit.parse("wishes", " 10 / P1D "));
        assertNull(RateLimit.parse("x", "off"));
        assertNull(RateLimit.parse("x", ""));
        for (String bad : new String[] {"20", "0/PT1H", "x/PT1H", "5/1h", "5/PT0S", "5/PT0.5S"}) {
            assertThrows(IllegalArgumentException.class, () -> RateLimit.parse("x", bad), bad);
        }
    }

    @Test
    void windowsAreFixedAndTheRefusalSaysWhenTheNextOneStarts() {
        RateLimit hourly = RateLimit.parse("reports", "20/PT1H");
        Instant at = Instant.parse("2026-11-23T02:41:30Z");
        RateLimit.Charge c = hourly.charge("usr_1", at);
        assertEquals("reports#usr_1", c.counter());
        assertEquals(Instant.parse("2026-11-23T02:00:00Z"), c.windowStart());
        assertEquals(Instant.parse("2026-11-23T03:00:00Z"), c.windowEnd());
        TooManyRequests e = c.exceeded();
        assertEquals(Duration.ofSeconds(18 * 60 + 30), e.retryAfter());
        assertEquals("You may send at most 20 reports per hour; try again later.", e.getMessage());
        assertEquals("TOO_MANY_REQUESTS", e.code());
        assertEquals("You may send at most 10 wishes per day; try again later.",
                RateLimit.parse("wishes", "10/P1D").charge("u", at).exceeded().getMessage());
    }
}
