package org.linli.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.categories.Categories;
import org.linli.geo.Datum;
import org.linli.geo.GeoPoint;
import org.linli.report.Contact;
import org.linli.report.ReportDraft;
import org.linli.report.ReportIntake;
import org.linli.report.ReportReceived;
import org.linli.report.ReportStatus;
import org.linli.report.Source;
import org.linli.territory.Duty;
import org.linli.territory.Locator;
import org.linli.territory.MapPublisher;
import org.linli.territory.Placement;
import org.linli.territory.Roster;
import org.linli.territory.RosterMember;
import org.linli.territory.StaffRole;
import org.linli.territory.WorkerChoice;
import org.linli.testing.InMemoryCasesTable;
import org.linli.testing.InMemoryDepartments;
import org.linli.testing.InMemoryTerritory;
import org.linli.testing.MutableClock;
import org.linli.testing.RecordingEvents;
import org.linli.testing.RecordingQueue;
import org.linli.testing.SmallTerritory;

class AssignmentTest {
    private final InMemoryCasesTable table = new InMemoryCasesTable();
    private final InMemoryTerritory territory = new InMemoryTerritory();
    private final RecordingQueue queue = new RecordingQueue();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T02:00:00Z"));
    private final Categories categories = Categories.fromClasspath();
    private Assignment assignment;

    @BeforeEach
    void setUp() {
        new MapPublisher(territory).publish(SmallTerritory.map(), "test");
        territory.saveRoster(new Roster("G2", List.of(new RosterMember("usr_w2", "李强", "13900000002", StaffRole.GRID_WORKER, Duty.ON_DUTY))));
        territory.saveRoster(new Roster("G1", List.of(new RosterMember("usr_w1", "赵敏", null, StaffRole.GRID_WORKER, Duty.ON_LEAVE))));
        territory.saveRoster(new Roster("C1", List.of(new RosterMember("usr_d1", "社区调度", null, StaffRole.DISPATCHER, Duty.ON_DUTY))));
        assignment = new Assignment(new Locator(territory), territory, table.caseStore, new InMemoryDepartments(),
                new RecordingEvents(), categories, clock);
    }

    private ReportReceived receive(double lat, double lng) {
        var draft = new ReportDraft("sanitation", "x", new GeoPoint(lat, lng, Datum.GCJ02), null, List.of(),
                new Contact(null, "13812341234"), false, Source.MINI_PROGRAM);
        new ReportIntake(table.reportStore, queue, clock).submit("usr_r", draft, null);
        return queue.sent.get(queue.sent.size() - 1);
    }

    @Test
    void aReportInAGridBecomesACaseAssignedToItsOnDutyWorker() {
        ReportReceived m = receive(37.85, 113.56);
        Assignment.Outcome o = assignment.assign(m);
        Case c = table.cases.get(o.c().id());
        assertTrue(o.created());
        assertEquals(CaseStatus.ASSIGNED, c.status());
        assertEquals("G2", c.placement().grid().code());
        assertEquals("usr_w2", c.assignee().userId());
        assertEquals(WorkerChoice.Rule.ON_DUTY, c.assignee().rule());
        assertEquals(1, c.placement().mapVersion());
        assertEquals(clock.instant().plus(Duration.ofHours(4)), c.deadline(), "sanitation: accept within 4 h");
        assertEquals(ReportStatus.CASED, table.reports.get(m.reportId()).status());
        assertEquals(c.id(), table.reports.get(m.reportId()).caseId());
    }

    @Test
    void aMessageDeliveredTwiceOpensOneCase() {
        ReportReceived m = receive(37.85, 113.56);
        assertTrue(assignment.assign(m).created());
        assertFalse(assignment.assign(m).created());
        assertEquals(1, table.cases.size());
    }

    @Test
    void aGridWhoseWorkerIsOnLeaveWithoutBackupGoesToTheCommunityDispatcher() {
        Case c = table.cases.get(assignment.assign(receive(37.855, 113.535)).c().id());
        assertEquals("usr_d1", c.assignee().userId());
        assertEquals(WorkerChoice.Rule.COMMUNITY_DISPATCHER, c.assignee().rule());
    }

    @Test
    void aPlaceOutsideEveryGridIsUnassignedInTheStreetQueueNotLost() {
        Case c = table.cases.get(assignment.assign(receive(37.81, 113.51)).c().id());
        assertEquals(CaseStatus.UNASSIGNED, c.status());
        assertNull(c.assignee());
        assertEquals("S2", c.queueNode());
        assertEquals(1, table.caseStore.unassignedAt("S2", 10, null).items().size());
    }

    @Test
    void aPlaceOutsideTheWholeMapGoesToTheRootDispatcher() {
        Case c = table.cases.get(assignment.assign(receive(30.0, 100.0)).c().id());
        assertEquals(CaseStatus.UNASSIGNED, c.status());
        assertEquals("D", c.queueNode());
        assertEquals(Placement.Method.NONE, c.placement().method());
    }
}
