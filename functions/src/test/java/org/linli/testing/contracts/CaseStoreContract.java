package org.linli.testing.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.linli.cases.Actor;
import org.linli.cases.Assignee;
import org.linli.cases.Case;
import org.linli.cases.CaseAction;
import org.linli.cases.CaseEvent;
import org.linli.cases.CaseStatus;
import org.linli.cases.CaseStore;
import org.linli.cases.CaseStore.AlreadyLinked;
import org.linli.cases.CaseStore.Change;
import org.linli.cases.CaseStore.RequestRecord;
import org.linli.cases.CaseStore.RequestSeen;
import org.linli.cases.CaseStore.Stale;
import org.linli.cases.CaseStore.Written;
import org.linli.cases.Party;
import org.linli.cases.RegisterQuery;
import org.linli.cases.SummonsTask;
import org.linli.cases.Tier;
import org.linli.categories.MatterType;
import org.linli.geo.Datum;
import org.linli.geo.GeoPoint;
import org.linli.report.Contact;
import org.linli.report.Report;
import org.linli.report.ReportDraft;
import org.linli.report.ReportStatus;
import org.linli.report.ReportStore;
import org.linli.report.Source;
import org.linli.territory.Level;
import org.linli.territory.NodeRef;
import org.linli.territory.Placement;
import org.linli.territory.WorkerChoice;

/**
 * What every {@link CaseStore} does, written once: run against InMemoryCasesTable's case store and against the
 * cases table in DynamoDB Local. Ids, territory codes, workers, departments, cells and the sweep's hour are fresh
 * per instance, so the listings see only this instance's cases though the table is shared. Cases are linked to
 * reports of the same table, as the workflow does: {@link #reports()} is the report store beside the case store.
 */
public abstract class CaseStoreContract {
    protected abstract CaseStore store();

    protected abstract ReportStore reports();

    private static final Instant AT = Instant.parse("2026-11-18T02:00:00Z");
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String district = "D" + run;
    private final String street = "S" + run;
    private final String community = "C" + run;
    private final String grid = "G" + run;

    private String id(String name) {
        return "case_" + run + name;
    }

    private Report report(String name) {
        return report(name, "13812341234", AT);
    }

    private Report report(String name, String phone, Instant at) {
        Report r = Report.received("rpt_" + run + name, "usr_" + run + "res", new ReportDraft("sanitation", "楼道堆放杂物 " + name,
                new GeoPoint(37.8481, 113.5452, Datum.GCJ02), null, List.of(), new Contact("王芳", phone), false,
                Source.MINI_PROGRAM), at);
        reports().insertNew(r);
        return r;
    }

    /** A case at version 1 placed in this instance's grid, opened at {@code created}, due at {@code deadline}. */
    private Case newCase(String name, CaseStatus status, Tier tier, String worker, Instant created, Instant deadline) {
        Placement placement = new Placement(1, Placement.Method.POINT, new NodeRef(grid, "第二网格", Level.GRID), null,
                new NodeRef(grid, "第二网格", Level.GRID), List.of(district, street, community, grid));
        return new Case(id(name), status, "sanitation", MatterType.COMMUNITY, false, List.of("rpt_" + run + name),
                List.of("usr_" + run + "res"), new GeoPoint(37.8481, 113.5452, Datum.GCJ02), null, placement,
                worker == null ? null : new Assignee(worker, "李强", WorkerChoice.Rule.ON_DUTY), tier,
                tier == Tier.COMMUNITY ? community : street, "cell" + run, created, deadline, 1, List.of(), null, null, null,
                null, null, 0, 0, 0, false, "MINI_PROGRAM", null);
    }

    private Case caseOf(String name, CaseStatus status, Tier tier, String worker, Instant created, Instant deadline) {
        Case c = newCase(name, status, tier, worker, created, deadline);
        report(name);
        assertEquals(new Written(), store().createFromReport(c, "rpt_" + run + name, opened(c)));
        return c;
    }

