package org.linli.cases;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.linli.core.Conflict;
import org.linli.core.DomainException;
import org.linli.core.Forbidden;
import org.linli.core.NotFound;
import org.linli.core.ValidationFailed;
import org.linli.identity.Principal;
import org.linli.identity.Role;
import org.linli.json.Json;
import org.linli.testing.CaseWorld;

/**
 * Model-based, randomized: many seeded runs of long action sequences by a dozen actors (workers,
 * the three levels, departments, an administrator, reporters, a stranger, the sweep) on a few
 * cases, with random bodies, stale versions, replayed request ids and clock jumps. After every
 * step the invariants are checked against an independent model of each case:
 * <ul>
 *   <li>exactly one state, and the queues agree with it (dispatch queue iff waiting, worker's queue
 *       iff assigned and open, due index iff open, unflagged and late);</li>
 *   <li>an open case always has a deadline (while coordinating: its earliest open task's); a
 *       closed, rejected or merged one has none;</li>
 *   <li>a closed case changes only by reopen, within the window;</li>
 *   <li>the audit trail has one entry per transition: numbered 1..version, chained from → to,
 *       ending at the current state, each published once as an event (a merge target's JOIN is
 *       not an action of its own);</li>
 *   <li>what succeeds was among the caller's allowed actions and led where the model says; what is
 *       refused changes nothing; a replayed request changes nothing and re-sends the same event.</li>
 * </ul>
 * A failure prints the seed and the steps that led to it.
 */
class CaseModelTest {
    private static final int RUNS = 120;
    private static final int STEPS = 80;

    @Test
    void longRandomSequencesKeepTheInvariants() {
        long base = Long.getLong("linli.model.seed", 20261123L);
        int transitions = 0;
        Map<String, Integer> seen = new java.util.TreeMap<>();
        for (int run = 0; run < RUNS; run++) {
            Run r = new Run(base + run);
            transitions += r.go();
            r.succeeded.forEach((k, v) -> seen.merge(k, v, Integer::sum));
        }
        System.out.println("model: " + RUNS + " runs x " + STEPS + " steps, " + transitions + " transitions: " + seen);
        if (transitions < RUNS * 10) fail("the runs hardly moved: " + transitions + " transitions");
        // Every action and every state were reached somewhere.
        for (CaseAction a : CaseAction.values()) {
            if (a != CaseAction.OPEN && a != CaseAction.JOIN && !seen.containsKey(a.wire())) fail("never succeeded: " + a.wire());
        }
    }

    private static final class Run {
        final long seed;
        final Random random;
        final CaseWorld world = new CaseWorld();
        final OverdueSweep sweep;
        final List<String> log = new ArrayList<>();
        final List<String> caseIds = new ArrayList<>();
        final List<Actor> actors = new ArrayList<>();
        final List<Command> issued = new ArrayList<>();
        final Map<String, Integer> succeeded = new HashMap<>();
        int requests;

        Run(long seed) {
            this.seed = seed;
            this.random = new Random(seed);
            this.sweep = new OverdueSweep(world.table.caseStore, world.workflow, world.clock);
            for (Role r : CaseWorld.ROLES) actors.add(CaseWorld.actor(r));
            actors.add(Actor.of(CaseWorld.principal(CaseWorld.OTHER_WORKER, Role.GRID_WORKER, "G2")));
            actors.add(Actor.of(new Principal("usr_0000000000000000000000000R", Set.of(Role.RESIDENT), Set.of())));
            actors.add(Actor.of(new Principal(CaseWorld.STRANGER, Set.of(Role.RESIDENT), Set.of())));
            actors.add(Actor.of(CaseWorld.principal("usr_0000000000000000000000000Q", Role.DEPARTMENT_STAFF, "DEPT-Q", "DEPT-R")));
            actors.add(Actor.SYSTEM);
        }

