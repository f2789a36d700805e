package org.linli.report;

import java.time.Instant;

/**
 * The outside work order (工单) a report was filed from - a 12345 hotline order - as far as the
 * case needs it: its number (what every status report back to the platform names), the
 * platform's own deadline (交办时限, null when it set none) and whether it was marked urgent.
 * A case of an order never runs past the order's deadline and an urgent order is an emergency
 * (docs/hotline.md, "The order's deadline and urgency").
 */
public record WorkOrder(String orderNo, Instant dueBy, boolean urgent) {
    public WorkOrder {
        if (orderNo == null || orderNo.isBlank()) throw new IllegalArgumentException("a work order needs its number");
    }

    /**
     * A step's deadline under the order: the order's deadline when it comes first. Once the order's
     * deadline has passed ({@code now} at or after it) the step keeps its own limit - the case is late
     * for the platform already, and capping every later step at a past instant would make each one
     * overdue at once and run the case up the escalation ladder in one sweep.
     */
    public Instant cap(Instant deadline, Instant now) {
        if (deadline == null || dueBy == null || !dueBy.isAfter(now)) return deadline;
        return dueBy.isBefore(deadline) ? dueBy : deadline;
    }
}
