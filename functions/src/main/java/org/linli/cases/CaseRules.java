package org.linli.cases;

import static org.linli.cases.CaseAction.*;
import static org.linli.cases.CaseStatus.*;
import static org.linli.cases.Party.*;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.linli.categories.WorkflowSettings;

/**
 * The state machine as data: each rule says which parties may take an action from which states
 * and where it leads. {@code to == null} marks the three actions whose target depends on what is
 * said (a verdict, a callback outcome, the last task done); {@code keepsStatus} rules keep the state.
 * Guards are the few conditions beyond state and party (the top tier, the reopen window, the
 * department's own task); a guarded action is refused like one the state forbids.
 */
public final class CaseRules {

    public record Rule(CaseAction action, Set<CaseStatus> from, Set<Party> by, CaseStatus to, boolean keepsStatus) {}

    private static final Set<CaseStatus> QUEUED = EnumSet.of(UNASSIGNED, ESCALATED);
    private static final Set<CaseStatus> WORKING = EnumSet.of(ACCEPTED, IN_PROGRESS, REWORK);

    public static final List<Rule> RULES = List.of(
            to(DISPATCH, QUEUED, Set.of(OWNER), ASSIGNED),
            to(REDISPATCH, EnumSet.of(ASSIGNED, ACCEPTED, IN_PROGRESS, REWORK), Set.of(OWNER), ASSIGNED),
            to(ACCEPT, EnumSet.of(ASSIGNED), Set.of(ASSIGNEE), ACCEPTED),
            to(ACCEPT, QUEUED, Set.of(OWNER), ACCEPTED),
            to(REJECT, EnumSet.of(UNASSIGNED, ESCALATED, ASSIGNED, ACCEPTED), Set.of(OWNER), REJECTED),
            to(RETURN, EnumSet.of(ASSIGNED, ACCEPTED, IN_PROGRESS), Set.of(ASSIGNEE), UNASSIGNED),
            to(RETURN, EnumSet.of(RESOLVED), Set.of(OWNER), REWORK),
            to(START, EnumSet.of(ACCEPTED, REWORK), Set.of(ASSIGNEE), IN_PROGRESS),
            same(ADD_NOTE, CaseStatus.OPEN, Set.of(ASSIGNEE, OWNER, DEPARTMENT)),
            to(RESOLVE, WORKING, Set.of(ASSIGNEE, OWNER), RESOLVED),
            to(FEED_BACK, EnumSet.of(RESOLVED), Set.of(ASSIGNEE, OWNER), FED_BACK),
            to(ESCALATE, EnumSet.of(UNASSIGNED, ASSIGNED, ACCEPTED, IN_PROGRESS, REWORK, ESCALATED),
                    Set.of(ASSIGNEE, OWNER, SYSTEM), ESCALATED),
            same(ESCALATE, EnumSet.of(COORDINATING, RESOLVED), Set.of(OWNER, SYSTEM)),
            to(SUMMON, EnumSet.of(UNASSIGNED, ESCALATED, ACCEPTED, IN_PROGRESS, REWORK, COORDINATING), Set.of(OWNER), COORDINATING),
            same(CHECK_IN, EnumSet.of(COORDINATING), Set.of(DEPARTMENT)),
            decided(COMPLETE_TASK, EnumSet.of(COORDINATING), Set.of(DEPARTMENT)),
            decided(VERDICT, EnumSet.of(FED_BACK), Set.of(REPORTER)),
            // A follower's verdict is satisfaction data: recorded, the case stays as it is.
            same(VERDICT, EnumSet.of(FED_BACK, CLOSED), Set.of(FOLLOWER)),
            decided(CALLBACK, EnumSet.of(FED_BACK), Set.of(OWNER)),
            to(CLOSE, EnumSet.of(FED_BACK), Set.of(OWNER, SYSTEM), CLOSED),
            to(REOPEN, EnumSet.of(CLOSED), Set.of(REPORTER, OWNER), REWORK),
            to(REOPEN, EnumSet.of(REJECTED), Set.of(OWNER), UNASSIGNED),
            to(MERGE, EnumSet.of(UNASSIGNED, ASSIGNED, ACCEPTED, IN_PROGRESS, ESCALATED, REWORK), Set.of(OWNER), MERGED),
            same(FLAG_OVERDUE, EnumSet.complementOf(EnumSet.of(FED_BACK, CLOSED, REJECTED, MERGED)), Set.of(SYSTEM)));

