package org.linli.territory.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linli.testing.MutableClock;

class ProgressTest {
    private static final Instant T0 = Instant.parse("2026-11-23T05:00:00Z");

    @Test
    void aLineSaysCountRateAndEta() {
        Progress p = new Progress("writing", 4, 5, 42_000, 130_512, "items", T0, T0.plusSeconds(12));
        assertEquals(3500, p.rate(), 1e-9);
        assertEquals(25_289, p.eta().toMillis(), 2);
        assertEquals("writing (4/5): 42,000/130,512 items (32%) · 3,500 items/s · ETA 26s", p.line());
    }

    @Test
    void beforeAnythingIsDoneTheEtaIsUnknownAndAtTheEndZero() {
        Progress start = new Progress("validating", 2, 5, 0, 1000, "checks", T0, T0.plusSeconds(1));
        assertNull(start.eta());
        assertEquals("validating (2/5): 0/1,000 checks (0%) · 0 checks/s · ETA --", start.line());
        assertEquals(Duration.ZERO, new Progress("x", 1, 1, 10, 10, "u", T0, T0).eta());
    }

    @Test
    void durationsAreShort() {
        assertEquals("7s", Progress.duration(Duration.ofSeconds(7)));
        assertEquals("3m05s", Progress.duration(Duration.ofSeconds(185)));
        assertEquals("1h02m", Progress.duration(Duration.ofMinutes(62)));
    }

    @Test
    void theMeterReportsAtMostOncePerIntervalAndAlwaysAtPhaseEdges() {
        MutableClock clock = new MutableClock(T0);
        List<Progress> seen = new ArrayList<>();
        ProgressMeter m = new ProgressMeter(clock, Duration.ofSeconds(1), 2, seen::add);
        m.phase("reading", 3, "parts");          // reported: a phase starts
        m.advance(1);                            // same instant: throttled
        clock.advance(Duration.ofMillis(1500));
        m.advance(1);                            // reported
        m.advance(1);                            // the phase is complete: reported
        m.phase("writing", 100, "items");        // reported
        assertEquals(List.of(0L, 2L, 3L, 0L), seen.stream().map(Progress::done).toList());
        assertEquals("writing", seen.get(3).phase());
        assertEquals(2, seen.get(3).step());
    }
}
