package org.linli.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.linli.categories.Category;
import org.linli.categories.MatterType;
import org.linli.geo.GeoPoint;
import org.linli.report.WorkOrder;
import org.linli.territory.Placement;

/**
 * A case (案卷). Created from its first report; later reports of the same problem join it as
 * followers ({@code reportIds}/{@code reporterIds}). {@code placement} records the map version
 * and method that placed it. {@code tier}/{@code tierNode} say which level owns it now (the
 * community, street or district node, or a department's code); {@code deadline} is the current
 * step's limit, null only for closed, rejected and merged cases; {@code version} counts
 * transitions (one audit entry each) and guards concurrent changes. {@code cell} is the geohash
 * cell of the nearby-duplicates index, null without a location. {@code source} is where the first
 * report came from ({@code MINI_PROGRAM}, {@code HOTLINE_12345}, ...; null for cases opened before it was kept).
 * {@code order} is the outside work order (a 12345 工单) the case answers, else null: every step
 * deadline is capped at the order's deadline (交办时限) and an urgent order makes an emergency.
 */
public record Case(String id, CaseStatus status, String category, MatterType matterType, boolean emergency,
                   List<String> reportIds, List<String> reporterIds, GeoPoint location, String buildingCode,
                   Placement placement, Assignee assignee, Tier tier, String tierNode, String cell,
                   Instant createdAt, Instant deadline, long version, List<SummonsTask> tasks,
                   Resolution resolution, Verdict verdict, Closure closure, Instant closedAt, String mergedInto,
                   int reworkCount, int reopenCount, int escalations, boolean overdueFlagged, String source,
                   WorkOrder order) {
    public Case {
        reportIds = List.copyOf(reportIds);
        reporterIds = List.copyOf(reporterIds);
        tasks = List.copyOf(tasks);
    }

    /** A new case as assignment opens it: version 1, no history. */
    public static Case opened(String id, CaseStatus status, Category category, List<String> reportIds,
                              List<String> reporterIds, GeoPoint location, String buildingCode, Placement placement,
                              Assignee assignee, Tier tier, String tierNode, String cell, Instant now, Instant deadline,
                              String source) {
        return opened(id, status, category, reportIds, reporterIds, location, buildingCode, placement, assignee, tier, tierNode,
                cell, now, deadline, source, null);
    }

    /** A case of an outside work order: never due after the order's deadline, an emergency when the order is urgent. */
    public static Case opened(String id, CaseStatus status, Category category, List<String> reportIds,
                              List<String> reporterIds, GeoPoint location, String buildingCode, Placement placement,
                              Assignee assignee, Tier tier, String tierNode, String cell, Instant now, Instant deadline,
                              String source, WorkOrder order) {
        return new Case(id, status, category.code(), category.matterType(), category.emergency() || order != null && order.urgent(),
                reportIds, reporterIds, location, buildingCode, placement, assignee, tier, tierNode, cell, now,
                order == null ? deadline : order.cap(deadline, now), 1,
                List.of(), null, null, null, null, null, 0, 0, 0, false, source, order);
    }

    /** The dispatch queue holding the case: its tier's node while UNASSIGNED or ESCALATED, else null. */
    public String queueNode() {
        return status.inQueue() ? tierNode : null;
    }

    /** The territory codes the case sits under, root first: what staff scope is checked against. */
    public List<String> territoryPath() {
        if (!placement.path().isEmpty()) return placement.path();
        return tierNode == null ? List.of() : List.of(tierNode);
    }

    public Optional<SummonsTask> task(String department) {
        return tasks.stream().filter(t -> t.department().equals(department)).findFirst();
    }

    public boolean overdue(Instant now) {
        return deadline != null && !now.isBefore(deadline);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Copy-with-changes for transitions; {@link #build} bumps nothing by itself. */
    public static final class Builder {
        private CaseStatus status;
        private List<String> reportIds;
        private List<String> reporterIds;
        private Assignee assignee;
        private Tier tier;
        private String tierNode;
        private Instant deadline;
        private long version;
        private List<SummonsTask> tasks;
        private Resolution resolution;
        private Verdict verdict;
        private Closure closure;
        private Instant closedAt;
        private String mergedInto;
        private int reworkCount;
        private int reopenCount;
        private int escalations;
        private boolean overdueFlagged;
        private Instant now;
        private final Case base;

        private Builder(Case c) {
            base = c;
            status = c.status;
            reportIds = new ArrayList<>(c.reportIds);
            reporterIds = new ArrayList<>(c.reporterIds);
            assignee = c.assignee;
            tier = c.tier;
            tierNode = c.tierNode;
            deadline = c.deadline;
            version = c.version;
            tasks = new ArrayList<>(c.tasks);
            resolution = c.resolution;
            verdict = c.verdict;
            closure = c.closure;
            closedAt = c.closedAt;
            mergedInto = c.mergedInto;
            reworkCount = c.reworkCount;
            reopenCount = c.reopenCount;
            escalations = c.escalations;
            overdueFlagged = c.overdueFlagged;
        }

        public Builder status(CaseStatus v) { status = v; return this; }
        public Builder assignee(Assignee v) { assignee = v; return this; }
        public Builder tier(Tier t, String node) { tier = t; tierNode = node; return this; }
        /** The time of the change: with it, step deadlines are capped at the case's work order's deadline. */
        public Builder at(Instant now) { this.now = now; return this; }
        /** The step's deadline - capped at the deadline of the work order the case came from ({@link WorkOrder#cap}). */
        public Builder deadline(Instant v) { deadline = base.order == null || now == null ? v : base.order.cap(v, now); return this; }
        /** The resident's verdict window: the caller's time to answer, never cut short by the work order's deadline. */
        public Builder verdictDeadline(Instant v) { deadline = v; return this; }
        public Builder version(long v) { version = v; return this; }
        public Builder tasks(List<SummonsTask> v) { tasks = new ArrayList<>(v); return this; }
        public Builder resolution(Resolution v) { resolution = v; return this; }
        public Builder verdict(Verdict v) { verdict = v; return this; }
        public Builder closure(Closure v) { closure = v; return this; }
        public Builder closedAt(Instant v) { closedAt = v; return this; }
        public Builder mergedInto(String v) { mergedInto = v; return this; }
        public Builder reworkCount(int v) { reworkCount = v; return this; }
        public Builder reopenCount(int v) { reopenCount = v; return this; }
        public Builder escalations(int v) { escalations = v; return this; }
        public Builder overdueFlagged(boolean v) { overdueFlagged = v; return this; }

        /** Adds followers (reports and reporters not yet on the case), keeping the order of arrival. */
        public Builder follow(List<String> moreReports, List<String> moreReporters) {
            for (String r : moreReports) if (!reportIds.contains(r)) reportIds.add(r);
            for (String r : moreReporters) if (!reporterIds.contains(r)) reporterIds.add(r);
            return this;
        }

        public Case build() {
            return new Case(base.id, status, base.category, base.matterType, base.emergency, reportIds, reporterIds,
                    base.location, base.buildingCode, base.placement, assignee, tier, tierNode, base.cell,
                    base.createdAt, deadline, version, tasks, resolution, verdict, closure, closedAt, mergedInto,
                    reworkCount, reopenCount, escalations, overdueFlagged, base.source, base.order);
        }
    }
}
