package org.linli.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linli.core.Conflict;
import org.linli.core.Forbidden;
import org.linli.core.NotFound;
import org.linli.core.QueueUnavailable;
import org.linli.core.ValidationFailed;
import org.linli.identity.Principal;
import org.linli.identity.Role;
import org.linli.json.Json;
import org.linli.testing.CaseWorld;

class CaseWorkflowTest {
    private final CaseWorld world = new CaseWorld();
    private int n;

    private CaseWorkflow.Outcome act(Case c, CaseAction a, String body, Actor actor) {
        return world.workflow.act(c.id(), CommandParser.parse(a, Json.parse(body), "k" + (++n)), actor);
    }

    private CaseWorkflow.Outcome act(Case c, CaseAction a, String body, Role role) {
        return act(c, a, body, CaseWorld.actor(role));
    }

    private Case current(Case c) {
        return world.table.cases.get(c.id());
    }

    @Test
    void theSixStepsFromReportToArchive() {
        var opened = world.assignment.assign(world.report("sanitation", 37.85, 113.56, CaseWorld.REPORTER));
        Case c = opened.c();
        assertEquals(CaseStatus.ASSIGNED, c.status());
        assertEquals(Tier.COMMUNITY, c.tier());
        assertEquals("C1", c.tierNode());
        assertEquals(CaseAction.OPEN, world.events.last().action());

        act(c, CaseAction.ACCEPT, "{}", Role.GRID_WORKER);
        assertEquals(world.clock.instant().plus(Duration.ofDays(2)), current(c).deadline(), "sanitation: handle within 2 days");
        act(c, CaseAction.START, "{}", Role.GRID_WORKER);
        act(c, CaseAction.ADD_NOTE, "{\"note\":\"已联系物业\",\"photoKeys\":[\"uploads/1.jpg\"]}", Role.GRID_WORKER);
        act(c, CaseAction.RESOLVE, "{\"result\":\"杂物已清理\",\"photoKeys\":[\"uploads/2.jpg\"]}", Role.GRID_WORKER);
        assertEquals(CaseStatus.RESOLVED, current(c).status());
        assertEquals(List.of("uploads/2.jpg"), current(c).resolution().evidence());
        act(c, CaseAction.FEED_BACK, "{}", Role.GRID_WORKER);
        assertEquals(world.clock.instant().plus(Duration.ofDays(3)), current(c).deadline(), "verdict window");
        var closed = act(c, CaseAction.VERDICT, "{\"verdict\":\"BASICALLY_SATISFIED\"}", Role.RESIDENT);
        assertEquals(CaseStatus.CLOSED, closed.c().status());
        assertEquals(Closure.BASICALLY_SATISFIED, closed.c().closure());
        assertNull(closed.c().deadline());

        List<CaseEvent> trail = world.table.trail(c.id());
        assertEquals(List.of(CaseAction.OPEN, CaseAction.ACCEPT, CaseAction.START, CaseAction.ADD_NOTE, CaseAction.RESOLVE,
                CaseAction.FEED_BACK, CaseAction.VERDICT), trail.stream().map(CaseEvent::action).toList());
        for (int i = 0; i < trail.size(); i++) assertEquals(i + 1, trail.get(i).version());
        assertEquals("已联系物业", trail.get(3).note());
        assertEquals("GRID_WORKER", trail.get(1).actorRole());
        assertEquals("RESIDENT", trail.get(6).actorRole());
        assertEquals(trail.size(), world.events.sent.size(), "one event per transition");
    }

    @Test
    void aDissatisfiedVerdictSendsTheCaseBackForReworkAndCountsIt() {
        Case c = world.fixture(CaseStatus.FED_BACK);
        assertThrows(ValidationFailed.class, () -> act(c, CaseAction.VERDICT, "{\"verdict\":\"DISSATISFIED\"}", Role.RESIDENT),
                "a dissatisfied verdict needs a comment");
        var o = act(c, CaseAction.VERDICT, "{\"verdict\":\"DISSATISFIED\",\"comment\":\"还是堵着\"}", Role.RESIDENT);
        assertEquals(CaseStatus.REWORK, o.c().status());
        assertEquals(1, o.c().reworkCount());
        assertEquals(Verdict.DISSATISFIED, o.c().verdict());
        assertEquals("还是堵着", world.table.trail(c.id()).get(1).note());
        assertEquals(CaseWorld.WORKER, o.c().assignee().userId(), "back to the same worker");
        act(c, CaseAction.RESOLVE, "{\"result\":\"再次清理\"}", Role.GRID_WORKER);
        act(c, CaseAction.FEED_BACK, "{}", Role.GRID_WORKER);
        act(c, CaseAction.VERDICT, "{\"verdict\":\"SATISFIED\"}", Role.RESIDENT);
        assertEquals(CaseStatus.CLOSED, current(c).status());
        assertEquals(1, current(c).reworkCount());
    }

