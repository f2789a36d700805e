package org.linli.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.linli.categories.Categories;
import org.linli.categories.Category;
import org.linli.categories.MatterType;
import org.linli.categories.WorkflowSettings;
import org.linli.core.Ids;
import org.linli.core.StoreUnavailable;
import org.linli.report.ReportReceived;
import org.linli.territory.Level;
import org.linli.territory.Locator;
import org.linli.territory.Placement;
import org.linli.territory.Roster;
import org.linli.territory.TerritoryDirectory;
import org.linli.territory.WorkerChoice;
import org.linli.territory.WorkerSelection;

/**
 * Step 2-3 of the loop (案卷建立 → 任务指派). A report near an open case of its category joins
 * that case as a follower; otherwise it is placed and routed by its matter type: emergencies go
 * straight to the district (直通上报), department matters to the responsible department's queue,
 * hard matters to the street for joint consultation, the rest to the grid's worker on duty.
 * Either way one transaction writes the case, its audit entry and the report's link, and one
 * {@code case.event} is sent.
 *
 * <p>Idempotent: the case id derives from the report id and the report's status guards the link,
 * so a message delivered twice changes nothing the second time - and re-sends the recorded event,
 * in case the first send was lost after the write.
 */
public final class Assignment {
    private static final int JOIN_ATTEMPTS = 3;

    private final Locator locator;
    private final TerritoryDirectory directory;
    private final CaseStore cases;
    private final DepartmentDirectory departments;
    private final CaseEventPublisher events;
    private final Categories categories;
    private final Clock clock;

    public Assignment(Locator locator, TerritoryDirectory directory, CaseStore cases, DepartmentDirectory departments,
                      CaseEventPublisher events, Categories categories, Clock clock) {
        this.locator = locator;
        this.directory = directory;
        this.cases = cases;
        this.departments = departments;
        this.events = events;
        this.categories = categories;
        this.clock = clock;
    }

    public Outcome assign(ReportReceived report) {
        Category category = categories.find(report.category())
                .orElseThrow(() -> new IllegalArgumentException("unknown category in message"));
        Instant now = clock.instant();
        // A work order is answered by its own case: the platform expects a result for each order it handed over.
        Optional<Outcome> joined = report.order() != null ? Optional.empty() : join(report, category, now);
        if (joined.isPresent()) return joined.get();

        Placement placement = locator.locate(report.point(), report.buildingCode(), report.placeCode());
        Route route = route(category, placement);
        WorkflowSettings.Duplicates dup = categories.workflow().duplicates();
        String cell = report.point() == null ? null : NearbyCases.cell(report.point(), dup.cellPrecision());
        Instant deadline = now.plus(route.assignee() != null ? category.limits().accept() : category.limits().dispatch());
        Case c = Case.opened(Ids.rebrand(report.reportId(), "case"),
                route.assignee() != null ? CaseStatus.ASSIGNED : CaseStatus.UNASSIGNED, category,
                List.of(report.reportId()), List.of(report.reporterId()), report.point(), report.buildingCode(), placement,
                route.assignee(), route.tier(), route.node(), cell, now, deadline,
                report.source() == null ? null : report.source().name(), report.order());
        Map<String, String> details = new java.util.LinkedHashMap<>(Map.of("reportId", report.reportId(), "rule", route.rule().name(),
                "route", route.why()));
        if (report.source() != null) details.put("source", report.source().name()); // KPIs split by source (docs/kpis.md)
        CaseEvent opened = CaseEvent.of(null, c, CaseAction.OPEN, Actor.SYSTEM, "SYSTEM", Party.SYSTEM, now, null, List.of(), details);
        CaseStore.Write w = cases.createFromReport(c, report.reportId(), opened);
        if (w instanceof CaseStore.AlreadyLinked linked) {
            resend(linked);
            return new Outcome(c, route.rule(), false, false);
        }
        events.publish(opened);
        return new Outcome(c, route.rule(), true, false);
    }

