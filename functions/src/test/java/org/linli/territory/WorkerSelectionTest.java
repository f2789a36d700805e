package org.linli.territory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

class WorkerSelectionTest {
    private static RosterMember worker(String id, Duty duty) {
        return new RosterMember(id, id, null, StaffRole.GRID_WORKER, duty);
    }

    private static final Roster COMMUNITY = new Roster("C1",
            List.of(new RosterMember("disp", "调度员", null, StaffRole.DISPATCHER, Duty.ON_DUTY)));

    @Test
    void theOnDutyWorkerComesFirst() {
        var grid = new Roster("G1", List.of(worker("backup", Duty.BACKUP), worker("duty", Duty.ON_DUTY)));
        WorkerChoice c = WorkerSelection.choose(grid, COMMUNITY);
        assertEquals("duty", c.worker().userId());
        assertEquals(WorkerChoice.Rule.ON_DUTY, c.rule());
    }

    @Test
    void theBackupStandsInWhenTheWorkerIsOnLeave() {
        var grid = new Roster("G1", List.of(worker("duty", Duty.ON_LEAVE), worker("backup", Duty.BACKUP)));
        WorkerChoice c = WorkerSelection.choose(grid, COMMUNITY);
        assertEquals("backup", c.worker().userId());
        assertEquals(WorkerChoice.Rule.BACKUP, c.rule());
    }

    @Test
    void theCommunityDispatcherTakesAGridWithNobody() {
        var grid = new Roster("G1", List.of(worker("duty", Duty.ON_LEAVE)));
        WorkerChoice c = WorkerSelection.choose(grid, COMMUNITY);
        assertEquals("disp", c.worker().userId());
        assertEquals(WorkerChoice.Rule.COMMUNITY_DISPATCHER, c.rule());
        assertEquals(WorkerChoice.Rule.COMMUNITY_DISPATCHER, WorkerSelection.choose(null, COMMUNITY).rule());
    }

    @Test
    void nobodyAtAllIsSaidSo() {
        WorkerChoice c = WorkerSelection.choose(Roster.empty("G1"), Roster.empty("C1"));
        assertFalse(c.found());
        assertEquals(WorkerChoice.Rule.NOBODY, c.rule());
    }

    @Test
    void microGridLeadersAreNotGridWorkers() {
        var grid = new Roster("G1", List.of(new RosterMember("leader", "l", null, StaffRole.MICRO_GRID_LEADER, Duty.ON_DUTY)));
        assertEquals("disp", WorkerSelection.choose(grid, COMMUNITY).worker().userId());
    }

    @Test
    void theMicroGridLeaderOnDutyOrHisBackupIsNamed() {
        var micro = new Roster("G1-M1", List.of(new RosterMember("l1", "l1", null, StaffRole.MICRO_GRID_LEADER, Duty.ON_LEAVE),
                new RosterMember("l2", "l2", null, StaffRole.MICRO_GRID_LEADER, Duty.BACKUP)));
        assertEquals("l2", WorkerSelection.microGridLeader(micro).orElseThrow().userId());
        assertFalse(WorkerSelection.microGridLeader(null).isPresent());
    }
}