    private static CaseEvent opened(Case c) {
        return event(null, c, CaseAction.OPEN);
    }

    private static CaseEvent event(Case before, Case after, CaseAction action) {
        Instant at = before == null ? after.createdAt() : after.createdAt().plusSeconds(60 * after.version());
        return CaseEvent.of(before, after, action, Actor.SYSTEM, "SYSTEM", Party.SYSTEM, at, null, List.of(), Map.of());
    }

    /** {@code before} moved to {@code status} as the next version. */
    private static Case next(Case before, CaseStatus status) {
        return before.toBuilder().status(status).version(before.version() + 1).build();
    }

    private static Change change(Case before, Case after, CaseAction action, RequestRecord request) {
        return new Change(after, before.version(), List.of(), event(before, after, action), request, null);
    }

    private static List<String> ids(List<Case> cases) {
        return cases.stream().map(Case::id).toList();
    }

    @Test
    void aCaseIsCreatedFromItsReportOnceAndARedeliveryChangesNothing() {
        Case c = newCase("new", CaseStatus.ASSIGNED, Tier.COMMUNITY, "usr_" + run + "w", AT, AT.plusSeconds(3600));
        Report r = report("new");
        assertEquals(Optional.empty(), store().find(c.id()), "not found before it is created");
        assertEquals(new Written(), store().createFromReport(c, r.id(), opened(c)));
        assertEquals(Optional.of(c), store().find(c.id()));
        assertEquals(c.id(), reports().find(r.id()).orElseThrow().caseId());
        assertEquals(ReportStatus.CASED, reports().find(r.id()).orElseThrow().status());
        assertEquals(CaseAction.OPEN, store().auditEntry(c.id(), 1).orElseThrow().action());

        Case again = newCase("new", CaseStatus.UNASSIGNED, Tier.STREET, null, AT.plusSeconds(30), AT.plusSeconds(7200));
        assertEquals(new AlreadyLinked(c.id(), 1), store().createFromReport(again, r.id(), opened(again)));
        assertEquals(Optional.of(c), store().find(c.id()), "the redelivery changed nothing");
    }

    @Test
    void noCaseIsCreatedOrJoinedForAReportThatIsNotStored() {
        Case c = newCase("orphan", CaseStatus.ASSIGNED, Tier.COMMUNITY, "usr_" + run + "w", AT, AT.plusSeconds(3600));
        assertFalse(store().createFromReport(c, "rpt_" + run + "orphan", opened(c)) instanceof Written);
        assertEquals(Optional.empty(), store().find(c.id()), "the case, its audit entry and the link go together or not at all");
        assertEquals(Optional.empty(), store().auditEntry(c.id(), 1));

        Case host = caseOf("host2", CaseStatus.ASSIGNED, Tier.COMMUNITY, "usr_" + run + "w", AT, AT.plusSeconds(3600));
        Case joined = host.toBuilder().follow(List.of("rpt_" + run + "nowhere"), List.of("usr_" + run + "other")).version(2).build();
        assertFalse(store().joinFromReport(joined, 1, "rpt_" + run + "nowhere", event(host, joined, CaseAction.JOIN)) instanceof Written);
        assertEquals(Optional.of(host), store().find(host.id()));
    }

    @Test
    void aReportJoinsAnOpenCaseAtTheVersionItReadAndOnlyOnce() {
        Case c = caseOf("host", CaseStatus.ASSIGNED, Tier.COMMUNITY, "usr_" + run + "w", AT, AT.plusSeconds(3600));
        Report follower = report("follower");
        Case joined = c.toBuilder().follow(List.of(follower.id()), List.of("usr_" + run + "other")).version(2).build();
        CaseEvent join = event(c, joined, CaseAction.JOIN);

        Stale stale = assertInstanceOf(Stale.class, store().joinFromReport(joined, 7, follower.id(), join));
        assertEquals(c.id(), stale.caseId());
        assertEquals(1, stale.fresh().version(), "the conflict answers the case as it is");
        assertEquals(ReportStatus.RECEIVED, reports().find(follower.id()).orElseThrow().status(), "nothing linked on a conflict");

        assertEquals(new Written(), store().joinFromReport(joined, 1, follower.id(), join));
        assertEquals(joined, store().find(c.id()).orElseThrow());
        assertEquals(c.id(), reports().find(follower.id()).orElseThrow().caseId());
        assertEquals(new AlreadyLinked(c.id(), 2), store().joinFromReport(joined, 2, follower.id(), join));
        assertEquals(2, store().find(c.id()).orElseThrow().version());
    }

