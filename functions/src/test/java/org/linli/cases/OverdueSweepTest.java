package org.linli.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.linli.core.QueueUnavailable;
import org.linli.testing.CaseWorld;

class OverdueSweepTest {
    private final CaseWorld world = new CaseWorld();
    private final OverdueSweep sweep = new OverdueSweep(world.table.caseStore, world.workflow, world.clock);

    @Test
    void aCaseLeftAloneClimbsEveryLevelWithAReasonThenIsFlaggedOnce() {
        Case c = world.assignment.assign(world.report("sanitation", 37.85, 113.56, CaseWorld.REPORTER)).c();
        assertEquals(0, sweep.run(100).due(), "nothing is late yet");
        String[] expected = {"STREET:S1", "DEPARTMENT:DEPT-Q", "DISTRICT:D"};
        for (String level : expected) {
            world.clock.advance(Duration.ofDays(2));
            assertEquals(1, sweep.run(100).escalated());
            Case now = world.table.cases.get(c.id());
            assertEquals(level, now.tier() + ":" + now.tierNode());
            CaseEvent e = world.events.last();
            assertEquals("SYSTEM", e.actorRole());
            assertTrue(e.detail("reason").contains("deadline"), e.detail("reason"));
        }
        assertTrue(world.table.trail(c.id()).get(1).detail("reason").startsWith("accept deadline"));
        world.clock.advance(Duration.ofDays(2));
        OverdueSweep.Result r = sweep.run(100);
        assertEquals(1, r.flagged());
        assertEquals(0, sweep.run(100).due(), "flagged once, then out of the due index");
        assertEquals(CaseAction.FLAG_OVERDUE, world.events.last().action());
    }

    @Test
    void aFedBackCaseNobodyAnswersClosesAsUnconfirmed() {
        Case c = world.fixture(CaseStatus.FED_BACK);
        world.clock.advance(Duration.ofHours(2));
        assertEquals(1, sweep.run(100).closed());
        Case closed = world.table.cases.get(c.id());
        assertEquals(CaseStatus.CLOSED, closed.status());
        assertEquals(Closure.UNCONFIRMED, closed.closure());
    }

    @Test
    void aLostSendIsRetriedInTheSameRunAndALostRetryFailsTheRun() {
        Case c = world.fixture(CaseStatus.ASSIGNED);
        world.clock.advance(Duration.ofHours(2));
        world.events.failNext = 1;
        assertEquals(1, sweep.run(100).escalated() + 0, "escalated; the replay re-sent the event");
        assertEquals(CaseAction.ESCALATE, world.events.last().action());
        assertEquals(2, world.table.cases.get(c.id()).version());

        world.fixture(CaseStatus.ASSIGNED);
        world.clock.advance(Duration.ofHours(2));
        world.events.failNext = 10;
        assertThrows(QueueUnavailable.class, () -> sweep.run(100), "the schedule retries and alarms");
    }
}