    @Test
    void aCallbackRecordsTheOutcomeAndNoAnswerKeepsWaiting() {
        Case c = world.fixture(CaseStatus.FED_BACK);
        var o = act(c, CaseAction.CALLBACK, "{\"outcome\":\"UNREACHABLE\",\"note\":\"电话未接通\"}", Role.COMMUNITY_STAFF);
        assertEquals(CaseStatus.FED_BACK, o.c().status());
        assertEquals("UNREACHABLE", world.table.trail(c.id()).get(1).detail("outcome"));
        o = act(c, CaseAction.CALLBACK, "{\"outcome\":\"SATISFIED\"}", Role.COMMUNITY_STAFF);
        assertEquals(Closure.SATISFIED, o.c().closure());
    }

    @Test
    void aClosedCaseReopensOnlyWithinTheWindow() {
        Case c = world.fixture(CaseStatus.CLOSED); // closed an hour ago
        var o = act(c, CaseAction.REOPEN, "{\"reason\":\"又堵上了\"}", Role.RESIDENT);
        assertEquals(CaseStatus.REWORK, o.c().status());
        assertEquals(1, o.c().reopenCount());

        Case old = world.fixture(CaseStatus.CLOSED);
        world.clock.advance(Duration.ofDays(7));
        Conflict late = assertThrows(Conflict.class, () -> act(old, CaseAction.REOPEN, "{\"reason\":\"x\"}", Role.RESIDENT));
        assertEquals("INVALID_TRANSITION", late.code());
        assertTrue(late.getMessage().contains("reopen window"), late.getMessage());
        assertEquals(List.of(), late.details().get("allowedActions"));
    }

    @Test
    void summonedDepartmentsCheckInAndTheCaseIsResolvedWhenEveryTaskIsDone() {
        Case c = world.fixture(CaseStatus.ESCALATED); // at the street
        var o = act(c, CaseAction.SUMMON, "{\"departments\":[\"DEPT-P\",\"DEPT-R\"]}", Role.STREET_STAFF);
        assertEquals(CaseStatus.COORDINATING, o.c().status());
        assertEquals(world.clock.instant().plus(Duration.ofHours(4)), o.c().deadline(), "check in within 4 h");
        assertEquals(2, world.table.caseStore.tasksOf("DEPT-P", 10, null).items().size()
                + world.table.caseStore.tasksOf("DEPT-R", 10, null).items().size());

        Actor police = Actor.of(CaseWorld.principal(CaseWorld.DEPT_STAFF, Role.DEPARTMENT_STAFF, "DEPT-P"));
        Actor housing = Actor.of(CaseWorld.principal("usr_0000000000000000000000000H", Role.DEPARTMENT_STAFF, "DEPT-R"));
        Conflict early = assertThrows(Conflict.class, () -> act(c, CaseAction.COMPLETE_TASK, "{\"result\":\"x\"}", police));
        assertTrue(early.getMessage().contains("no checked-in task"), early.getMessage());
        act(c, CaseAction.CHECK_IN, "{}", police);
        act(c, CaseAction.COMPLETE_TASK, "{\"result\":\"已劝离\"}", police);
        assertEquals(CaseStatus.COORDINATING, current(c).status(), "one task still open");
        act(c, CaseAction.CHECK_IN, "{}", housing);
        var done = act(c, CaseAction.COMPLETE_TASK, "{\"result\":\"已修复\"}", housing);
        assertEquals(CaseStatus.RESOLVED, done.c().status());
        assertTrue(done.c().resolution().result().contains("已劝离") && done.c().resolution().result().contains("已修复"));
        assertTrue(world.table.caseStore.tasksOf("DEPT-P", 10, null).items().isEmpty(), "done tasks leave the queue");
        assertThrows(ValidationFailed.class, () -> act(world.fixture(CaseStatus.ESCALATED), CaseAction.SUMMON,
                "{\"departments\":[\"NOPE\"]}", Role.STREET_STAFF), "unknown department");
    }