    @Test
    void aCommitNeedsTheVersionItReadAndARequestIsAppliedOnce() {
        Case c = caseOf("act", CaseStatus.ASSIGNED, Tier.COMMUNITY, "usr_" + run + "w", AT, AT.plusSeconds(3600));
        Case accepted = next(c, CaseStatus.IN_PROGRESS);
        RequestRecord request = new RequestRecord("req-1", "accept:{}", 2, AT.plus(Duration.ofDays(1)));
        assertEquals(new CaseStore.Loaded(Optional.of(c), Optional.empty()), store().load(c.id(), "req-1"));

        assertEquals(new Written(), store().commit(change(c, accepted, CaseAction.ACCEPT, request)));
        assertEquals(new CaseStore.Loaded(Optional.of(accepted), Optional.of(request)), store().load(c.id(), "req-1"));
        assertEquals(new CaseStore.Loaded(Optional.of(accepted), Optional.empty()), store().load(c.id(), null));
        assertEquals(CaseAction.ACCEPT, store().auditEntry(c.id(), 2).orElseThrow().action());

        // The same request again, even on the current version: the record answers, nothing is written.
        Case twice = next(accepted, CaseStatus.IN_PROGRESS);
        assertEquals(new RequestSeen(request), store().commit(change(accepted, twice, CaseAction.ACCEPT, request)));
        assertEquals(2, store().find(c.id()).orElseThrow().version());

        // Another request on the version before: stale, with the case as it is now.
        RequestRecord other = new RequestRecord("req-2", "reject:{}", 3, AT.plus(Duration.ofDays(1)));
        Stale stale = assertInstanceOf(Stale.class, store().commit(change(c, next(c, CaseStatus.REJECTED), CaseAction.REJECT, other)));
        assertEquals(new Stale(c.id(), accepted), stale);
        assertEquals(Optional.empty(), store().load(c.id(), "req-2").request(), "no request record for a stale write");
        assertEquals(Optional.empty(), store().auditEntry(c.id(), 3));
    }

    @Test
    void aCaseThatDoesNotExistIsNotFoundAndCannotBeChanged() {
        Case ghost = newCase("ghost", CaseStatus.ASSIGNED, Tier.COMMUNITY, "usr_" + run + "w", AT, AT.plusSeconds(3600));
        assertEquals(Optional.empty(), store().find(ghost.id()));
        assertEquals(new CaseStore.Loaded(Optional.empty(), Optional.empty()), store().load(ghost.id(), "req-1"));
        assertEquals(Optional.empty(), store().auditEntry(ghost.id(), 1));
        assertEquals(List.of(), store().audit(ghost.id(), 10, null).items());
        assertEquals(new Stale(ghost.id(), null), store().commit(change(ghost, next(ghost, CaseStatus.IN_PROGRESS), CaseAction.ACCEPT, null)));
        assertEquals(Optional.empty(), store().find(ghost.id()));
    }

