package org.linli.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.linli.cases.Actor;
import org.linli.cases.Assignee;
import org.linli.cases.Assignment;
import org.linli.cases.Case;
import org.linli.cases.CaseAction;
import org.linli.cases.CaseEvent;
import org.linli.cases.CaseStatus;
import org.linli.cases.CaseWorkflow;
import org.linli.cases.Command;
import org.linli.cases.Department;
import org.linli.cases.Party;
import org.linli.cases.SummonsTask;
import org.linli.cases.Tier;
import org.linli.categories.Categories;
import org.linli.geo.Datum;
import org.linli.geo.GeoPoint;
import org.linli.identity.Principal;
import org.linli.identity.Role;
import org.linli.report.Contact;
import org.linli.report.ReportDraft;
import org.linli.report.ReportIntake;
import org.linli.report.ReportReceived;
import org.linli.report.Source;
import org.linli.territory.Duty;
import org.linli.territory.Level;
import org.linli.territory.Locator;
import org.linli.territory.MapPublisher;
import org.linli.territory.NodeRef;
import org.linli.territory.Placement;
import org.linli.territory.Roster;
import org.linli.territory.RosterMember;
import org.linli.territory.StaffRole;
import org.linli.territory.WorkerChoice;

/**
 * The case workflow wired to in-memory fakes on {@link SmallTerritory} (D → S1 → C1 → G1, G2),
 * with one person per role, three departments and a hand-set clock; and fixtures that put a case
 * straight into any state.
 */
public final class CaseWorld {
    public static final String REPORTER = "usr_00000000000000000000000001";
    public static final String WORKER = "usr_00000000000000000000000002";
    public static final String OTHER_WORKER = "usr_00000000000000000000000003";
    public static final String COMMUNITY = "usr_00000000000000000000000004";
    public static final String STREET = "usr_00000000000000000000000005";
    public static final String DISTRICT = "usr_00000000000000000000000006";
    public static final String DEPT_STAFF = "usr_00000000000000000000000007";
    public static final String ADMIN = "usr_00000000000000000000000008";
    public static final String STRANGER = "usr_00000000000000000000000009";
    public static final String STREET_DISPATCHER = "usr_0000000000000000000000000A";

    public final InMemoryCasesTable table = new InMemoryCasesTable();
    public final InMemoryTerritory territory = new InMemoryTerritory();
    public final InMemoryDepartments departments = new InMemoryDepartments();
    public final RecordingEvents events = new RecordingEvents();
    public final RecordingQueue queue = new RecordingQueue();
    public final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T02:00:00Z"));
    public final Categories categories = Categories.fromClasspath();
    public final CaseWorkflow workflow;
    public final Assignment assignment;
    private int fixtures;

    public CaseWorld() {
        new MapPublisher(territory).publish(SmallTerritory.map(), "test");
        territory.saveRoster(new Roster("G2", List.of(new RosterMember(WORKER, "李强", "13900000002", StaffRole.GRID_WORKER, Duty.ON_DUTY))));
        territory.saveRoster(new Roster("C1", List.of(new RosterMember(COMMUNITY, "社区调度", null, StaffRole.DISPATCHER, Duty.ON_DUTY))));
        territory.saveRoster(new Roster("S1", List.of(new RosterMember(STREET_DISPATCHER, "街道调度", null, StaffRole.DISPATCHER, Duty.ON_DUTY))));
        territory.saveRoster(new Roster("D", List.of(new RosterMember(DISTRICT, "区指挥中心", null, StaffRole.DISPATCHER, Duty.ON_DUTY))));
        territory.saveRoster(new Roster("DEPT-P", List.of(new RosterMember(DEPT_STAFF, "派出所值班", null, StaffRole.DISPATCHER, Duty.ON_DUTY))));
        departments.add(new Department("DEPT-P", "东街道派出所", "police", "S1", List.of("D", "S1")))
                .add(new Department("DEPT-Q", "区城管局", "city_management", "D", List.of("D")))
                .add(new Department("DEPT-R", "区住建局", "housing", "D", List.of("D")));
        workflow = new CaseWorkflow(table.caseStore, events, departments, categories, clock);
        assignment = new Assignment(new Locator(territory), territory, table.caseStore, departments, events, categories, clock);
    }

    public static Principal principal(String id, Role role, String... scope) {
        Set<Role> roles = EnumSet.of(Role.RESIDENT, role);
        return new Principal(id, roles, Set.of(scope));
    }

