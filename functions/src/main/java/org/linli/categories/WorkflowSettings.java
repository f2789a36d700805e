package org.linli.categories;

import java.time.Duration;

/**
 * Workflow settings that are not per category (the {@code workflow} and {@code duplicates}
 * objects of categories.json): how long the reporter has to give a verdict before the case closes
 * as unconfirmed, how long a closed case can be reopened, how long a summoned department has to
 * report for duty, how long client request ids are remembered, and the nearby-duplicates rule.
 */
public record WorkflowSettings(Duration verdictWindow, Duration reopenWindow, Duration checkInLimit,
                               Duration requestMemory, Duplicates duplicates) {
    public static final WorkflowSettings DEFAULTS = new WorkflowSettings(Duration.ofDays(3), Duration.ofDays(7),
            Duration.ofHours(4), Duration.ofDays(7), new Duplicates(50, Duration.ofHours(72), 7));

    /** A new report of the same category within {@code radiusMeters} of a case opened within {@code window} joins it. */
    public record Duplicates(int radiusMeters, Duration window, int cellPrecision) {
        public Duplicates {
            if (radiusMeters < 0 || radiusMeters > 500) throw new IllegalStateException("duplicates.radiusMeters must be 0..500");
            if (cellPrecision < 5 || cellPrecision > 8) throw new IllegalStateException("duplicates.cellPrecision must be 5..8");
        }

        public boolean enabled() {
            return radiusMeters > 0 && !window.isZero();
        }
    }
}