    @Test
    void aMergeWritesBothCasesOrNeither() {
        Case source = caseOf("msrc", CaseStatus.ASSIGNED, Tier.COMMUNITY, "usr_" + run + "w", AT, AT.plusSeconds(3600));
        Case target = caseOf("mtgt", CaseStatus.ASSIGNED, Tier.COMMUNITY, "usr_" + run + "w", AT, AT.plusSeconds(3600));
        Case merged = source.toBuilder().status(CaseStatus.MERGED).mergedInto(target.id()).closedAt(AT.plusSeconds(120))
                .deadline(null).version(2).build();
        Case grown = target.toBuilder().follow(source.reportIds(), source.reporterIds()).version(2).build();
        Change staleTarget = new Change(merged, 1, List.of(), event(source, merged, CaseAction.MERGE), null,
                new Change(grown, 5, List.of(), event(target, grown, CaseAction.JOIN), null, null));
        assertEquals(new Stale(target.id(), target), store().commit(staleTarget));
        assertEquals(Optional.of(source), store().find(source.id()), "the source is not written when the target is stale");

        Change ok = new Change(merged, 1, List.of(), event(source, merged, CaseAction.MERGE), null,
                new Change(grown, 1, List.of(), event(target, grown, CaseAction.JOIN), null, null));
        assertEquals(new Written(), store().commit(ok));
        assertEquals(Map.of(source.id(), merged, target.id(), grown), store().findAll(List.of(source.id(), target.id(), id("none"))));
        assertEquals(CaseAction.JOIN, store().auditEntry(target.id(), 2).orElseThrow().action());
    }

