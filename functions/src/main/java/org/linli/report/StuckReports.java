package org.linli.report;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Heals the one gap between intake's two calls: a report stored but never enqueued (the send
 * failed, or the function died in between) is still RECEIVED after a while; re-enqueue it.
 * Harmless when the first message was merely slow: assignment is idempotent.
 */
public final class StuckReports {
    private final ReportStore reports;
    private final AssignmentQueue queue;
    private final Clock clock;

    public StuckReports(ReportStore reports, AssignmentQueue queue, Clock clock) {
        this.reports = reports;
        this.queue = queue;
        this.clock = clock;
    }

    /** Re-enqueues up to {@code max} reports RECEIVED longer ago than {@code olderThan}; returns how many. */
    public int requeue(Duration olderThan, int max) {
        List<Report> stuck = reports.pendingBefore(clock.instant().minus(olderThan), max);
        if (stuck.isEmpty()) return 0;
        return queue.enqueueAll(stuck.stream().map(ReportReceived::of).toList());
    }
}
