package org.linli.local.schedule;

import java.time.Instant;
import org.linli.local.template.FunctionEvent;

/** A template schedule with its parsed expression and, while enabled, its next fire time. */
public final class ScheduledJob {
    private final FunctionEvent.Schedule event;
    private final ScheduleExpression expression;
    private final Instant anchor;
    private volatile Instant next;

    ScheduledJob(FunctionEvent.Schedule event, Instant anchor) {
        this.event = event;
        try {
            this.expression = ScheduleExpression.parse(event.expression());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(event.functionLogicalId() + ".Events." + event.name() + ": " + e.getMessage(), e);
        }
        this.anchor = anchor;
        this.next = event.enabled() ? expression.next(anchor, event.timeZone(), anchor).orElse(null) : null;
    }

    public FunctionEvent.Schedule event() {
        return event;
    }

    public String name() {
        return event.scheduleName();
    }

    public ScheduleExpression expression() {
        return expression;
    }

    /** The next automatic fire, or null (disabled, or a one-time schedule that has fired). */
    public Instant next() {
        return next;
    }

    /** True when due at {@code now}; moves the next fire past {@code now} (missed fires coalesce into one). */
    synchronized boolean takeIfDue(Instant now) {
        if (next == null || now.isBefore(next)) return false;
        next = expression.next(now, event.timeZone(), anchor).orElse(null);
        return true;
    }

    boolean answersTo(String name) {
        return name.equals(event.scheduleName()) || name.equals(event.functionLogicalId() + "." + event.name())
                || name.equals(event.functionLogicalId() + "-" + event.name());
    }
}
