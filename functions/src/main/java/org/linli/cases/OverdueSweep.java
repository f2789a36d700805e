package org.linli.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.linli.core.Conflict;
import org.linli.core.DomainException;
import org.linli.core.QueueUnavailable;
import org.linli.core.Times;
import org.linli.observability.Log;

/**
 * The time limits' enforcement, run by a schedule every few minutes. It reads the sparse due
 * index (open cases past their deadline, a few shards, no scan) and takes one system action per
 * case, through the same workflow as people - so each gets its audit entry and event:
 * <ul>
 *   <li>a fed-back case nobody answered within the verdict window is closed as UNCONFIRMED;</li>
 *   <li>a case below the top tier is escalated one level, with the missed step as the reason;</li>
 *   <li>a case late at the top tier is flagged once (district dispatchers are told) and leaves the
 *       due index until its next deadline.</li>
 * </ul>
 * The request id derives from the case version, so two overlapping sweeps act once.
 */
public final class OverdueSweep {
    private final CaseStore store;
    private final CaseWorkflow workflow;
    private final Clock clock;

    public OverdueSweep(CaseStore store, CaseWorkflow workflow, Clock clock) {
        this.store = store;
        this.workflow = workflow;
        this.clock = clock;
    }

    public record Result(int due, int escalated, int closed, int flagged, int skipped, int failed) {}

    public Result run(int max) {
        Instant now = clock.instant();
        List<Case> due = store.due(now, max);
        java.util.Map<CaseAction, Integer> done = new java.util.EnumMap<>(CaseAction.class);
        int skipped = 0;
        List<Command> unsent = new ArrayList<>();
        List<String> unsentIds = new ArrayList<>();
        for (Case c : due) {
            Command cmd = commandFor(c);
            try {
                workflow.act(c.id(), cmd, Actor.SYSTEM);
                done.merge(cmd.action(), 1, Integer::sum);
            } catch (QueueUnavailable e) {
                // Written but not announced: the replay below re-sends the recorded event.
                done.merge(cmd.action(), 1, Integer::sum);
                unsent.add(cmd);
                unsentIds.add(c.id());
            } catch (Conflict e) {
                // Changed since the index was read (acted on meanwhile): not due any more, or next run.
                skipped++;
            } catch (DomainException e) {
                Log.warn("case.sweep_skipped", "caseId", c.id(), "code", e.code());
                skipped++;
            }
        }
        int failed = 0;
        for (int i = 0; i < unsent.size(); i++) {
            try {
                workflow.act(unsentIds.get(i), unsent.get(i), Actor.SYSTEM);
            } catch (DomainException e) {
                failed++;
                Log.error("case.event_unsent", null, "caseId", unsentIds.get(i), "code", e.code());
            }
        }
        Result r = new Result(due.size(), done.getOrDefault(CaseAction.ESCALATE, 0), done.getOrDefault(CaseAction.CLOSE, 0),
                done.getOrDefault(CaseAction.FLAG_OVERDUE, 0), skipped, failed);
        if (failed > 0) throw new QueueUnavailable(failed + " case event(s) could not be sent; the sweep will be retried.", null);
        return r;
    }

    private static Command commandFor(Case c) {
        CaseAction action = c.status() == CaseStatus.FED_BACK ? CaseAction.CLOSE
                : c.tier().top() ? CaseAction.FLAG_OVERDUE : CaseAction.ESCALATE;
        String reason = step(c.status()) + " deadline " + Times.api(c.deadline()) + " passed while " + c.status()
                + " at " + c.tier() + " " + c.tierNode();
        return new Command(action, "sweep-" + c.version(), action.wire(), c.version(), null, List.of(), null, reason,
                null, List.of(), null, null, null);
    }

    /** Which limit a status runs against (see docs/workflow.md). */
    static String step(CaseStatus s) {
        return switch (s) {
            case UNASSIGNED, ESCALATED -> "dispatch";
            case ASSIGNED -> "accept";
            case ACCEPTED, IN_PROGRESS, REWORK -> "handle";
            case COORDINATING -> "check-in/handle";
            case RESOLVED -> "feedback";
            case FED_BACK -> "verdict";
            default -> "no";
        };
    }
}
