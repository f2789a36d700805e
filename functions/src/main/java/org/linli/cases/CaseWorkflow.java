package org.linli.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.linli.categories.Categories;
import org.linli.categories.Category;
import org.linli.categories.StepLimits;
import org.linli.categories.WorkflowSettings;
import org.linli.core.Conflict;
import org.linli.core.FieldError;
import org.linli.core.Forbidden;
import org.linli.core.Ids;
import org.linli.core.NotFound;
import org.linli.core.Times;
import org.linli.core.ValidationFailed;
import org.linli.identity.Role;
import org.linli.territory.WorkerChoice;

/**
 * Steps 3-6 of the loop: every action on a case. One action is one consistent read (the case
 * and the client's request record), one atomic write (case + audit entry + request record, plus
 * the summons tasks or merge target it touches) and one {@code case.event} send. The state
 * machine is {@link CaseRules}; deadlines come from the category's step limits.
 *
 * <p>Idempotent: a request id already applied answers with the case as it is now and re-sends
 * the recorded event (the first send may have been lost after the write). Optimistic: the write
 * is conditional on the version read, so of two concurrent actions exactly one succeeds; the
 * other gets a 409 with the fresh state and what may be done now.
 */
public final class CaseWorkflow {
    private final CaseStore store;
    private final CaseEventPublisher events;
    private final DepartmentDirectory departments;
    private final Categories categories;
    private final Clock clock;

    public CaseWorkflow(CaseStore store, CaseEventPublisher events, DepartmentDirectory departments,
                        Categories categories, Clock clock) {
        this.store = store;
        this.events = events;
        this.departments = departments;
        this.categories = categories;
        this.clock = clock;
    }

    /** What an action did: the case after it, its audit entry, and whether it was a replay. */
    public record Outcome(Case c, CaseEvent event, boolean replayed) {}

    public Outcome act(String caseId, Command cmd, Actor actor) {
        String requestKey = cmd.requestId() == null ? null : Ids.derived("req", caseId, actor.id(), cmd.requestId());
        CaseStore.Loaded loaded = store.load(caseId, requestKey);
        Case c = loaded.c().orElseThrow(() -> new NotFound("case", caseId));
        Standing standing = Standing.of(c, actor);
        if (!standing.canRead()) {
            if (actor.principal().isStaff()) throw new Forbidden("This case is outside your territory.");
            throw new NotFound("case", caseId);
        }
        if (loaded.request().isPresent()) return replay(c, loaded.request().get(), cmd);
        try {
            return transition(caseId, c, cmd, actor, standing, requestKey);
        } catch (Conflict refused) {
            if (requestKey == null) throw refused;
            // The case and the request record come from one BatchGetItem, which is not a snapshot: a
            // retry may read the record before its first request wrote it and the case after, and be
            // refused a transition its first request made. Before a retry hears 409, the record is
            // read again, consistently: found, the retry replays (issue 13 defect 5). Conflicts only.
            CaseStore.Loaded again = store.load(caseId, requestKey);
            if (again.request().isPresent() && again.c().isPresent()) return replay(again.c().get(), again.request().get(), cmd);
            throw refused;
        }
    }

