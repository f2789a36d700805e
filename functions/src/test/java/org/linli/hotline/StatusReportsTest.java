package org.linli.hotline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.cases.Case;
import org.linli.cases.CaseAction;
import org.linli.cases.CaseEvent;
import org.linli.cases.Command;
import org.linli.cases.Verdict;
import org.linli.geo.Datum;
import org.linli.geo.GeoPoint;
import org.linli.identity.Role;
import org.linli.report.Contact;
import org.linli.report.ReportDraft;
import org.linli.report.ReportIntake;
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
 * A work order's case told back to the platform: 受理 (with 派单 when assigned at once), 签收, 办结
 * with the result and photos, 反馈, 回访 followed by 满意度 - in the case's version order even when
 * the event stream delivers out of order, each once; a case of no order tells nothing.
 */
class StatusReportsTest {
    private final CaseWorld world = new CaseWorld();
    private final List<StatusReport> outbox = new ArrayList<>();
    private final Map<String, Long> reported = new HashMap<>();
    private StatusReports reports;

    @BeforeEach
    void setUp() {
        new MapPublisher(world.territory).publish(SmallTerritory.map(), "test");
        world.territory.saveRoster(new Roster("G2", List.of(new RosterMember(CaseWorld.WORKER, "李强", "13900000002", StaffRole.GRID_WORKER, Duty.ON_DUTY))));
        reports = new StatusReports(world.table.caseStore, outbox::add, new ReportedVersions() {
            @Override
            public long reported(String caseId) {
                return reported.getOrDefault(caseId, 0L);
            }

            @Override
            public void advance(String caseId, long version) {
                reported.merge(caseId, version, Math::max);
            }
        });
    }

    private Case orderCase() {
        var draft = new ReportDraft("sanitation", "x", new GeoPoint(37.85, 113.56, Datum.GCJ02), null, List.of(),
                new Contact(null, "13812341234"), true, Source.HOTLINE_12345, null,
                new WorkOrder("GD42", Instant.parse("2026-11-30T10:00:00Z"), false));
        new ReportIntake(world.table.reportStore, world.queue, world.clock).submit("usr_hotline", draft, "hotline:GD42");
        return world.assignment.assign(world.queue.sent.get(world.queue.sent.size() - 1)).c();
    }

    private Command cmd(CaseAction a, String result, List<String> photos, Verdict v) {
        Command base = world.command(a);
        return new Command(a, base.requestId(), base.fingerprint(), null, null, photos, null, null, result, List.of(), null, v, null);
    }

    @Test
    void theCaseOfAnOrderIsReportedInVersionOrderOnceEvenWhenEventsArriveOutOfOrder() {
        Case c = orderCase();
        var worker = CaseWorld.actor(Role.GRID_WORKER);
        var community = CaseWorld.actor(Role.COMMUNITY_STAFF);
        world.workflow.act(c.id(), cmd(CaseAction.ACCEPT, null, List.of(), null), worker);
        world.clock.advance(Duration.ofMinutes(30));
        world.workflow.act(c.id(), cmd(CaseAction.RESOLVE, "已清理，联系人13912345678", List.of("pho_1"), null), worker);
        world.workflow.act(c.id(), cmd(CaseAction.FEED_BACK, null, List.of(), null), worker);
        world.workflow.act(c.id(), cmd(CaseAction.CALLBACK, null, List.of(), Verdict.SATISFIED), community);
        List<CaseEvent> events = world.events.sent.stream().filter(e -> e.caseId().equals(c.id())).toList();
        assertEquals(5, events.size());

        // The stream delivers the callback first, then everything, then the callback again.
        assertEquals(7, reports.accept(events.get(4)));
        for (CaseEvent e : events) reports.accept(e);
        assertEquals(0, reports.accept(events.get(4)));

        assertEquals(List.of(StatusReport.Kind.ACCEPTED, StatusReport.Kind.ASSIGNED, StatusReport.Kind.SIGNED_FOR,
                StatusReport.Kind.RESULT, StatusReport.Kind.FED_BACK, StatusReport.Kind.CALLBACK, StatusReport.Kind.VERDICT),
                outbox.stream().map(StatusReport::kind).toList());
        assertTrue(outbox.stream().allMatch(r -> r.orderNo().equals("GD42") && r.caseId().equals(c.id())));
        StatusReport result = outbox.get(3);
        assertEquals("已清理，联系人139****5678", result.result(), "phone numbers in the worker's text are masked");
        assertEquals(List.of(new StatusReport.Photo("pho_1", null)), result.photos());
        assertEquals("SATISFIED", outbox.get(6).satisfaction());
        assertEquals("CLOSED", outbox.get(6).status());
        assertEquals("SATISFIED", outbox.get(5).outcome());
        assertEquals(outbox.size(), outbox.stream().map(StatusReport::id).distinct().count(), "ids unique");
        StatusReport back = StatusReport.fromJson(result.toJson());
        assertEquals(result, back, "the wire format round-trips");
    }

    @Test
    void aCaseOfNoOrderTellsNothing() {
        Case c = world.assignment.assign(world.report("sanitation", 37.85, 113.56, CaseWorld.REPORTER)).c();
        assertEquals(0, reports.accept(world.events.sent.stream().filter(e -> e.caseId().equals(c.id())).findFirst().orElseThrow()));
        assertTrue(outbox.isEmpty());
    }
}
