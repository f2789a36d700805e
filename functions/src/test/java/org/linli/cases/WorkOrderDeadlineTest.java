package org.linli.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.geo.Datum;
import org.linli.geo.GeoPoint;
import org.linli.identity.Role;
import org.linli.report.Contact;
import org.linli.report.ReportDraft;
import org.linli.report.ReportIntake;
import org.linli.report.ReportReceived;
import org.linli.report.Source;
import org.linli.report.WorkOrder;
import org.linli.territory.Duty;
import org.linli.territory.MapPublisher;
import org.linli.territory.Roster;
import org.linli.territory.RosterMember;
import org.linli.territory.StaffRole;
import org.linli.testing.CaseWorld;
import org.linli.testing.SmallTerritory;

/**
 * A hotline order's own deadline (交办时限) and urgency on its case (docs/hotline.md): every step
 * deadline is the earlier of the category's limit and the order's deadline while that lies ahead;
 * once it has passed the case runs on Linli's own limits; an urgent order is an emergency; an order
 * never joins a nearby case.
 */
class WorkOrderDeadlineTest {
    private final CaseWorld world = new CaseWorld();

    @BeforeEach
    void setUp() {
        new MapPublisher(world.territory).publish(SmallTerritory.map(), "test");
        world.territory.saveRoster(new Roster("G2", List.of(new RosterMember(CaseWorld.WORKER, "李强", "13900000002", StaffRole.GRID_WORKER, Duty.ON_DUTY))));
    }

    private ReportReceived order(String orderNo, Instant dueBy, boolean urgent) {
        var draft = new ReportDraft("sanitation", "x", new GeoPoint(37.85, 113.56, Datum.GCJ02), null, List.of(),
                new Contact(null, "13812341234"), true, Source.HOTLINE_12345, null, new WorkOrder(orderNo, dueBy, urgent));
        new ReportIntake(world.table.reportStore, world.queue, world.clock).submit("usr_hotline", draft, "hotline:" + orderNo);
        return world.queue.sent.get(world.queue.sent.size() - 1);
    }

    @Test
    void theOrdersEarlierDeadlineAndUrgencyBecomeTheCases() {
        Instant now = world.clock.instant();
        Instant due = now.plus(Duration.ofHours(1));
        Case c = world.assignment.assign(order("GD0001", due, true)).c();
        assertEquals(due, c.deadline(), "accept within 4 h by the category, the order is due in 1 h");
        assertTrue(c.emergency(), "an urgent order is an emergency");
        assertEquals("GD0001", world.table.cases.get(c.id()).order().orderNo());
        org.linli.kpi.Tally counts = org.linli.kpi.CaseFacts.of(world.table.audit.get(c.id())).tally();
        assertEquals(1, counts.get(org.linli.kpi.Counter.RECEIVED_HOTLINE), "KPIs count it under the 12345 hotline");
        assertEquals(0, counts.get(org.linli.kpi.Counter.RECEIVED_MINI_PROGRAM));

        world.clock.advance(Duration.ofMinutes(10));
        Case accepted = world.workflow.act(c.id(), world.command(CaseAction.ACCEPT), CaseWorld.actor(Role.GRID_WORKER)).c();
        assertEquals(due, accepted.deadline(), "handling (2 days) is capped at the order's deadline as well");

        // Past the order's deadline the case keeps moving on Linli's own limits, not on an instant already gone.
        world.clock.advance(Duration.ofHours(2));
        Case resolved = world.workflow.act(c.id(), resolve(), CaseWorld.actor(Role.GRID_WORKER)).c();
        assertEquals(world.clock.instant().plus(Duration.ofDays(1)), resolved.deadline());
    }

    @Test
    void theVerdictWindowIsNeverCutShortByTheOrder() {
        Instant due = world.clock.instant().plus(Duration.ofHours(3));
        Case c = world.assignment.assign(order("GD0004", due, false)).c();
        world.workflow.act(c.id(), world.command(CaseAction.ACCEPT), CaseWorld.actor(Role.GRID_WORKER));
        Case resolved = world.workflow.act(c.id(), resolve(), CaseWorld.actor(Role.GRID_WORKER)).c();
        assertEquals(due, resolved.deadline(), "feedback (1 day) capped: the platform wants its answer by the deadline");
        Case fedBack = world.workflow.act(c.id(), world.command(CaseAction.FEED_BACK), CaseWorld.actor(Role.GRID_WORKER)).c();
        assertTrue(fedBack.deadline().isAfter(due), "the caller's verdict window is his: " + fedBack.deadline());
    }

    @Test
    void aLaterDeadlineLeavesTheCategoryLimitAndANonUrgentOrderIsNoEmergency() {
        Instant now = world.clock.instant();
        Case c = world.assignment.assign(order("GD0002", now.plus(Duration.ofDays(5)), false)).c();
        assertEquals(now.plus(Duration.ofHours(4)), c.deadline());
        assertFalse(c.emergency());
    }

    @Test
    void anOrderIsAnsweredByItsOwnCaseNeverJoiningANearbyOne() {
        Case first = world.assignment.assign(world.report("sanitation", 37.85, 113.56, CaseWorld.REPORTER)).c();
        Assignment.Outcome o = world.assignment.assign(order("GD0003", null, false));
        assertTrue(o.created());
        assertNotEquals(first.id(), o.c().id());
        assertEquals(first.deadline(), o.c().deadline(), "no deadline on the order: the category's");
    }

    private Command resolve() {
        Command base = world.command(CaseAction.RESOLVE);
        return new Command(CaseAction.RESOLVE, base.requestId(), base.fingerprint(), null, null, List.of(), null, null, "已清理", List.of(),
                null, null, null);
    }
}