    private Outcome transition(String caseId, Case c, Command cmd, Actor actor, Standing standing, String requestKey) {
        Instant now = clock.instant();
        if (cmd.expectedVersion() != null && cmd.expectedVersion() != c.version()) {
            throw conflict("VERSION_CONFLICT", "The case has changed since version " + cmd.expectedVersion()
                    + "; here is its current state.", c, standing, now);
        }
        CaseRules.Rule rule = check(c, cmd.action(), standing, now);
        Party party = CaseRules.actingAs(rule, standing.parties());
        Step step = transform(c, cmd, actor, standing, rule, party, now);
        Case after = step.after();
        if (!Objects.equals(after.deadline(), c.deadline()) && cmd.action() != CaseAction.FLAG_OVERDUE) {
            after = after.toBuilder().overdueFlagged(false).build();
        }
        CaseEvent event = CaseEvent.of(c, after, cmd.action(), actor, actingRole(c, actor, party), party, now,
                step.note(), cmd.photoKeys(), step.details());
        CaseStore.RequestRecord record = requestKey == null ? null
                : new CaseStore.RequestRecord(requestKey, cmd.fingerprint(), after.version(),
                        now.plus(categories.workflow().requestMemory()));
        CaseStore.Write w = store.commit(new CaseStore.Change(after, c.version(), step.changedTasks(), event, record, step.also()));
        if (w instanceof CaseStore.Stale s) {
            if (s.fresh() != null && s.caseId().equals(caseId)) {
                throw conflict("VERSION_CONFLICT", "Someone else changed the case at the same moment; here is its current state.",
                        s.fresh(), Standing.of(s.fresh(), actor), now);
            }
            throw new Conflict("MERGE_TARGET_CHANGED", "The case to merge into changed at the same moment; try again.",
                    Map.of("caseId", s.caseId()));
        }
        if (w instanceof CaseStore.RequestSeen seen) {
            return replay(store.find(caseId).orElseThrow(), seen.record(), cmd);
        }
        events.publish(event);
        return new Outcome(after, event, false);
    }

    /** The actions {@code actor} may take on {@code c} now. */
    public java.util.Set<CaseAction> allowed(Case c, Actor actor) {
        return CaseRules.allowed(c, Standing.of(c, actor), clock.instant(), categories.workflow());
    }

    private Outcome replay(Case read, CaseStore.RequestRecord record, Command cmd) {
        // The same torn read the other way round: the record seen, the case read before its
        // transition. A replay answers the state the request produced or a later one, never older.
        Case current = read.version() >= record.version() ? read : store.find(read.id()).orElse(read);
        if (!record.fingerprint().equals(cmd.fingerprint())) {
            throw new Conflict("IDEMPOTENCY_KEY_REUSED", "This request id was already used for a different action on this case.",
                    Map.of("caseId", current.id(), "version", record.version()));
        }
        CaseEvent event = store.auditEntry(current.id(), record.version())
                .orElseThrow(() -> new IllegalStateException("request record without its audit entry: " + current.id()));
        events.publish(event);
        return new Outcome(current, event, true);
    }

    private CaseRules.Rule check(Case c, CaseAction action, Standing standing, Instant now) {
        Optional<CaseRules.Rule> rule = CaseRules.rule(action, c.status(), standing.parties());
        if (rule.isEmpty()) {
            // Refused by the state machine (for this state, or for anyone of his standing): a 409
            // that says what the case is and what he may do, so the client can refresh its buttons.
            throw conflict("INVALID_TRANSITION", "A case that is " + c.status() + " cannot take '" + action.wire()
                    + "' from you.", c, standing, now);
        }
        Optional<String> blocked = CaseRules.guard(action, c, standing, now, categories.workflow());
        if (blocked.isPresent()) {
            throw conflict("INVALID_TRANSITION", "Cannot " + action.wire() + " now: " + blocked.get() + ".", c, standing, now);
        }
        return rule.get();
    }