    /** Joins the nearest open case of the category within the duplicates rule, if there is one. */
    private Optional<Outcome> join(ReportReceived report, Category category, Instant now) {
        Optional<Case> found = NearbyCases.find(cases, category.code(), report.point(), now, categories.workflow().duplicates());
        for (int attempt = 0; attempt < JOIN_ATTEMPTS && found.isPresent(); attempt++) {
            Case target = found.get();
            if (!target.status().open()) return Optional.empty();
            if (!mayShare(target, category.matterType(), List.of(report.reporterId()))) return Optional.empty();
            Case after = target.toBuilder().version(target.version() + 1)
                    .follow(List.of(report.reportId()), List.of(report.reporterId())).build();
            CaseEvent joined = CaseEvent.of(target, after, CaseAction.JOIN, Actor.SYSTEM, "SYSTEM", Party.SYSTEM, now, null,
                    List.of(), Map.of("reportId", report.reportId(), "reporterId", report.reporterId()));
            CaseStore.Write w = cases.joinFromReport(after, target.version(), report.reportId(), joined);
            if (w instanceof CaseStore.Written) {
                events.publish(joined);
                return Optional.of(new Outcome(after, null, true, true));
            }
            if (w instanceof CaseStore.AlreadyLinked linked) {
                resend(linked);
                return Optional.of(new Outcome(target, null, false, !linked.caseId().equals(Ids.rebrand(report.reportId(), "case"))));
            }
            // Stale: the case changed since the index was read; try again on its fresh state.
            found = Optional.ofNullable(((CaseStore.Stale) w).fresh());
        }
        if (found.isPresent()) throw new StoreUnavailable("The case to join is busy; the report will be retried.", null);
        return Optional.empty();
    }

    /**
     * Whether reports of {@code reporters} may share case {@code target}: a personal matter (个事) is
     * its reporter's own - another resident's never joins or is merged into it (issue 13 defect 2).
     */
    static boolean mayShare(Case target, MatterType type, List<String> reporters) {
        boolean personal = target.matterType() == MatterType.PERSONAL || type == MatterType.PERSONAL;
        return !personal || target.reporterIds().containsAll(reporters);
    }

    private void resend(CaseStore.AlreadyLinked linked) {
        cases.auditEntry(linked.caseId(), linked.eventVersion()).ifPresent(events::publish);
    }

    /** Who receives a new case, at which tier, and why (recorded in the OPEN audit entry). */
    private record Route(Assignee assignee, Tier tier, String node, WorkerChoice.Rule rule, String why) {}

    private Route route(Category category, Placement placement) {
        if (category.emergency()) {
            return queue(placement, Level.DISTRICT, "EMERGENCY");
        }
        switch (category.matterType()) {
            case DEPARTMENT -> {
                if (category.department() != null) {
                    Optional<Department> d = departments.serving(placement.path(), category.department());
                    if (d.isPresent()) {
                        return new Route(null, Tier.DEPARTMENT, d.get().code(), WorkerChoice.Rule.NOBODY, "DEPARTMENT_MATTER");
                    }
                }
                return queue(placement, category.ownerLevel(), "DEPARTMENT_MATTER_NO_DEPARTMENT");
            }
            case HARD -> {
                return queue(placement, Level.STREET, "HARD_MATTER");
            }
            default -> {
                return grid(placement);
            }
        }
    }

    /** The grid's worker on duty (his backup, the community dispatcher), else the street's queue. */
    private Route grid(Placement placement) {
        if (placement.inGrid()) {
            String community = placement.codeAt(Level.COMMUNITY);
            List<String> nodes = new ArrayList<>();
            nodes.add(placement.grid().code());
            if (community != null) nodes.add(community);
            Map<String, Roster> rosters = directory.rosters(nodes);
            WorkerChoice choice = WorkerSelection.choose(rosters.get(placement.grid().code()),
                    community == null ? null : rosters.get(community));
            if (choice.found()) {
                Assignee assignee = new Assignee(choice.worker().userId(), choice.worker().name(), choice.rule());
                return new Route(assignee, Tier.COMMUNITY, community != null ? community : placement.grid().code(),
                        choice.rule(), "GRID");
            }
        }
        return queue(placement, Level.STREET, placement.inGrid() ? "GRID_NOBODY" : "NO_GRID");
    }

    /**
     * The dispatch queue at {@code preferred} when the place is known that far, else the street's,
     * else the district's, else the map root's.
     */
    private Route queue(Placement p, Level preferred, String why) {
        for (Level level : new Level[] {preferred, Level.STREET, Level.DISTRICT, Level.CITY}) {
            String code = p.codeAt(level);
            if (code != null) return new Route(null, Tier.ofLevel(level), code, WorkerChoice.Rule.NOBODY, why);
        }
        return new Route(null, Tier.DISTRICT, locator.currentMap().rootCode(), WorkerChoice.Rule.NOBODY, why);
    }

    /** What happened: the case as created or joined (or as it would have been, for a redelivery). */
    public record Outcome(Case c, WorkerChoice.Rule rule, boolean created, boolean joined) {}
}
