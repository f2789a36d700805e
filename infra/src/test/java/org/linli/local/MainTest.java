package org.linli.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MainTest {
    @Test
    void defaults() {
        Main.Options o = Main.parse(new String[0], null);
        assertEquals(3000, o.port());
        assertNull(o.dataDir());
        assertNull(o.template());
        assertTrue(o.seed());
        assertEquals(Map.of(), o.parameters());
        assertNull(o.clockAt(), "the machine's time");
    }

    @Test
    void aClockThatTicksOrStandsStill() {
        Main.Options ticking = Main.parse(new String[] {"--clock", "2026-12-03T09:00+08:00"}, null);
        assertEquals(Instant.parse("2026-12-03T01:00:00Z"), ticking.clockAt());
        assertFalse(ticking.frozen());
        Main.Options frozen = Main.parse(new String[] {"--frozen-clock", "2026-12-03T01:00:00Z"}, null);
        assertEquals(Instant.parse("2026-12-03T01:00:00Z"), frozen.clockAt());
        assertTrue(frozen.frozen());
        assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[] {"--clock", "2026-12-03 09:00"}, null));
        assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[] {"--clock", "2026-12-03T09:00"}, null));
        assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[] {"--clock", "2026-12-03T09:00Z",
                "--frozen-clock", "2026-12-03T09:00Z"}, null));
    }

    @Test
    void theLocalClockMovesAndStops() {
        LocalClock clock = LocalClock.startingAt(Instant.parse("2026-12-03T01:00:00Z"));
        assertFalse(clock.followsMachine());
        clock.advance(Duration.ofMinutes(3));
        assertTrue(!clock.instant().isBefore(Instant.parse("2026-12-03T01:03:00Z")));
        clock.freeze(true);
        Instant stood = clock.instant();
        clock.advance(Duration.ofMinutes(2));
        assertEquals(stood.plus(Duration.ofMinutes(2)), clock.instant());
        clock.set(Instant.parse("2027-01-01T00:00:00Z"));
        assertEquals(Instant.parse("2027-01-01T00:00:00Z"), clock.instant());
        clock.freeze(false);
        assertFalse(clock.frozen());
        assertTrue(!clock.instant().isBefore(Instant.parse("2027-01-01T00:00:00Z")));
        assertTrue(LocalClock.machine().followsMachine());
    }

    @Test
    void environmentPortThenOptions() {
        assertEquals(4000, Main.parse(new String[0], "4000").port());
        Main.Options o = Main.parse(new String[] {"local", "--port", "0", "--data-dir", "d", "--template", "t.yaml",
                "--no-seed", "--param", "Stage=local", "--param", "X=a=b"}, "4000");
        assertEquals(0, o.port());
        assertEquals(Path.of("d"), o.dataDir());
        assertEquals(Path.of("t.yaml"), o.template());
        assertFalse(o.seed());
        assertEquals(Map.of("Stage", "local", "X", "a=b"), o.parameters());
    }

    @Test
    void mistakesAreReported() {
        assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[] {"deploy"}, null));
        assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[] {"--port"}, null));
        assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[] {"--port", "70000"}, null));
        assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[] {"--param", "novalue"}, null));
        assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[] {"--verbose"}, null));
        assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[0], "http"));
    }
}