    private Conflict conflict(String code, String message, Case c, Standing standing, Instant now) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("caseId", c.id());
        details.put("status", c.status().name());
        details.put("version", c.version());
        details.put("allowedActions", CaseRules.allowed(c, standing, now, categories.workflow()).stream()
                .map(CaseAction::wire).toList());
        details.put("tier", c.tier().name());
        details.put("tierNode", c.tierNode());
        if (c.deadline() != null) details.put("deadline", Times.api(c.deadline()));
        if (c.assignee() != null) details.put("assigneeId", c.assignee().userId());
        return new Conflict(code, message, details);
    }

    /** The after-state of one permitted action, with what the audit entry says about it. */
    private record Step(Case after, List<SummonsTask> changedTasks, String note, Map<String, String> details,
                        CaseStore.Change also) {}

    private Step transform(Case c, Command cmd, Actor actor, Standing standing, CaseRules.Rule rule, Party party, Instant now) {
        Category category = categories.find(c.category())
                .orElseThrow(() -> new IllegalStateException("case " + c.id() + " has an unknown category " + c.category()));
        StepLimits limits = category.limits();
        WorkflowSettings settings = categories.workflow();
        Case.Builder b = c.toBuilder().version(c.version() + 1).at(now);
        Map<String, String> details = new LinkedHashMap<>();
        List<SummonsTask> changed = new ArrayList<>();
        String note = cmd.note();
        CaseStore.Change also = null;
        if (cmd.reason() != null) details.put("reason", cmd.reason());

        switch (cmd.action()) {
            case DISPATCH, REDISPATCH -> {
                if (c.assignee() != null && c.assignee().userId().equals(cmd.assignee().userId())) {
                    throw ValidationFailed.of("assignee.userId", "is already the assignee");
                }
                b.status(CaseStatus.ASSIGNED).assignee(cmd.assignee()).deadline(now.plus(limits.accept()));
            }
            case ACCEPT -> {
                if (party == Party.OWNER) b.assignee(new Assignee(actor.id(), null, WorkerChoice.Rule.SELF));
                b.status(CaseStatus.ACCEPTED).deadline(now.plus(limits.handle()));
            }
            case REJECT -> b.status(CaseStatus.REJECTED).deadline(null).closedAt(now);
            case RETURN -> {
                if (c.status() == CaseStatus.RESOLVED) {
                    b.status(CaseStatus.REWORK).deadline(now.plus(limits.handle())).reworkCount(c.reworkCount() + 1);
                } else {
                    b.status(CaseStatus.UNASSIGNED).assignee(null).deadline(now.plus(limits.dispatch()));
                }
            }
            case START -> b.status(CaseStatus.IN_PROGRESS);
            case ADD_NOTE -> { }
            case RESOLVE -> b.status(CaseStatus.RESOLVED).deadline(now.plus(limits.feedback()))
                    .resolution(new Resolution(cmd.result(), cmd.photoKeys(), actor.id(), now));
            case FEED_BACK -> b.status(CaseStatus.FED_BACK).verdictDeadline(now.plus(settings.verdictWindow())).verdict(null);
            case ESCALATE -> escalate(c, b, category, limits, settings, details, changed, now);
            case SUMMON -> summon(c, cmd, b, settings, details, changed, now);
            case CHECK_IN -> {
                SummonsTask t = taskOf(c, cmd, standing, SummonsTask.Status.SUMMONED);
                SummonsTask done = t.with(SummonsTask.Status.CHECKED_IN, now.plus(limits.handle()), null);
                changed.add(done);
                b.tasks(replace(c.tasks(), done)).deadline(earliest(replace(c.tasks(), done)));
                details.put("department", t.department());
            }
            case COMPLETE_TASK -> {
                SummonsTask t = taskOf(c, cmd, standing, SummonsTask.Status.CHECKED_IN);
                SummonsTask done = t.with(SummonsTask.Status.DONE, null, cmd.result());
                List<SummonsTask> tasks = replace(c.tasks(), done);
                changed.add(done);
                b.tasks(tasks);
                details.put("department", t.department());
                if (tasks.stream().noneMatch(SummonsTask::open)) {
                    StringBuilder result = new StringBuilder();
                    for (SummonsTask each : tasks) {
                        if (result.length() > 0) result.append('\n');
                        result.append(each.departmentName() == null ? each.department() : each.departmentName())
                                .append(": ").append(each.result());
                    }
                    b.status(CaseStatus.RESOLVED).deadline(now.plus(limits.feedback()))
                            .resolution(new Resolution(result.toString(), cmd.photoKeys(), actor.id(), now));
                } else {
                    b.deadline(earliest(tasks));
                }
            }
            case VERDICT, CALLBACK -> {
                Verdict v = cmd.verdict();
                details.put(cmd.action() == CaseAction.VERDICT ? "verdict" : "outcome", v.name());
                if (party == Party.FOLLOWER) {
                    details.put("follower", "true"); // satisfaction data only: the first reporter's verdict decides
                } else if (v.closes()) {
                    b.status(CaseStatus.CLOSED).deadline(null).closedAt(now).verdict(v)
                            .closure(v == Verdict.SATISFIED ? Closure.SATISFIED : Closure.BASICALLY_SATISFIED);
                } else if (v == Verdict.DISSATISFIED) {
                    b.status(CaseStatus.REWORK).deadline(now.plus(limits.handle())).verdict(v).reworkCount(c.reworkCount() + 1);
                }
            }
            case CLOSE -> {
                Closure closure = actor.system() ? Closure.UNCONFIRMED : Closure.STAFF_CLOSED;
                b.status(CaseStatus.CLOSED).deadline(null).closedAt(now).closure(closure);
                details.put("closure", closure.name());
            }
            case REOPEN -> {
                b.reopenCount(c.reopenCount() + 1).closedAt(null).closure(null).verdict(null);
                if (c.status() == CaseStatus.REJECTED) {
                    b.status(CaseStatus.UNASSIGNED).assignee(null).deadline(now.plus(limits.dispatch()));
                } else {
                    b.status(CaseStatus.REWORK).deadline(now.plus(limits.handle()));
                }
            }
            case MERGE -> {
                Case target = mergeTarget(c, cmd, actor);
                Case targetAfter = target.toBuilder().version(target.version() + 1).follow(c.reportIds(), c.reporterIds()).build();
                CaseEvent joined = CaseEvent.of(target, targetAfter, CaseAction.JOIN, actor, actingRole(c, actor, party), party,
                        now, null, List.of(), Map.of("mergedFrom", c.id()));
                also = new CaseStore.Change(targetAfter, target.version(), List.of(), joined, null, null);
                b.status(CaseStatus.MERGED).deadline(null).closedAt(now).mergedInto(target.id());
                details.put("into", target.id());
            }
            case FLAG_OVERDUE -> b.overdueFlagged(true);
            case OPEN, JOIN -> throw new IllegalArgumentException(cmd.action() + " is recorded by assignment");
        }
        Case after = b.build();
        if (!rule.keepsStatus() && rule.to() != null && after.status() != rule.to()) {
            throw new IllegalStateException(cmd.action() + " led to " + after.status() + ", the table says " + rule.to());
        }
        return new Step(after, changed, note, details, also);
    }

    private void escalate(Case c, Case.Builder b, Category category, StepLimits limits, WorkflowSettings settings,
                          Map<String, String> details, List<SummonsTask> changed, Instant now) {
        Escalation.Target target = Escalation.next(c, category, departments)
                .orElseThrow(() -> new IllegalStateException("guarded: top tier"));
        b.tier(target.tier(), target.node()).escalations(c.escalations() + 1);
        details.put("fromTier", c.tier().name());
        details.put("fromNode", c.tierNode());
        details.put("toNode", target.node());
        switch (c.status()) {
            case COORDINATING -> {
                // The next level now chases the summoned departments: late ones get a fresh limit.
                List<SummonsTask> tasks = new ArrayList<>();
                for (SummonsTask t : c.tasks()) {
                    if (t.open() && !now.isBefore(t.deadline())) {
                        Duration limit = t.status() == SummonsTask.Status.SUMMONED ? settings.checkInLimit() : limits.handle();
                        SummonsTask renewed = t.with(t.status(), now.plus(limit), t.result());
                        tasks.add(renewed);
                        changed.add(renewed);
                        details.merge("lateDepartments", t.department(), (x, y) -> x + "," + y);
                    } else {
                        tasks.add(t);
                    }
                }
                b.tasks(tasks).deadline(earliest(tasks));
            }
            case RESOLVED -> b.deadline(now.plus(limits.feedback()));
            default -> b.status(CaseStatus.ESCALATED).assignee(null).deadline(now.plus(limits.dispatch()));
        }
    }

    private void summon(Case c, Command cmd, Case.Builder b, WorkflowSettings settings, Map<String, String> details,
                        List<SummonsTask> changed, Instant now) {
        Map<String, Department> known = departments.find(cmd.departments());
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < cmd.departments().size(); i++) {
            String code = cmd.departments().get(i);
            if (!known.containsKey(code)) errors.add(new FieldError("departments[" + i + "]", "is not a known department"));
            else if (c.task(code).map(SummonsTask::open).orElse(false)) {
                errors.add(new FieldError("departments[" + i + "]", "is already summoned to this case"));
            }
        }
        if (!errors.isEmpty()) throw new ValidationFailed("The request is invalid: " + errors.size() + " field(s) need attention.", errors);
        List<SummonsTask> tasks = new ArrayList<>(c.tasks());
        for (String code : cmd.departments()) {
            Department d = known.get(code);
            SummonsTask t = new SummonsTask(code, d.name(), SummonsTask.Status.SUMMONED, now, now.plus(settings.checkInLimit()), null);
            tasks.removeIf(old -> old.department().equals(code));
            tasks.add(t);
            changed.add(t);
        }
        b.status(CaseStatus.COORDINATING).tasks(tasks).deadline(earliest(tasks));
        details.put("departments", String.join(",", cmd.departments()));
    }

    private static SummonsTask taskOf(Case c, Command cmd, Standing standing, SummonsTask.Status status) {
        List<SummonsTask> mine = c.tasks().stream()
                .filter(t -> t.status() == status && standing.departments().contains(t.department())).toList();
        if (cmd.department() != null) {
            return mine.stream().filter(t -> t.department().equals(cmd.department())).findFirst()
                    .orElseThrow(() -> ValidationFailed.of("department", "has no task in state " + status + " that you speak for"));
        }
        if (mine.size() > 1) throw ValidationFailed.of("department", "is required: you speak for several departments on this case");
        return mine.get(0); // the guard made sure there is one
    }

    private Case mergeTarget(Case c, Command cmd, Actor actor) {
        if (cmd.into().equals(c.id())) throw ValidationFailed.of("into", "must be another case");
        Case target = store.find(cmd.into()).orElseThrow(() -> ValidationFailed.of("into", "is not a case"));
        if (!target.status().open()) throw ValidationFailed.of("into", "is " + target.status() + "; merge into an open case");
        if (!Standing.of(target, actor).is(Party.OWNER)) throw ValidationFailed.of("into", "is not a case you handle");
        if (!Assignment.mayShare(target, c.matterType(), c.reporterIds())) {
            throw ValidationFailed.of("into", "is a personal matter (个事) of another resident; personal matters are never merged");
        }
        return target;
    }

    private static List<SummonsTask> replace(List<SummonsTask> tasks, SummonsTask t) {
        List<SummonsTask> out = new ArrayList<>();
        for (SummonsTask each : tasks) out.add(each.department().equals(t.department()) ? t : each);
        return out;
    }

    private static Instant earliest(List<SummonsTask> tasks) {
        return tasks.stream().filter(SummonsTask::open).map(SummonsTask::deadline).min(Comparator.naturalOrder()).orElse(null);
    }

    /** The role the actor acted in, for the audit trail. */
    private static String actingRole(Case c, Actor actor, Party party) {
        if (actor.system()) return "SYSTEM";
        var roles = actor.roles();
        return switch (party) {
            case REPORTER, FOLLOWER -> Role.RESIDENT.name();
            case DEPARTMENT -> Role.DEPARTMENT_STAFF.name();
            case OWNER -> c.tier().actingRole(roles).map(Role::name).orElse(Role.ADMIN.name());
            default -> {
                for (Role r : new Role[] {Role.GRID_WORKER, Role.COMMUNITY_STAFF, Role.STREET_STAFF, Role.DEPARTMENT_STAFF,
                        Role.DISTRICT_STAFF, Role.MICRO_GRID_LEADER, Role.ADMIN}) {
                    if (roles.contains(r)) yield r.name();
                }
                yield Role.RESIDENT.name();
            }
        };
    }
}