    @Test
    void theAuditTrailIsListedOldestFirstPageByPage() {
        Case c = caseOf("trail", CaseStatus.ASSIGNED, Tier.COMMUNITY, "usr_" + run + "w", AT, AT.plusSeconds(3600));
        Case v = c;
        for (int i = 0; i < 4; i++) {
            Case n = next(v, i % 2 == 0 ? CaseStatus.IN_PROGRESS : CaseStatus.ASSIGNED);
            assertEquals(new Written(), store().commit(change(v, n, i % 2 == 0 ? CaseAction.ACCEPT : CaseAction.ADD_NOTE, null)));
            v = n;
        }
        List<Long> versions = Paging.all(2, cursor -> store().audit(c.id(), 2, cursor)).stream().map(CaseEvent::version).toList();
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), versions);
        assertEquals(store().auditEntry(c.id(), 3).orElseThrow(), Paging.all(2, cursor -> store().audit(c.id(), 2, cursor)).get(2));
    }

    @Test
    void aWorkersOpenCasesAreListedEarliestDeadlineFirstPageByPage() {
        String worker = "usr_" + run + "worker";
        Case late = caseOf("w1", CaseStatus.ASSIGNED, Tier.COMMUNITY, worker, AT, AT.plusSeconds(9000));
        Case early = caseOf("w2", CaseStatus.IN_PROGRESS, Tier.COMMUNITY, worker, AT.plusSeconds(10), AT.plusSeconds(3000));
        Case middle = caseOf("w3", CaseStatus.ASSIGNED, Tier.COMMUNITY, worker, AT.plusSeconds(20), AT.plusSeconds(6000));
        Case done = caseOf("w4", CaseStatus.ASSIGNED, Tier.COMMUNITY, worker, AT.plusSeconds(30), AT.plusSeconds(1000));
        Case closed = next(done, CaseStatus.CLOSED).toBuilder().deadline(null).closedAt(AT.plusSeconds(90)).build();
        assertEquals(new Written(), store().commit(change(done, closed, CaseAction.CLOSE, null)));
        caseOf("other", CaseStatus.ASSIGNED, Tier.COMMUNITY, worker + "x", AT, AT.plusSeconds(100));
        assertEquals(List.of(early.id(), middle.id(), late.id()), ids(Paging.all(2, cursor -> store().assignedTo(worker, 2, cursor))));
        assertEquals(List.of(), store().assignedTo("usr_" + run + "nobody", 5, null).items());
    }

    @Test
    void aQueueHoldsItsWaitingCasesOldestFirstPageByPage() {
        Case second = caseOf("q1", CaseStatus.UNASSIGNED, Tier.STREET, null, AT.plusSeconds(60), AT.plusSeconds(3600));
        Case first = caseOf("q2", CaseStatus.UNASSIGNED, Tier.STREET, null, AT, AT.plusSeconds(3600));
        Case third = caseOf("q3", CaseStatus.UNASSIGNED, Tier.STREET, null, AT.plusSeconds(120), AT.plusSeconds(3600));
        Case escalated = next(third, CaseStatus.ESCALATED);
        assertEquals(new Written(), store().commit(change(third, escalated, CaseAction.ESCALATE, null)));
        Case taken = caseOf("q4", CaseStatus.UNASSIGNED, Tier.STREET, null, AT.plusSeconds(30), AT.plusSeconds(3600));
        Case assigned = next(taken, CaseStatus.ASSIGNED).toBuilder().assignee(new Assignee("usr_" + run + "w", "李强",
                WorkerChoice.Rule.DISPATCHED)).build();
        assertEquals(new Written(), store().commit(change(taken, assigned, CaseAction.DISPATCH, null)));
        assertEquals(List.of(first.id(), second.id(), third.id()), ids(Paging.all(2, cursor -> store().unassignedAt(street, 2, cursor))));
        assertEquals(List.of(), store().unassignedAt(community, 5, null).items(), "a queue is its tier's node only");
    }

    @Test
    void theSupervisorSeesOpenCasesPastTheirDeadlineMostOverdueFirst() {
        Instant now = AT.plus(Duration.ofDays(3));
        Case lessOverdue = caseOf("o1", CaseStatus.ASSIGNED, Tier.COMMUNITY, "usr_" + run + "w", AT, AT.plus(Duration.ofDays(2)));
        Case mostOverdue = caseOf("o2", CaseStatus.IN_PROGRESS, Tier.COMMUNITY, "usr_" + run + "w", AT, AT.plus(Duration.ofDays(1)));
        Case middle = caseOf("o3", CaseStatus.ASSIGNED, Tier.COMMUNITY, "usr_" + run + "w", AT, AT.plusSeconds(36 * 3600));
        caseOf("o4", CaseStatus.ASSIGNED, Tier.COMMUNITY, "usr_" + run + "w", AT, AT.plus(Duration.ofDays(4))); // not yet due
        Case waiting = caseOf("o5", CaseStatus.ASSIGNED, Tier.COMMUNITY, "usr_" + run + "w", AT, AT.plusSeconds(3600));
        Case fedBack = next(waiting, CaseStatus.FED_BACK);
        assertEquals(new Written(), store().commit(change(waiting, fedBack, CaseAction.RESOLVE, null)));

        List<String> expected = List.of(mostOverdue.id(), middle.id(), lessOverdue.id());
        assertEquals(expected, ids(Paging.all(2, cursor -> store().overdue(street, Tier.COMMUNITY, now, 2, cursor))));
        assertEquals(expected, ids(Paging.all(2, cursor -> store().overdue(street, null, now, 2, cursor))));
        assertEquals(List.of(), store().overdue(street, Tier.STREET, now, 5, null).items());
        assertEquals(List.of(), store().overdue(community, Tier.COMMUNITY, now, 5, null).items(), "a community case is its street's");

        // A street's case is supervised by its district, and only there.
        Case atStreet = caseOf("o6", CaseStatus.UNASSIGNED, Tier.STREET, null, AT, AT.plusSeconds(7200));
        assertEquals(List.of(atStreet.id()), ids(Paging.all(2, cursor -> store().overdue(district, null, now, 2, cursor))));
        assertEquals(List.of(atStreet.id()), ids(Paging.all(2, cursor -> store().overdue(district, Tier.STREET, now, 2, cursor))));
        assertEquals(List.of(), store().overdue(district, Tier.COMMUNITY, now, 5, null).items());
        assertEquals(expected, ids(Paging.all(2, cursor -> store().overdue(street, null, now, 2, cursor))));
    }

    @Test
    void aDepartmentsOpenTasksAreListedEarliestDeadlineFirstPageByPage() {
        String department = "DEPT-" + run;
        Case c = caseOf("t1", CaseStatus.ESCALATED, Tier.STREET, null, AT, AT.plusSeconds(3600));
        Case d = caseOf("t2", CaseStatus.ESCALATED, Tier.STREET, null, AT, AT.plusSeconds(3600));
        Case e = caseOf("t3", CaseStatus.ESCALATED, Tier.STREET, null, AT, AT.plusSeconds(3600));
        SummonsTask late = new SummonsTask(department, "区城管局", SummonsTask.Status.SUMMONED, AT, AT.plusSeconds(9000), null);
        SummonsTask early = new SummonsTask(department, "区城管局", SummonsTask.Status.CHECKED_IN, AT, AT.plusSeconds(3000), null);
        SummonsTask middle = new SummonsTask(department, "区城管局", SummonsTask.Status.SUMMONED, AT, AT.plusSeconds(6000), null);
        Case cs = summon(c, late);
        Case ds = summon(d, early);
        Case es = summon(e, middle);
        List<CaseStore.DepartmentTask> tasks = Paging.all(2, cursor -> store().tasksOf(department, 2, cursor));
        assertEquals(List.of(new CaseStore.DepartmentTask(ds.id(), "sanitation", early), new CaseStore.DepartmentTask(es.id(), "sanitation", middle),
                new CaseStore.DepartmentTask(cs.id(), "sanitation", late)), tasks);

        SummonsTask done = early.with(SummonsTask.Status.DONE, null, "已处理");
        Case completed = next(ds, CaseStatus.COORDINATING).toBuilder().tasks(List.of(done)).build();
        assertEquals(new Written(), store().commit(new Change(completed, ds.version(), List.of(done),
                event(ds, completed, CaseAction.COMPLETE_TASK), null, null)));
        assertEquals(List.of(es.id(), cs.id()), Paging.all(2, cursor -> store().tasksOf(department, 2, cursor)).stream()
                .map(CaseStore.DepartmentTask::caseId).toList(), "a done task leaves the queue");

        // The queue holds what a commit wrote as changed tasks; a task only on the case's list is not in it.
        Case f = caseOf("t4", CaseStatus.ESCALATED, Tier.STREET, null, AT, AT.plusSeconds(3600));
        SummonsTask unwritten = new SummonsTask(department, "区城管局", SummonsTask.Status.SUMMONED, AT, AT.plusSeconds(100), null);
        Case listedOnly = next(f, CaseStatus.COORDINATING).toBuilder().tasks(List.of(unwritten)).build();
        assertEquals(new Written(), store().commit(change(f, listedOnly, CaseAction.SUMMON, null)));
        assertEquals(List.of(es.id(), cs.id()), Paging.all(2, cursor -> store().tasksOf(department, 2, cursor)).stream()
                .map(CaseStore.DepartmentTask::caseId).toList());
    }

    private Case summon(Case c, SummonsTask task) {
        Case after = next(c, CaseStatus.COORDINATING).toBuilder().tasks(List.of(task)).build();
        assertEquals(new Written(), store().commit(new Change(after, c.version(), List.of(task), event(c, after, CaseAction.SUMMON), null, null)));
        return after;
    }

    @Test
    void theSweepFindsOpenUnflaggedCasesPastTheirDeadlineEarliestFirst() {
        // An hour no other suite sets deadlines in: somewhere in the 16th century.
        Instant hour = Instant.parse("1500-01-01T00:00:00Z").plus(Duration.ofHours(ThreadLocalRandom.current().nextInt(800_000)));
        Case late = caseOf("d1", CaseStatus.ASSIGNED, Tier.COMMUNITY, "usr_" + run + "w", hour, hour.plusSeconds(600));
        Case early = caseOf("d2", CaseStatus.ASSIGNED, Tier.COMMUNITY, "usr_" + run + "w", hour, hour.plusSeconds(60));
        caseOf("d3", CaseStatus.ASSIGNED, Tier.COMMUNITY, "usr_" + run + "w", hour, hour.plusSeconds(7200)); // not yet due
        Case flagged = caseOf("d4", CaseStatus.ASSIGNED, Tier.COMMUNITY, "usr_" + run + "w", hour, hour.plusSeconds(120));
        Case f = flagged.toBuilder().overdueFlagged(true).version(2).build();
        assertEquals(new Written(), store().commit(change(flagged, f, CaseAction.FLAG_OVERDUE, null)));
        Case closed = caseOf("d5", CaseStatus.ASSIGNED, Tier.COMMUNITY, "usr_" + run + "w", hour, hour.plusSeconds(180));
        assertEquals(new Written(), store().commit(change(closed, next(closed, CaseStatus.CLOSED), CaseAction.CLOSE, null)));

        Set<String> mine = Set.of(id("d1"), id("d2"), id("d3"), id("d4"), id("d5"));
        List<String> due = ids(store().due(hour.plusSeconds(3600), 100)).stream().filter(mine::contains).toList();
        assertEquals(List.of(early.id(), late.id()), due);
    }

    @Test
    void openCasesNearbyAreFoundByCategoryCellAndOpeningTime() {
        Case recent = caseOf("n1", CaseStatus.ASSIGNED, Tier.COMMUNITY, "usr_" + run + "w", AT.plusSeconds(600), AT.plusSeconds(3600));
        caseOf("n2", CaseStatus.ASSIGNED, Tier.COMMUNITY, "usr_" + run + "w", AT, AT.plusSeconds(3600)); // opened before
        Case closing = caseOf("n3", CaseStatus.ASSIGNED, Tier.COMMUNITY, "usr_" + run + "w", AT.plusSeconds(700), AT.plusSeconds(3600));
        assertEquals(new Written(), store().commit(change(closing, next(closing, CaseStatus.CLOSED), CaseAction.CLOSE, null)));
        assertEquals(List.of(recent.id()), ids(store().openNear("sanitation", List.of("cell" + run, "elsewhere" + run), AT.plusSeconds(300))));
        assertEquals(List.of(), store().openNear("greening", List.of("cell" + run), AT));
        assertEquals(List.of(), store().openNear("sanitation", List.of("elsewhere" + run), AT));
    }

    @Test
    void theRegisterListsAStreetsCasesNewestFirstFilteredPageByPage() {
        Case oldest = caseOf("r1", CaseStatus.ASSIGNED, Tier.COMMUNITY, "usr_" + run + "w", AT, AT.plusSeconds(3600));
        Case middle = caseOf("r2", CaseStatus.UNASSIGNED, Tier.STREET, null, AT.plusSeconds(60), AT.plusSeconds(3600));
        Case newest = caseOf("r3", CaseStatus.ASSIGNED, Tier.COMMUNITY, "usr_" + run + "w", AT.plusSeconds(120), AT.plusSeconds(3600));
        RegisterQuery all = new RegisterQuery(street, street, Set.of(), null, null, null, null, null, false, AT, null, null);
        assertEquals(List.of(newest.id(), middle.id(), oldest.id()), ids(Paging.all(2, cursor -> store().register(all, 2, cursor))));
        RegisterQuery assigned = new RegisterQuery(community, street, Set.of(CaseStatus.ASSIGNED), null, null, null, null, null, false,
                AT, null, null);
        assertEquals(List.of(newest.id(), oldest.id()), ids(Paging.all(2, cursor -> store().register(assigned, 2, cursor))));
        RegisterQuery one = new RegisterQuery(street, street, Set.of(), null, null, null, null, null, false, AT, null, middle.id());
        Page1 page = new Page1(store().register(one, 10, null));
        assertEquals(List.of(middle.id()), ids(page.items));
        assertNull(page.cursor);
        RegisterQuery opened = new RegisterQuery(street, street, Set.of(), null, null, null, AT.plusSeconds(30), AT.plusSeconds(120), false,
                AT, null, null);
        assertEquals(List.of(middle.id()), ids(Paging.all(2, cursor -> store().register(opened, 2, cursor))));
        assertTrue(Paging.all(2, cursor -> store().register(new RegisterQuery("S" + run + "x", "S" + run + "x", Set.of(), null, null,
                null, null, null, false, AT, null, null), 2, cursor)).isEmpty());
    }

    @Test
    void theRegisterFindsCasesByTheLastDigitsOfAReportersPhoneWithinTheUnit() {
        String phone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        String tail = phone.substring(7);
        Case older = newCase("p1", CaseStatus.ASSIGNED, Tier.COMMUNITY, "usr_" + run + "w", AT, AT.plusSeconds(3600));
        Case newer = newCase("p2", CaseStatus.ASSIGNED, Tier.COMMUNITY, "usr_" + run + "w", AT.plusSeconds(60), AT.plusSeconds(3600));
        report("p1", phone, AT);
        report("p2", "+86 " + phone, AT.plusSeconds(60));
        assertEquals(new Written(), store().createFromReport(older, "rpt_" + run + "p1", opened(older)));
        assertEquals(new Written(), store().createFromReport(newer, "rpt_" + run + "p2", opened(newer)));
        caseOf("p3", CaseStatus.ASSIGNED, Tier.COMMUNITY, "usr_" + run + "w", AT.plusSeconds(120), AT.plusSeconds(3600)); // another phone
        RegisterQuery byTail = new RegisterQuery(street, street, Set.of(), null, null, null, null, null, false, AT, tail, null);
        assertEquals(List.of(newer.id(), older.id()), ids(Paging.all(10, cursor -> store().register(byTail, 10, cursor))));
        RegisterQuery elsewhere = new RegisterQuery("S" + run + "x", "S" + run + "x", Set.of(), null, null, null, null, null, false, AT,
                tail, null);
        assertEquals(List.of(), Paging.all(10, cursor -> store().register(elsewhere, 10, cursor)), "only cases within the unit");
    }

    @Test
    void aboveTheStreetsTheRegisterReadsMonthByMonthNewestFirst() {
        // Months no other suite opens cases in: somewhere in the 18th century, over a month's end.
        Instant hour = Instant.parse("1700-01-01T00:00:00Z").plus(Duration.ofDays(30L * ThreadLocalRandom.current().nextInt(1000)));
        Case first = caseOf("y1", CaseStatus.ASSIGNED, Tier.COMMUNITY, "usr_" + run + "w", hour, hour.plusSeconds(3600));
        Case second = caseOf("y2", CaseStatus.UNASSIGNED, Tier.STREET, null, hour.plus(Duration.ofDays(20)), hour.plusSeconds(3600));
        Case third = caseOf("y3", CaseStatus.ASSIGNED, Tier.COMMUNITY, "usr_" + run + "w", hour.plus(Duration.ofDays(45)), hour.plusSeconds(3600));
        caseOf("y4", CaseStatus.ASSIGNED, Tier.COMMUNITY, "usr_" + run + "w", hour.plus(Duration.ofDays(80)), hour.plusSeconds(3600)); // after
        RegisterQuery district = new RegisterQuery(this.district, null, Set.of(), null, null, null, hour, hour.plus(Duration.ofDays(60)),
                false, hour.plus(Duration.ofDays(100)), null, null);
        assertEquals(List.of(third.id(), second.id(), first.id()), ids(Paging.all(2, cursor -> store().register(district, 2, cursor))));
        RegisterQuery waiting = new RegisterQuery(this.district, null, Set.of(CaseStatus.UNASSIGNED), null, null, null, hour,
                hour.plus(Duration.ofDays(60)), false, hour.plus(Duration.ofDays(100)), null, null);
        assertEquals(List.of(second.id()), ids(Paging.all(2, cursor -> store().register(waiting, 2, cursor))));
    }

    private record Page1(List<Case> items, String cursor) {
        Page1(org.linli.core.Page<Case> p) {
            this(p.items(), p.nextCursor());
        }
    }
}
