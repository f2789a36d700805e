package org.linli.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.linli.cases.Actor;
import org.linli.cases.Case;
import org.linli.cases.CaseAction;
import org.linli.cases.CaseEvent;
import org.linli.cases.CaseStatus;
import org.linli.cases.CommandParser;
import org.linli.cases.OverdueSweep;
import org.linli.cases.Verdict;
import org.linli.core.DomainException;
import org.linli.core.Page;
import org.linli.identity.Role;
import org.linli.json.Json;
import org.linli.testing.CaseWorld;
import org.linli.testing.InMemoryKpiStore;

/**
 * Incremental folding against the recompute on random histories through the real workflow: events
 * folded late, out of order and twice while the history goes on, every case's contribution
 * re-derived from its trail. The counters must equal both the sum of fresh facts and an
 * independent count taken from the cases themselves.
 */
class KpiFoldingTest {
    private static final YearMonth NOV = YearMonth.of(2026, 11);

    /** The in-memory audit trails as the KPI port reads them. */
    private static CaseTrails trails(CaseWorld w) {
        return new CaseTrails() {
            @Override
            public List<CaseEvent> trail(String caseId) {
                return List.copyOf(w.table.audit.getOrDefault(caseId, List.of()));
            }

            @Override
            public Page<String> openedIn(YearMonth month, int limit, String cursor) {
                List<String> ids = w.table.cases.values().stream().filter(c -> CaseFacts.monthOf(c.createdAt()).equals(month))
                        .map(Case::id).sorted().toList();
                int from = cursor == null ? 0 : Integer.parseInt(cursor);
                int to = Math.min(ids.size(), from + limit);
                return new Page<>(ids.subList(from, to), to < ids.size() ? Integer.toString(to) : null);
            }
        };
    }

    @Test
    void aScriptedCaseCountsAsTheDefinitionsSay() {
        CaseWorld w = new CaseWorld();
        String id = w.assignment.assign(w.report("sanitation", 37.85, 113.56, CaseWorld.REPORTER)).c().id();
        Actor worker = CaseWorld.actor(Role.GRID_WORKER);
        Actor resident = CaseWorld.actor(Role.RESIDENT);
        act(w, id, CaseAction.ACCEPT, "{}", worker);
        act(w, id, CaseAction.RESOLVE, "{\"result\":\"ok\"}", worker);
        act(w, id, CaseAction.FEED_BACK, "{}", worker);
        act(w, id, CaseAction.VERDICT, "{\"verdict\":\"DISSATISFIED\",\"comment\":\"no\"}", resident);
        act(w, id, CaseAction.RESOLVE, "{\"result\":\"ok again\"}", worker);
        act(w, id, CaseAction.FEED_BACK, "{}", worker);
        act(w, id, CaseAction.VERDICT, "{\"verdict\":\"BASICALLY_SATISFIED\"}", resident);
        CaseFacts f = CaseFacts.of(w.table.audit.get(id));
        assertEquals(NOV, f.month());
        assertEquals(List.of("D", "S1", "C1", "G2"), f.path());
        assertEquals(Map.ofEntries(Map.entry(Counter.RECEIVED, 1L), Map.entry(Counter.RESPONDED, 1L), Map.entry(Counter.RESPONDED_ON_TIME, 1L),
                Map.entry(Counter.HANDLED, 1L), Map.entry(Counter.CLOSED, 1L), Map.entry(Counter.RESOLVED, 1L), Map.entry(Counter.DISSATISFIED, 1L),
                Map.entry(Counter.BASICALLY_SATISFIED, 1L), Map.entry(Counter.REWORKS, 1L),
                // a resident's report: received and closed also count under the mini-program (satisfied: only SATISFIED verdicts)
                Map.entry(Counter.RECEIVED_MINI_PROGRAM, 1L), Map.entry(Counter.CLOSED_MINI_PROGRAM, 1L)), f.tally().asMap());
    }

    @Test
    void aLateCaseAndADepartmentMatter() {
        CaseWorld w = new CaseWorld();
        OverdueSweep sweep = new OverdueSweep(w.table.caseStore, w.workflow, w.clock);
        String late = w.assignment.assign(w.report("sanitation", 37.85, 113.56, CaseWorld.REPORTER)).c().id();
        w.clock.advance(Duration.ofHours(5)); // past the 4 h accept limit
        sweep.run(10);
        act(w, late, CaseAction.ACCEPT, "{}", CaseWorld.actor(Role.STREET_STAFF));
        CaseFacts f = CaseFacts.of(w.table.audit.get(late));
        assertEquals(1L, f.tally().get(Counter.OVERDUE));
        assertEquals(1L, f.tally().get(Counter.RESPONDED));
        assertEquals(0L, f.tally().get(Counter.RESPONDED_ON_TIME), "answered, but after a deadline was missed");
        assertEquals(1L, f.tally().get(Counter.ESCALATIONS));

        String noise = w.assignment.assign(w.report("noise", 37.852, 113.562, CaseWorld.REPORTER)).c().id();
        CaseFacts n = CaseFacts.of(w.table.audit.get(noise));
        assertEquals(List.of("DEPT-P"), n.departments(), "a department matter counts for the department that took it");
        assertTrue(n.units().stream().anyMatch(u -> u.code().equals("DEPT-P") && u.rankParent().equals("D#DEPARTMENTS")));
    }