    /** The person of each role, scoped as in the fixtures. */
    public static Actor actor(Role role) {
        return Actor.of(switch (role) {
            case GRID_WORKER -> principal(WORKER, Role.GRID_WORKER, "G2");
            case COMMUNITY_STAFF -> principal(COMMUNITY, Role.COMMUNITY_STAFF, "C1");
            case STREET_STAFF -> principal(STREET, Role.STREET_STAFF, "S1");
            case DISTRICT_STAFF -> principal(DISTRICT, Role.DISTRICT_STAFF, "D");
            case DEPARTMENT_STAFF -> principal(DEPT_STAFF, Role.DEPARTMENT_STAFF, "DEPT-P", "DEPT-Q");
            case ADMIN -> principal(ADMIN, Role.ADMIN);
            case RESIDENT -> new Principal(REPORTER, Set.of(Role.RESIDENT), Set.of());
            default -> throw new IllegalArgumentException(role.name());
        });
    }

    public static final List<Role> ROLES = List.of(Role.GRID_WORKER, Role.COMMUNITY_STAFF, Role.STREET_STAFF,
            Role.DISTRICT_STAFF, Role.DEPARTMENT_STAFF, Role.ADMIN, Role.RESIDENT);

    /**
     * A case in {@code status}, at version 1 with its OPEN audit entry, placed in G2: at the
     * community (C1) with the worker assigned, or - ESCALATED and COORDINATING - at the street
     * (S1) with nobody; COORDINATING has DEPT-P summoned and DEPT-Q checked in.
     */
    public Case fixture(CaseStatus status) {
        Instant now = clock.instant();
        String id = String.format("case_%026d", ++fixtures);
        Placement placement = new Placement(1, Placement.Method.POINT, new NodeRef("G2", "第二网格", Level.GRID), null,
                new NodeRef("G2", "第二网格", Level.GRID), List.of("D", "S1", "C1", "G2"));
        boolean street = status == CaseStatus.ESCALATED || status == CaseStatus.COORDINATING;
        boolean assigned = !street && !status.inQueue() && status != CaseStatus.REJECTED && status != CaseStatus.MERGED;
        var category = categories.find("sanitation").orElseThrow();
        Case base = Case.opened(id, status, category, List.of("rpt_" + id.substring(5)), List.of(REPORTER),
                new GeoPoint(37.85, 113.56, Datum.GCJ02), null, placement,
                assigned ? new Assignee(WORKER, "李强", WorkerChoice.Rule.ON_DUTY) : null,
                street ? Tier.STREET : Tier.COMMUNITY, street ? "S1" : "C1", null, now, now.plusSeconds(3600), "MINI_PROGRAM");
        Case.Builder b = base.toBuilder();
        switch (status) {
            case COORDINATING -> b.tasks(List.of(
                    new SummonsTask("DEPT-P", "东街道派出所", SummonsTask.Status.SUMMONED, now, now.plusSeconds(3600), null),
                    new SummonsTask("DEPT-Q", "区城管局", SummonsTask.Status.CHECKED_IN, now, now.plusSeconds(7200), null)));
            case RESOLVED, FED_BACK -> b.resolution(new org.linli.cases.Resolution("已清理", List.of(), WORKER, now));
            case CLOSED, REJECTED -> b.deadline(null).closedAt(now.minusSeconds(3600));
            case MERGED -> b.deadline(null).closedAt(now.minusSeconds(3600)).mergedInto("case_" + "Z".repeat(26));
            default -> { }
        }
        Case c = b.build();
        table.cases.put(c.id(), c);
        table.putTasks(c, c.tasks());
        table.audit.put(c.id(), new ArrayList<>(List.of(CaseEvent.of(null, c, CaseAction.OPEN, Actor.SYSTEM, "SYSTEM",
                Party.SYSTEM, now, null, List.of(), java.util.Map.of()))));
        return c;
    }

    private int requests;

    /** A command with a fresh request id. */
    public Command command(CaseAction action) {
        return new Command(action, "r" + (++requests), action.wire(), null, null, List.of(), null, null, null, List.of(),
                null, null, null);
    }

    /** A report submitted through intake and the message assignment would receive. */
    public ReportReceived report(String category, double lat, double lng, String reporter) {
        var draft = new ReportDraft(category, "x", new GeoPoint(lat, lng, Datum.GCJ02), null, List.of(),
                new Contact(null, "13812341234"), false, Source.MINI_PROGRAM);
        new ReportIntake(table.reportStore, queue, clock).submit(reporter, draft, null);
        return queue.sent.get(queue.sent.size() - 1);
    }
}