    private CaseRules() {}

    private static Rule to(CaseAction a, Set<CaseStatus> from, Set<Party> by, CaseStatus target) {
        return new Rule(a, Set.copyOf(from), Set.copyOf(by), target, false);
    }

    private static Rule same(CaseAction a, Set<CaseStatus> from, Set<Party> by) {
        return new Rule(a, Set.copyOf(from), Set.copyOf(by), null, true);
    }

    private static Rule decided(CaseAction a, Set<CaseStatus> from, Set<Party> by) {
        return new Rule(a, Set.copyOf(from), Set.copyOf(by), null, false);
    }

    /** The rule letting one of {@code parties} take {@code action} from {@code status}, if any. */
    public static Optional<Rule> rule(CaseAction action, CaseStatus status, Set<Party> parties) {
        for (Rule r : RULES) {
            if (r.action() == action && r.from().contains(status) && intersects(r.by(), parties)) return Optional.of(r);
        }
        return Optional.empty();
    }

    /** The party a rule is taken as: the first of the actor's parties the rule names, in the enum's order. */
    public static Party actingAs(Rule r, Set<Party> parties) {
        for (Party p : Party.values()) if (parties.contains(p) && r.by().contains(p)) return p;
        throw new IllegalArgumentException("no party of " + parties + " in " + r);
    }

    /** Why a permitted action cannot be taken now, or empty. */
    public static Optional<String> guard(CaseAction action, Case c, Standing standing, Instant now, WorkflowSettings settings) {
        return switch (action) {
            case ESCALATE -> c.tier().top() ? Optional.of("the case is already at the top level") : Optional.empty();
            case FLAG_OVERDUE -> !c.tier().top() ? Optional.of("the case can still be escalated")
                    : c.overdueFlagged() ? Optional.of("already flagged")
                    : !c.overdue(now) ? Optional.of("the case is not overdue") : Optional.empty();
            case SUMMON -> c.tier() == Tier.STREET || c.tier() == Tier.DISTRICT ? Optional.empty()
                    : Optional.of("only a street or the district summons departments; escalate the case first");
            case CHECK_IN -> hasTask(c, standing, SummonsTask.Status.SUMMONED) ? Optional.empty()
                    : Optional.of("your department has no task waiting for check-in");
            case COMPLETE_TASK -> hasTask(c, standing, SummonsTask.Status.CHECKED_IN) ? Optional.empty()
                    : Optional.of("your department has no checked-in task");
            case REOPEN -> c.closedAt() != null && now.isBefore(c.closedAt().plus(settings.reopenWindow())) ? Optional.empty()
                    : Optional.of("the reopen window (" + settings.reopenWindow() + ") has passed");
            default -> Optional.empty();
        };
    }

    private static boolean hasTask(Case c, Standing standing, SummonsTask.Status status) {
        return c.tasks().stream().anyMatch(t -> t.status() == status && standing.departments().contains(t.department()));
    }

    /** What {@code standing} may do to {@code c} now: the answer to "what are my buttons". */
    public static Set<CaseAction> allowed(Case c, Standing standing, Instant now, WorkflowSettings settings) {
        Set<CaseAction> out = new LinkedHashSet<>();
        for (Rule r : RULES) {
            if (r.from().contains(c.status()) && intersects(r.by(), standing.parties())
                    && guard(r.action(), c, standing, now, settings).isEmpty()) {
                out.add(r.action());
            }
        }
        return out;
    }

    private static boolean intersects(Set<Party> a, Set<Party> b) {
        for (Party p : a) if (b.contains(p)) return true;
        return false;
    }
}
