package org.linli.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linli.geo.Datum;
import org.linli.geo.GeoPoint;
import org.linli.report.ReportReceived;
import org.linli.report.ReportStatus;
import org.linli.testing.CaseWorld;

/** Assignment by matter type (worker, department, street, district) and nearby duplicates joining open cases. */
class RoutingAndDuplicatesTest {
    private final CaseWorld world = new CaseWorld();

    @Test
    void departmentMattersGoToTheDepartmentServingThePlace() {
        Case c = world.assignment.assign(world.report("noise", 37.85, 113.56, CaseWorld.REPORTER)).c();
        assertEquals(CaseStatus.UNASSIGNED, c.status());
        assertEquals(Tier.DEPARTMENT, c.tier());
        assertEquals("DEPT-P", c.tierNode(), "the street's police station");
        assertEquals(1, world.table.caseStore.unassignedAt("DEPT-P", 10, null).items().size());
        assertEquals("DEPARTMENT_MATTER", world.table.trail(c.id()).get(0).detail("route"));
    }

    @Test
    void aDepartmentMatterWithNoDepartmentThereWaitsAtItsOwnerLevel() {
        Case c = world.assignment.assign(world.report("safety_hazard", 37.85, 113.56, CaseWorld.REPORTER)).c();
        assertEquals(Tier.STREET, c.tier(), "no emergency-management department registered: the street's queue");
        assertEquals("S1", c.tierNode());
    }

    @Test
    void hardMattersGoToTheStreetForJointConsultation() {
        Case c = world.assignment.assign(world.report("illegal_construction", 37.85, 113.56, CaseWorld.REPORTER)).c();
        assertEquals(CaseStatus.UNASSIGNED, c.status());
        assertEquals(Tier.STREET, c.tier());
        assertEquals("S1", c.queueNode());
        assertEquals(world.clock.instant().plus(Duration.ofDays(1)), c.deadline(), "dispatch limit");
    }

    @Test
    void emergenciesGoStraightToTheTop() {
        Case c = world.assignment.assign(world.report("fire_danger", 37.85, 113.56, CaseWorld.REPORTER)).c();
        assertEquals(Tier.DISTRICT, c.tier());
        assertEquals("D", c.queueNode());
        assertTrue(c.emergency());
        assertEquals(world.clock.instant().plus(Duration.ofMinutes(30)), c.deadline());
    }

    @Test
    void personalAndCommunityMattersGoToTheGridWorker() {
        Case c = world.assignment.assign(world.report("leak", 37.85, 113.56, CaseWorld.REPORTER)).c();
        assertEquals(CaseStatus.ASSIGNED, c.status());
        assertEquals(CaseWorld.WORKER, c.assignee().userId());
        assertEquals(Tier.COMMUNITY, c.tier());
        assertEquals("C1", c.tierNode());
        assertEquals(CaseAction.OPEN, world.events.last().action());
        assertEquals(CaseWorld.WORKER, world.events.last().assigneeId());
    }

    @Test
    void aReportNearAnOpenCaseOfTheSameCategoryJoinsItAndOneFartherAwayOpensANewCase() {
        Case first = world.assignment.assign(world.report("sanitation", 37.85, 113.56, CaseWorld.REPORTER)).c();
        String neighbour = "usr_0000000000000000000000000N";
        ReportReceived near = world.report("sanitation", 37.8503, 113.5602, neighbour); // ~38 m
        Assignment.Outcome joined = world.assignment.assign(near);
        assertTrue(joined.joined());
        assertEquals(first.id(), joined.c().id());
        Case c = world.table.cases.get(first.id());
        assertEquals(List.of(CaseWorld.REPORTER, neighbour), c.reporterIds());
        assertEquals(2, c.reportIds().size());
        assertEquals(first.id(), world.table.reports.get(near.reportId()).caseId());
        assertEquals(ReportStatus.CASED, world.table.reports.get(near.reportId()).status());
        CaseEvent join = world.events.last();
        assertEquals(CaseAction.JOIN, join.action());
        assertEquals(neighbour, join.detail("reporterId"));

        Case far = world.assignment.assign(world.report("sanitation", 37.8508, 113.5606, "usr_0000000000000000000000000M")).c(); // ~100 m
        assertFalse(far.id().equals(first.id()));
        Case otherCategory = world.assignment.assign(world.report("leak", 37.85, 113.56, "usr_0000000000000000000000000M")).c();
        assertFalse(otherCategory.id().equals(first.id()), "another category never joins");

        world.clock.advance(Duration.ofHours(73));
        Case late = world.assignment.assign(world.report("sanitation", 37.85, 113.56, "usr_0000000000000000000000000L")).c();
        assertFalse(late.id().equals(first.id()), "outside the 72 h window");
    }

    @Test
    void aClosedCaseIsNoLongerJoined() {
        Case first = world.assignment.assign(world.report("sanitation", 37.85, 113.56, CaseWorld.REPORTER)).c();
        world.table.cases.put(first.id(), first.toBuilder().status(CaseStatus.CLOSED).deadline(null)
                .closure(Closure.SATISFIED).closedAt(world.clock.instant()).build());
        Case second = world.assignment.assign(world.report("sanitation", 37.85, 113.56, CaseWorld.STRANGER)).c();
        assertFalse(second.id().equals(first.id()));
    }

    @Test
    void aRedeliveredMessageChangesNothingAndReSendsTheRecordedEvent() {
        ReportReceived m = world.report("sanitation", 37.85, 113.56, CaseWorld.REPORTER);
        world.events.failNext = 1;
        try {
            world.assignment.assign(m);
        } catch (org.linli.core.QueueUnavailable expected) {
            // written, not announced: the message will come again
        }
        assertTrue(world.events.sent.isEmpty());
        Assignment.Outcome again = world.assignment.assign(m);
        assertFalse(again.created());
        assertEquals(1, world.table.cases.size());
        assertEquals(CaseAction.OPEN, world.events.last().action(), "the OPEN event, from the audit trail");

        ReportReceived n = world.report("sanitation", 37.8501, 113.5601, CaseWorld.STRANGER);
        world.events.failNext = 1;
        try {
            world.assignment.assign(n);
        } catch (org.linli.core.QueueUnavailable expected) {
            // joined, not announced
        }
        world.assignment.assign(n);
        assertEquals(CaseAction.JOIN, world.events.last().action());
        assertEquals(2, world.table.cases.values().iterator().next().reportIds().size(), "joined once");
    }

    @Test
    void theNearbyCellsAreFewAndTheDistanceExact() {
        for (double lat = 37.84; lat < 37.86; lat += 0.0007) {
            for (double lng = 113.54; lng < 113.58; lng += 0.0009) {
                int n = NearbyCases.cells(new GeoPoint(lat, lng, Datum.GCJ02), 50, 7).size();
                assertTrue(n >= 1 && n <= 4, n + " cells at " + lat + "," + lng);
            }
        }
        double d = NearbyCases.distanceMeters(new GeoPoint(37.85, 113.56, Datum.GCJ02), new GeoPoint(37.8509, 113.56, Datum.GCJ02));
        assertEquals(100.1, d, 0.5);
        GeoPoint wgs = new GeoPoint(37.85, 113.56, Datum.WGS84);
        assertEquals(0.0, NearbyCases.distanceMeters(wgs, wgs.in(Datum.GCJ02)), 0.01, "datums are reconciled");
        assertNull(world.table.caseStore.openNear("x", List.of(), world.clock.instant()).stream().findFirst().orElse(null));
    }
}
