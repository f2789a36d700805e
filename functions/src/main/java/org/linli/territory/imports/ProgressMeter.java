package org.linli.territory.imports;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import org.linli.territory.MapPublisher;

/**
 * Counts the work of an import phase by phase and tells a sink how far it got, at most once per
 * {@code interval} (a DynamoDB write per update on the worker; a line per update on the CLI),
 * and always at the end of a phase.
 */
public final class ProgressMeter implements MapPublisher.Meter {
    private final Clock clock;
    private final Duration interval;
    private final Consumer<Progress> sink;
    private final int steps;
    private int step;
    private String phase = "starting";
    private String unit = "";
    private long done;
    private long total;
    private Instant phaseStarted;
    private Instant lastReport = Instant.MIN;

    public ProgressMeter(Clock clock, Duration interval, int steps, Consumer<Progress> sink) {
        this.clock = clock;
        this.interval = interval;
        this.steps = steps;
        this.sink = sink;
        this.phaseStarted = clock.instant();
    }

    /** A meter that tells nobody (so needs no time of its own). */
    public static ProgressMeter silent() {
        return new ProgressMeter(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), Duration.ofDays(1), 1, p -> { });
    }

    /** Starts the next phase: {@code total} {@code unit}s to do. */
    @Override
    public void phase(String name, long total, String unit) {
        this.step++;
        this.phase = name;
        this.total = total;
        this.unit = unit;
        this.done = 0;
        this.phaseStarted = clock.instant();
        report(true);
    }

    @Override
    public void advance(long n) {
        done += n;
        report(done >= total);
    }

    public Progress current() {
        return new Progress(phase, step, Math.max(steps, step), done, total, unit, phaseStarted, clock.instant());
    }

    private void report(boolean always) {
        Instant now = clock.instant();
        if (!always && now.isBefore(lastReport.plus(interval))) return;
        lastReport = now;
        sink.accept(current());
    }
}