        int go() {
            // Three cases by three paths: a grid worker's, a department's queue, the street's (hard matter);
            // and a second reporter's report next to the first, which joins it.
            open("sanitation", 37.85, 113.56, CaseWorld.REPORTER);
            open("noise", 37.852, 113.562, CaseWorld.REPORTER);
            open("illegal_construction", 37.848, 113.558, CaseWorld.REPORTER);
            open("sanitation", 37.8501, 113.5601, "usr_0000000000000000000000000R");
            for (String id : caseIds) checkCase("setup", id, null, null, null, null);
            int transitions = 0;
            for (int step = 0; step < STEPS; step++) {
                if (random.nextInt(6) == 0) {
                    Duration d = Duration.ofMinutes(random.nextInt(10) == 0 ? random.nextInt(60 * 48) : random.nextInt(90));
                    world.clock.advance(d);
                    log.add("clock +" + d);
                }
                if (random.nextInt(15) == 0) {
                    Map<String, Case> before = snapshot();
                    OverdueSweep.Result r = sweep.run(50);
                    if (r.escalated() > 0) succeeded.merge("escalate", r.escalated(), Integer::sum);
                    if (r.flagged() > 0) succeeded.merge("flag-overdue", r.flagged(), Integer::sum);
                    if (r.closed() > 0) succeeded.merge("close", r.closed(), Integer::sum);
                    log.add("sweep " + r);
                    for (String id : caseIds) checkCase("sweep", id, before.get(id), null, null, null);
                    transitions += r.escalated() + r.closed() + r.flagged();
                    continue;
                }
                if (step(step)) transitions++;
            }
            return transitions;
        }

        void open(String category, double lat, double lng, String reporter) {
            var o = world.assignment.assign(world.report(category, lat, lng, reporter));
            if (!caseIds.contains(o.c().id())) caseIds.add(o.c().id());
            log.add("open " + category + " → " + o.c().id() + " " + o.c().status() + (o.joined() ? " (joined)" : ""));
        }

        Map<String, Case> snapshot() {
            Map<String, Case> m = new HashMap<>();
            for (String id : caseIds) m.put(id, world.table.cases.get(id));
            return m;
        }

        boolean step(int step) {
            String caseId = caseIds.get(random.nextInt(caseIds.size()));
            Actor actor = actors.get(random.nextInt(actors.size()));
            CaseAction action = pick();
            if (random.nextInt(10) < 7) {
                // Mostly a button someone has (so that runs get deep into the loop), else anything.
                List<Object[]> buttons = new ArrayList<>();
                for (Actor a : actors) {
                    for (CaseAction b : world.workflow.allowed(world.table.cases.get(caseId), a)) buttons.add(new Object[] {a, b});
                }
                if (!buttons.isEmpty()) {
                    Object[] chosen = buttons.get(random.nextInt(buttons.size()));
                    actor = (Actor) chosen[0];
                    action = (CaseAction) chosen[1];
                }
            }
            boolean replay = !issued.isEmpty() && random.nextInt(12) == 0;
            Command cmd;
            if (replay) {
                cmd = issued.get(random.nextInt(issued.size()));
            } else {
                try {
                    cmd = CommandParser.parse(action, Json.parse(body(action, caseId)), "m" + (++requests));
                } catch (ValidationFailed e) {
                    log.add(step + " " + action.wire() + ": 400 " + e.fields());
                    return false;
                }
            }
            Map<String, Case> before = snapshot();
            Case c = before.get(caseId);
            Set<CaseAction> buttons = c == null ? Set.of() : world.workflow.allowed(c, actor);
            int sentBefore = world.events.sent.size();
            String who = actor.system() ? "system" : actor.id().substring(actor.id().length() - 2) + actor.roles();
            try {
                CaseWorkflow.Outcome o = world.workflow.act(caseId, cmd, actor);
                log.add(step + " " + who + " " + cmd.action().wire() + " " + caseId.substring(caseId.length() - 3) + ": "
                        + c.status() + " → " + o.c().status() + (o.replayed() ? " (replay)" : ""));
                if (o.replayed()) {
                    if (!o.c().equals(c)) fail("a replay changed the case", caseId);
                    if (world.events.sent.size() != sentBefore + 1) fail("a replay did not re-send its event", caseId);
                    for (String id : caseIds) checkCase("replay", id, before.get(id), null, null, null);
                    return false;
                }
                issued.add(cmd);
                succeeded.merge(cmd.action().wire(), 1, Integer::sum);
                if (!buttons.contains(cmd.action())) fail(cmd.action() + " succeeded but was not among " + buttons, caseId);
                CaseStatus want = expectedNext(c, cmd, o.c(), actor);
                if (o.c().status() != want) fail(cmd.action() + " led to " + o.c().status() + ", the model says " + want, caseId);
                for (String id : caseIds) checkCase("after " + cmd.action(), id, before.get(id), id.equals(caseId) ? cmd : null,
                        id.equals(caseId) ? actor : null, id.equals(caseId) ? c : null);
                return true;
            } catch (Conflict | Forbidden | NotFound | ValidationFailed e) {
                log.add(step + " " + who + " " + cmd.action().wire() + " " + caseId.substring(caseId.length() - 3) + ": "
                        + ((DomainException) e).code());
                if (e instanceof Conflict conflict && conflict.code().equals("INVALID_TRANSITION")
                        && buttons.contains(cmd.action())) {
                    fail(cmd.action() + " refused although among " + buttons, caseId);
                }
                if (world.events.sent.size() != sentBefore) fail("a refusal sent an event", caseId);
                for (String id : caseIds) {
                    if (!world.table.cases.get(id).equals(before.get(id))) fail("a refusal changed " + id, caseId);
                }
                return false;
            }
        }