    @Test
    void incrementalFoldingEqualsTheRecomputeOnRandomHistories() {
        for (long seed = 1; seed <= 25; seed++) {
            CaseWorld w = new CaseWorld();
            InMemoryKpiStore store = new InMemoryKpiStore();
            CaseTrails trails = trails(w);
            KpiFolder folder = new KpiFolder(trails, store);
            Random random = new Random(seed);
            OverdueSweep sweep = new OverdueSweep(w.table.caseStore, w.workflow, w.clock);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String category = List.of("sanitation", "noise", "illegal_construction", "dispute").get(random.nextInt(4));
                var o = w.assignment.assign(w.report(category, 37.845 + random.nextInt(10) * 0.001, 113.555 + random.nextInt(10) * 0.001,
                        random.nextBoolean() ? CaseWorld.REPORTER : "usr_0000000000000000000000000R"));
                if (!ids.contains(o.c().id())) ids.add(o.c().id());
            }
            List<Actor> actors = new ArrayList<>();
            for (Role r : CaseWorld.ROLES) actors.add(CaseWorld.actor(r));
            List<CaseEvent> pending = new ArrayList<>();
            int delivered = 0;
            for (int step = 0; step < 120; step++) {
                if (random.nextInt(8) == 0) w.clock.advance(Duration.ofMinutes(random.nextInt(10) == 0 ? 60 * 30 : random.nextInt(120)));
                if (random.nextInt(12) == 0) {
                    sweep.run(20);
                } else {
                    String id = ids.get(random.nextInt(ids.size()));
                    List<Object[]> buttons = new ArrayList<>();
                    for (Actor a : actors) for (CaseAction b : w.workflow.allowed(w.table.cases.get(id), a)) buttons.add(new Object[] {a, b});
                    if (buttons.isEmpty()) continue;
                    Object[] chosen = buttons.get(random.nextInt(buttons.size()));
                    CaseAction action = (CaseAction) chosen[1];
                    try {
                        w.workflow.act(id, CommandParser.parse(action, Json.parse(body(action, ids, random)), "s" + seed + "-" + step),
                                (Actor) chosen[0]);
                    } catch (DomainException ignored) {
                        // a refused body (a merge into itself...): nothing happened
                    }
                }
                // Whatever was sent since is delivered later, in any order, some of it twice.
                while (delivered < w.events.sent.size()) pending.add(w.events.sent.get(delivered++));
                int n = random.nextInt(pending.size() + 1);
                for (int i = 0; i < n; i++) {
                    CaseEvent e = pending.remove(random.nextInt(pending.size()));
                    folder.fold(e.caseId(), e.version());
                    if (random.nextInt(5) == 0) pending.add(e); // redelivered
                }
            }
            while (delivered < w.events.sent.size()) pending.add(w.events.sent.get(delivered++));
            java.util.Collections.shuffle(pending, random);
            for (CaseEvent e : pending) folder.fold(e.caseId(), e.version());

            // The recompute: fresh facts from every trail, summed.
            List<KpiStore.Folded> fresh = new ArrayList<>();
            for (String id : w.table.audit.keySet()) fresh.add(new KpiStore.Folded(CaseFacts.of(w.table.audit.get(id)), CaseFacts.DEFINITIONS));
            Map<UnitMonth, Tally> expected = KpiRecompute.expected(fresh, NOV);
            assertEquals(expected, store.snapshot(), "seed " + seed);
            KpiRecompute.Run run = new KpiRecompute(trails, store).run(NOV, null, 1000, false);
            assertEquals(List.of(), run.differences(), "seed " + seed);
            assertEquals(0, run.refolded(), "seed " + seed + ": nothing left to fold");

            // An independent count for the root from the cases themselves.
            Tally root = store.of("D", NOV);
            List<Case> cases = new ArrayList<>(w.table.cases.values());
            assertEquals(cases.size(), root.get(Counter.RECEIVED), "seed " + seed);
            assertEquals(count(cases, CaseStatus.MERGED), root.get(Counter.MERGED));
            assertEquals(count(cases, CaseStatus.REJECTED), root.get(Counter.REJECTED));
            assertEquals(count(cases, CaseStatus.CLOSED), root.get(Counter.CLOSED));
            assertEquals(count(cases, CaseStatus.RESOLVED) + count(cases, CaseStatus.FED_BACK) + count(cases, CaseStatus.CLOSED),
                    root.get(Counter.HANDLED));
            assertEquals(cases.stream().mapToLong(Case::escalations).sum(), root.get(Counter.ESCALATIONS));
            Map<String, Long> verdicts = new HashMap<>();
            for (List<CaseEvent> trail : w.table.audit.values()) {
                for (CaseEvent e : trail) {
                    String v = e.action() == CaseAction.VERDICT ? e.detail("verdict") : e.action() == CaseAction.CALLBACK ? e.detail("outcome") : null;
                    if (v != null) verdicts.merge(v, 1L, Long::sum);
                }
            }
            assertEquals(verdicts.getOrDefault(Verdict.SATISFIED.name(), 0L), root.get(Counter.SATISFIED));
            assertEquals(verdicts.getOrDefault(Verdict.DISSATISFIED.name(), 0L), root.get(Counter.DISSATISFIED));
        }
    }

    @Test
    void theRecomputeRepairsDriftedCountersAndRefoldsUnderNewDefinitions() {
        CaseWorld w = new CaseWorld();
        InMemoryKpiStore store = new InMemoryKpiStore();
        CaseTrails trails = trails(w);
        String id = w.assignment.assign(w.report("sanitation", 37.85, 113.56, CaseWorld.REPORTER)).c().id();
        act(w, id, CaseAction.ACCEPT, "{}", CaseWorld.actor(Role.GRID_WORKER));
        // An event that never arrived: the recompute folds the case.
        KpiRecompute recompute = new KpiRecompute(trails, store);
        KpiRecompute.Run first = recompute.run(NOV, null, 10, false);
        assertEquals(1, first.refolded());
        assertEquals(1L, store.of("C1", NOV).get(Counter.RESPONDED_ON_TIME));
        // Counters damaged behind the fold records' back: found, then repaired.
        UnitMonth c1 = store.counters.keySet().stream().filter(k -> k.unit().code().equals("C1")).findFirst().orElseThrow();
        store.counters.put(c1, store.counters.get(c1).with(Counter.RECEIVED, 7));
        KpiRecompute.Run check = recompute.run(NOV, null, 10, false);
        assertEquals(1, check.differences().size());
        assertEquals("C1", check.differences().get(0).unit());
        KpiRecompute.Run repair = recompute.run(NOV, null, 10, true);
        assertEquals(1, repair.repaired());
        assertEquals(1L, store.of("C1", NOV).get(Counter.RECEIVED));
        assertEquals(List.of(), recompute.run(NOV, null, 10, false).differences());
        // Fold records from older definitions are folded again.
        KpiStore.Folded old = store.folds.get(id);
        store.folds.put(id, new KpiStore.Folded(old.facts(), CaseFacts.DEFINITIONS - 1));
        assertEquals(KpiFolder.Result.APPLIED, new KpiFolder(trails, store).fold(id, 0), "the record is rewritten");
        assertEquals(CaseFacts.DEFINITIONS, store.folds.get(id).definitions());
        // A stale event costs one read of the fold record and nothing else.
        int writes = store.writes;
        assertEquals(KpiFolder.Result.UP_TO_DATE, new KpiFolder(trails, store).fold(id, 1));
        assertEquals(writes, store.writes);
    }

    private static long count(List<Case> cases, CaseStatus s) {
        return cases.stream().filter(c -> c.status() == s).count();
    }

    private static void act(CaseWorld w, String id, CaseAction a, String body, Actor actor) {
        w.workflow.act(id, CommandParser.parse(a, Json.parse(body), java.util.UUID.randomUUID().toString()), actor);
    }

    private static String body(CaseAction a, List<String> ids, Random random) {
        return switch (a) {
            case DISPATCH, REDISPATCH -> "{\"assignee\":{\"userId\":\"" + (random.nextBoolean() ? CaseWorld.WORKER : CaseWorld.OTHER_WORKER) + "\"}}";
            case REJECT, RETURN, ESCALATE, REOPEN -> "{\"reason\":\"r\"}";
            case ADD_NOTE, CLOSE -> "{\"note\":\"n\"}";
            case RESOLVE, COMPLETE_TASK -> "{\"result\":\"done\"}";
            case SUMMON -> "{\"departments\":[\"" + List.of("DEPT-P", "DEPT-Q", "DEPT-R").get(random.nextInt(3)) + "\"]}";
            case VERDICT -> {
                Verdict v = Verdict.values()[random.nextInt(3)];
                yield "{\"verdict\":\"" + v + "\"" + (v == Verdict.DISSATISFIED ? ",\"comment\":\"c\"" : "") + "}";
            }
            case CALLBACK -> "{\"outcome\":\"" + Verdict.values()[random.nextInt(4)] + "\"}";
            case MERGE -> "{\"into\":\"" + ids.get(random.nextInt(ids.size())) + "\"}";
            default -> "{}";
        };
    }
}
