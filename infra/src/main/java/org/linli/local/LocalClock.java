package org.linli.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The local cloud's clock, which the functions, the gateway's authorizer cache and the scheduler
 * all read: the machine's time, or a start instant from which it ticks at the machine's pace
 * ({@code run-local --clock 2026-12-03T09:00+08:00}), or an instant where it stands still until
 * moved ({@code --frozen-clock}). {@code POST /_local/clock?at=…} or {@code ?advance=PT5M} moves it,
 * so that a two-minute threshold or a month's end is reached without waiting.
 */
public final class LocalClock extends Clock {
    private final Clock machine;
    private volatile Duration offset;
    private volatile Instant frozenAt;

    private LocalClock(Clock machine, Duration offset, Instant frozenAt) {
        this.machine = machine;
        this.offset = offset;
        this.frozenAt = frozenAt;
    }

    /** The machine's time, until moved. */
    public static LocalClock machine() {
        return new LocalClock(Clock.systemUTC(), Duration.ZERO, null);
    }

    /** Starts at {@code start} and ticks from there. */
    public static LocalClock startingAt(Instant start) {
        Clock machine = Clock.systemUTC();
        return new LocalClock(machine, Duration.between(machine.instant(), start), null);
    }

    /** Stands at {@code at} until moved. */
    public static LocalClock frozenAt(Instant at) {
        return new LocalClock(Clock.systemUTC(), Duration.ZERO, at);
    }

    @Override
    public Instant instant() {
        Instant frozen = frozenAt;
        return frozen != null ? frozen : machine.instant().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (zone.equals(ZoneOffset.UTC)) return this;
        throw new UnsupportedOperationException("the local clock is UTC; convert instants with atZone");
    }

    /** Whether it reads the machine's time (not moved, not frozen). */
    public boolean followsMachine() {
        return frozenAt == null && offset.isZero();
    }

    public boolean frozen() {
        return frozenAt != null;
    }

    /** Sets the time; a ticking clock keeps ticking from there. */
    public synchronized void set(Instant at) {
        if (frozenAt != null) frozenAt = at;
        else offset = Duration.between(machine.instant(), at);
    }

    /** Moves the time by {@code by} (negative moves it back). */
    public synchronized void advance(Duration by) {
        if (frozenAt != null) frozenAt = frozenAt.plus(by);
        else offset = offset.plus(by);
    }

    /** Stops the clock where it is, or lets it tick on from where it stands. */
    public synchronized void freeze(boolean freeze) {
        if (freeze && frozenAt == null) {
            frozenAt = instant();
        } else if (!freeze && frozenAt != null) {
            offset = Duration.between(machine.instant(), frozenAt);
            frozenAt = null;
        }
    }

    @Override
    public String toString() {
        return "LocalClock[" + instant() + (frozenAt != null ? ", frozen" : offset.isZero() ? "" : ", offset " + offset) + "]";
    }
}