        CaseAction pick() {
            CaseAction[] all = CaseAction.values();
            CaseAction a;
            do {
                a = all[random.nextInt(all.length)];
            } while (a == CaseAction.OPEN || a == CaseAction.JOIN);
            return a;
        }

        String body(CaseAction a, String caseId) {
            String version = random.nextInt(10) == 0 ? "\"version\":" + (1 + random.nextInt(6)) + "," : "";
            String inner = switch (a) {
                case DISPATCH, REDISPATCH -> "\"assignee\":{\"userId\":\""
                        + (random.nextBoolean() ? CaseWorld.WORKER : CaseWorld.OTHER_WORKER) + "\"}";
                case REJECT, RETURN, ESCALATE, REOPEN -> "\"reason\":\"r\"";
                case ADD_NOTE, CLOSE -> "\"note\":\"n\"";
                case RESOLVE, COMPLETE_TASK -> "\"result\":\"done\"";
                case SUMMON -> "\"departments\":[" + String.join(",", randomDepartments()) + "]";
                case VERDICT -> {
                    Verdict v = Verdict.values()[random.nextInt(3)];
                    yield "\"verdict\":\"" + v + "\"" + (v == Verdict.DISSATISFIED ? ",\"comment\":\"c\"" : "");
                }
                case CALLBACK -> "\"outcome\":\"" + Verdict.values()[random.nextInt(4)] + "\"";
                case MERGE -> "\"into\":\"" + caseIds.get(random.nextInt(caseIds.size())) + "\"";
                default -> "";
            };
            String all = version + inner;
            return "{" + (all.endsWith(",") ? all.substring(0, all.length() - 1) : all) + "}";
        }

        List<String> randomDepartments() {
            List<String> out = new ArrayList<>();
            for (String d : List.of("DEPT-P", "DEPT-Q", "DEPT-R")) if (random.nextBoolean()) out.add("\"" + d + "\"");
            if (out.isEmpty()) out.add("\"DEPT-P\"");
            return out;
        }

        /** The model: where a successful action leads. */
        CaseStatus expectedNext(Case before, Command cmd, Case after, Actor actor) {
            // A follower's verdict is satisfaction data only: the first reporter's decides (issue 13 defect 2).
            boolean follower = !actor.system() && !before.reporterIds().isEmpty()
                    && !before.reporterIds().get(0).equals(actor.principal().userId())
                    && before.reporterIds().contains(actor.principal().userId());
            return switch (cmd.action()) {
                case VERDICT -> follower ? before.status() : cmd.verdict().closes() ? CaseStatus.CLOSED
                        : cmd.verdict() == Verdict.DISSATISFIED ? CaseStatus.REWORK : before.status();
                case CALLBACK -> cmd.verdict().closes() ? CaseStatus.CLOSED
                        : cmd.verdict() == Verdict.DISSATISFIED ? CaseStatus.REWORK : before.status();
                case COMPLETE_TASK -> after.tasks().stream().anyMatch(SummonsTask::open) ? CaseStatus.COORDINATING : CaseStatus.RESOLVED;
                default -> CaseRulesTest.next(before.status(), cmd.action());
            };
        }