    @Test
    void aLateCheckInEscalatesWithTheSummonsAndRenewsTheLateTask() {
        Case c = world.fixture(CaseStatus.ESCALATED);
        act(c, CaseAction.SUMMON, "{\"departments\":[\"DEPT-P\"]}", Role.STREET_STAFF);
        world.clock.advance(Duration.ofHours(5));
        var o = world.workflow.act(c.id(), Command.of(CaseAction.ESCALATE, "sweep-1"), Actor.SYSTEM);
        assertEquals(CaseStatus.COORDINATING, o.c().status());
        assertEquals(Tier.DEPARTMENT, o.c().tier(), "street → the district department for city management");
        assertEquals("DEPT-Q", o.c().tierNode());
        assertEquals("DEPT-P", world.events.last().detail("lateDepartments"));
        assertEquals(world.clock.instant().plus(Duration.ofHours(4)), o.c().task("DEPT-P").orElseThrow().deadline());
    }

    @Test
    void escalationClimbsCommunityStreetDepartmentDistrictThenFlags() {
        Case c = world.fixture(CaseStatus.ASSIGNED);
        List<String> chain = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Case now = world.workflow.act(c.id(), Command.of(CaseAction.ESCALATE, "s" + i), Actor.SYSTEM).c();
            chain.add(now.tier() + ":" + now.tierNode());
            assertEquals(CaseStatus.ESCALATED, now.status());
            assertNull(now.assignee());
        }
        assertEquals(List.of("STREET:S1", "DEPARTMENT:DEPT-Q", "DISTRICT:D"), chain);
        Conflict top = assertThrows(Conflict.class, () -> world.workflow.act(c.id(), Command.of(CaseAction.ESCALATE, "s9"), Actor.SYSTEM));
        assertTrue(top.getMessage().contains("top level"));
        world.clock.advance(Duration.ofDays(2));
        var flagged = world.workflow.act(c.id(), Command.of(CaseAction.FLAG_OVERDUE, "f1"), Actor.SYSTEM);
        assertTrue(flagged.c().overdueFlagged());
        assertTrue(world.table.caseStore.due(world.clock.instant(), 10).isEmpty(), "flagged cases leave the due index");
        assertEquals(1, world.table.caseStore.overdue("D", Tier.DISTRICT, world.clock.instant(), 10, null).items().size(),
                "but stay on the district's overdue list");
        var taken = act(c, CaseAction.ACCEPT, "{}", Role.DISTRICT_STAFF);
        assertFalse(taken.c().overdueFlagged(), "a new deadline clears the flag");
        assertEquals(3, taken.c().escalations());
    }

    @Test
    void aRetriedRequestIsAppliedOnceAndReSendsItsEvent() {
        Case c = world.fixture(CaseStatus.ASSIGNED);
        Command cmd = CommandParser.parse(CaseAction.ACCEPT, Json.parse("{}"), "same-key");
        world.events.failNext = 1;
        assertThrows(QueueUnavailable.class, () -> world.workflow.act(c.id(), cmd, CaseWorld.actor(Role.GRID_WORKER)),
                "written, but the event could not be sent");
        assertEquals(CaseStatus.ACCEPTED, current(c).status());
        assertTrue(world.events.sent.isEmpty());

        var replay = world.workflow.act(c.id(), cmd, CaseWorld.actor(Role.GRID_WORKER));
        assertTrue(replay.replayed());
        assertEquals(2, current(c).version(), "applied once");
        assertEquals(1, world.events.sent.size(), "the retry sent the recorded event");
        assertEquals(CaseAction.ACCEPT, world.events.last().action());

        Command other = CommandParser.parse(CaseAction.START, Json.parse("{}"), "same-key");
        Conflict reused = assertThrows(Conflict.class, () -> world.workflow.act(c.id(), other, CaseWorld.actor(Role.GRID_WORKER)));
        assertEquals("IDEMPOTENCY_KEY_REUSED", reused.code());
    }

    @Test
    void ofTwoConcurrentActionsOneWinsAndTheOtherGetsTheFreshState() {
        Case c = world.fixture(CaseStatus.UNASSIGNED);
        // Another dispatcher's action lands between this one's read and its write.
        world.table.beforeWrite = () -> act(c, CaseAction.ACCEPT, "{}", Role.STREET_STAFF);
        Conflict lost = assertThrows(Conflict.class, () -> act(c, CaseAction.ACCEPT, "{}", Role.COMMUNITY_STAFF));
        assertEquals("VERSION_CONFLICT", lost.code());
        assertEquals("ACCEPTED", lost.details().get("status"));
        assertEquals(2L, lost.details().get("version"));
        assertEquals(CaseWorld.STREET, lost.details().get("assigneeId"));
        assertEquals(2, world.table.trail(c.id()).size());

        Conflict stale = assertThrows(Conflict.class, () -> act(c, CaseAction.ADD_NOTE, "{\"note\":\"x\",\"version\":1}", Role.STREET_STAFF));
        assertEquals("VERSION_CONFLICT", stale.code(), "a client acting on version 1 is told it is stale");
    }

    @Test
    void mergingMakesTheDuplicatesReportersFollowersOfTheTarget() {
        Case target = world.fixture(CaseStatus.ACCEPTED);
        Case dup = world.fixture(CaseStatus.UNASSIGNED);
        Case dupWithOther = dup.toBuilder().follow(List.of(), List.of("usr_0000000000000000000000000F")).build();
        world.table.cases.put(dup.id(), dupWithOther);
        var o = act(dup, CaseAction.MERGE, "{\"into\":\"" + target.id() + "\"}", Role.COMMUNITY_STAFF);
        assertEquals(CaseStatus.MERGED, o.c().status());
        assertEquals(target.id(), o.c().mergedInto());
        Case t = current(target);
        assertTrue(t.reporterIds().contains("usr_0000000000000000000000000F"));
        assertTrue(t.reportIds().containsAll(dup.reportIds()));
        assertEquals(CaseAction.JOIN, world.table.trail(target.id()).get(1).action());
        assertEquals(1, world.events.sent.size(), "one send per action");
        assertThrows(ValidationFailed.class, () -> act(world.fixture(CaseStatus.UNASSIGNED), CaseAction.MERGE,
                "{\"into\":\"" + dup.id() + "\"}", Role.COMMUNITY_STAFF), "not into a merged case");
    }

    @Test
    void whoMaySeeACase() {
        Case c = world.fixture(CaseStatus.ASSIGNED);
        Actor stranger = Actor.of(new Principal(CaseWorld.STRANGER, java.util.Set.of(Role.RESIDENT), java.util.Set.of()));
        assertThrows(NotFound.class, () -> act(c, CaseAction.ADD_NOTE, "{\"note\":\"x\"}", stranger));
        Actor otherCommunity = Actor.of(CaseWorld.principal(CaseWorld.STRANGER, Role.COMMUNITY_STAFF, "C9"));
        assertThrows(Forbidden.class, () -> act(c, CaseAction.ADD_NOTE, "{\"note\":\"x\"}", otherCommunity));
    }

    @Test
    void badBodiesAreFieldErrors() {
        Map<CaseAction, String> bad = Map.of(
                CaseAction.DISPATCH, "{\"assignee\":{\"userId\":\"bob\"}}",
                CaseAction.REJECT, "{}",
                CaseAction.SUMMON, "{\"departments\":[\"A\",\"A\"]}",
                CaseAction.VERDICT, "{\"verdict\":\"UNREACHABLE\"}",
                CaseAction.MERGE, "{\"into\":\"nope\"}",
                CaseAction.ADD_NOTE, "{}",
                CaseAction.ACCEPT, "{\"colour\":\"red\",\"version\":0}");
        bad.forEach((action, body) -> {
            ValidationFailed v = assertThrows(ValidationFailed.class, () -> CommandParser.parse(action, Json.parse(body), "k"),
                    action + " " + body);
            assertFalse(v.fields().isEmpty());
        });
        ValidationFailed two = assertThrows(ValidationFailed.class,
                () -> CommandParser.parse(CaseAction.ACCEPT, Json.parse("{\"colour\":\"red\",\"version\":0}"), "k"));
        assertEquals(2, two.fields().size(), "every bad field at once");
        assertNotNull(CommandParser.parse(CaseAction.ACCEPT, Json.parse("{\"version\":3}"), "k").expectedVersion());
    }
}
