package org.linli.cases;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a case stands in the six-step loop (report → case → assigned → handled → fed back →
 * closed), plus the side states: rejected, returned for rework, escalated, merged. See docs/workflow.md.
 */
public enum CaseStatus {
    /** Waiting in a dispatcher's queue at its tier (no grid, nobody on duty, returned, or a department's queue). */
    UNASSIGNED,
    /** Assigned to a person (任务指派), waiting to be accepted. */
    ASSIGNED,
    /** Accepted by its assignee (受理); the handling limit runs. */
    ACCEPTED,
    /** Work has started on site (调查落实). */
    IN_PROGRESS,
    /** The street summoned departments (街乡吹哨、部门报到); resolved when every task is done. */
    COORDINATING,
    /** Gone up a level and waiting in that level's queue. */
    ESCALATED,
    /** Handled: result and evidence recorded; to be fed back to the reporter within the feedback limit. */
    RESOLVED,
    /** Result fed back (反馈结果); waiting for the reporter's verdict. */
    FED_BACK,
    /** Returned for rework: a dissatisfied verdict, a result sent back on review, or a reopened case. */
    REWORK,
    /** Closed and archived (结案归档). Reopenable within the reopen window. */
    CLOSED,
    /** Not a matter for the platform; the reason is recorded. Reopenable by staff within the window. */
    REJECTED,
    /** A duplicate merged into another case, whose followers its reporters became. Final. */
    MERGED;

    public static final Set<CaseStatus> OPEN = EnumSet.complementOf(EnumSet.of(CLOSED, REJECTED, MERGED));

    /** Open cases have a deadline and sit in the due index; the three final-ish states have none. */
    public boolean open() {
        return OPEN.contains(this);
    }

    /** Waiting for a dispatcher of its tier to act. */
    public boolean inQueue() {
        return this == UNASSIGNED || this == ESCALATED;
    }
}
