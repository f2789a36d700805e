package org.linli.territory.imports;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Where a long import stands: the phase (step of steps), how many units are done out of how
 * many, and from that a rate and an ETA. The same line is printed by the CLI and stored on the
 * import job for pollers.
 */
public record Progress(String phase, int step, int steps, long done, long total, String unit,
                       Instant phaseStartedAt, Instant at) {
    /** Units per second since the phase started; 0 before anything is done. */
    public double rate() {
        double seconds = Duration.between(phaseStartedAt, at).toMillis() / 1000.0;
        return seconds <= 0 || done <= 0 ? 0 : done / seconds;
    }

    /** Time left in this phase at the current rate; null when it cannot be told yet. */
    public Duration eta() {
        double rate = rate();
        if (done >= total) return Duration.ZERO;
        if (rate <= 0) return null;
        return Duration.ofMillis((long) Math.ceil((total - done) / rate * 1000));
    }

    /** "writing (4/5): 42,000/130,512 items (32%) · 3,512 items/s · ETA 25s". */
    public String line() {
        long pct = total <= 0 ? 100 : Math.min(100, done * 100 / total);
        Duration eta = eta();
        return String.format(Locale.ROOT, "%s (%d/%d): %,d/%,d %s (%d%%) · %,d %s/s · ETA %s", phase, step, steps,
                done, total, unit, pct, Math.round(rate()), unit, eta == null ? "--" : duration(eta));
    }

    /** 7s, 3m05s, 1h02m: short and sortable by eye. */
    public static String duration(Duration d) {
        long s = Math.max(0, (d.toMillis() + 999) / 1000);
        if (s < 60) return s + "s";
        if (s < 3600) return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }
}