        void checkCase(String when, String id, Case before, Command cmd, Actor actor, Case acted) {
            Case c = world.table.cases.get(id);
            Instant now = world.clock.instant();
            // exactly one state, and the queues agree with it
            if (c.status() == null) fail(when + ": no state", id);
            var store = world.table.caseStore;
            boolean inQueue = store.unassignedAt(c.tierNode(), 100, null).items().stream().anyMatch(x -> x.id().equals(id));
            if (inQueue != c.status().inQueue()) fail(when + ": dispatch queue membership " + inQueue + " vs " + c.status(), id);
            if (c.status().inQueue() && c.assignee() != null) fail(when + ": waiting in a queue with an assignee", id);
            if (c.assignee() != null) {
                boolean mine = store.assignedTo(c.assignee().userId(), 100, null).items().stream().anyMatch(x -> x.id().equals(id));
                if (mine != c.status().open()) fail(when + ": worker's queue membership " + mine, id);
            }
            boolean due = store.due(now, 100).stream().anyMatch(x -> x.id().equals(id));
            if (due != (c.status().open() && !c.overdueFlagged() && c.deadline().isBefore(now))) fail(when + ": due index " + due, id);
            if ((c.status() == CaseStatus.COORDINATING) != c.tasks().stream().anyMatch(SummonsTask::open)) {
                fail(when + ": coordinating without open tasks, or open tasks outside coordinating", id);
            }
            if ((c.status() == CaseStatus.MERGED) != (c.mergedInto() != null)) fail(when + ": mergedInto", id);
            if ((c.status() == CaseStatus.CLOSED) != (c.closure() != null)) fail(when + ": closure", id);
            // an open case always has a deadline
            if (c.status().open() && c.deadline() == null) fail(when + ": open without a deadline", id);
            if (!c.status().open() && c.deadline() != null) fail(when + ": closed with a deadline", id);
            if (c.status() == CaseStatus.COORDINATING) {
                Instant earliest = c.tasks().stream().filter(SummonsTask::open).map(SummonsTask::deadline).min(Instant::compareTo).orElseThrow();
                if (!earliest.equals(c.deadline())) fail(when + ": coordinating deadline is not the earliest task's", id);
            }
            // a closed case changes only by reopen within the window
            if (before != null && before.status() == CaseStatus.CLOSED && !c.equals(before)) {
                boolean reopened = cmd != null && cmd.action() == CaseAction.REOPEN
                        && now.isBefore(before.closedAt().plus(world.categories.workflow().reopenWindow()));
                if (!reopened) fail(when + ": a closed case changed other than by reopen within the window", id);
            }
            if (before != null && (before.status() == CaseStatus.MERGED || before.status() == CaseStatus.REJECTED && c.status() != CaseStatus.UNASSIGNED)
                    && !c.equals(before)) {
                fail(when + ": a final case changed", id);
            }
            // one audit entry per transition, chained, each published once
            List<CaseEvent> trail = world.table.trail(id);
            if (trail.size() != c.version()) fail(when + ": " + trail.size() + " audit entries for version " + c.version(), id);
            for (int i = 0; i < trail.size(); i++) {
                CaseEvent e = trail.get(i);
                if (e.version() != i + 1) fail(when + ": audit entry " + (i + 1) + " numbered " + e.version(), id);
                if (i > 0 && e.from() != trail.get(i - 1).to()) fail(when + ": audit chain broken at " + e.version(), id);
                boolean mergeJoin = e.action() == CaseAction.JOIN && e.detail("mergedFrom") != null;
                if (!mergeJoin && world.events.sent.stream().noneMatch(x -> x.eventId().equals(e.eventId()))) {
                    fail(when + ": audit entry " + e.version() + " (" + e.action() + ") was never published", id);
                }
            }
            if (trail.get(trail.size() - 1).to() != c.status()) fail(when + ": the trail ends elsewhere", id);
        }

        void fail(String what, String caseId) {
            int from = Math.max(0, log.size() - 25);
            org.junit.jupiter.api.Assertions.fail("seed " + seed + ", case " + caseId + ": " + what + "\n  "
                    + String.join("\n  ", log.subList(from, log.size())) + "\n  state: " + world.table.cases.get(caseId));
        }
    }
}
