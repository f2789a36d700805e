package org.linli.views.cases;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumSet;
import java.util.Set;
import org.linli.cases.Case;
import org.linli.cases.CaseEvent;
import org.linli.cases.CaseStatus;
import org.linli.cases.CaseStore;
import org.linli.cases.SummonsTask;
import org.linli.categories.Categories;
import org.linli.core.Times;
import org.linli.views.Views;

/**
 * JSON views of cases: the case as its reader may see it, its audit entries, department tasks.
 * Callers decide what the viewer may see (the domain's {@code Standing}): contact details whole
 * only to the staff handling the case.
 */
public final class CaseViews {
    private CaseViews() {}

    /**
     * What a follower sees of the case his report joined (issue 13 defect 2): its status and
     * outcome - nothing of the first reporter, the grid, the assignee or the staff's work.
     */
    public static ObjectNode followerView(Case c, Categories categories) {
        ObjectNode o = org.linli.json.Json.object();
        o.put("caseId", c.id());
        o.put("status", c.status().name());
        o.put("category", c.category());
        categories.find(c.category()).ifPresent(cat -> o.put("categoryName", cat.name()));
        o.put("following", true);
        if (c.resolution() != null && RESULT_SHOWN.contains(c.status())) o.putObject("result").put("text", c.resolution().result());
        if (c.closure() != null) o.put("closure", c.closure().name());
        Views.time(o, "closedAt", c.closedAt());
        o.put("createdAt", Times.api(c.createdAt()));
        o.put("version", c.version());
        return o;
    }

    public static ObjectNode caseView(Case c, Categories categories, boolean staff) {
        ObjectNode o = org.linli.json.Json.object();
        o.put("caseId", c.id());
        o.put("status", c.status().name());
        o.put("category", c.category());
        categories.find(c.category()).ifPresent(cat -> o.put("categoryName", cat.name()));
        o.put("matterType", c.matterType().name());
        o.put("emergency", c.emergency());
        if (c.source() != null) o.put("source", c.source());
        if (c.order() != null) { // the outside work order the case answers: its number, deadline (交办时限), urgency
            ObjectNode order = o.putObject("order").put("orderNo", c.order().orderNo()).put("urgent", c.order().urgent());
            if (c.order().dueBy() != null) order.put("dueBy", Times.api(c.order().dueBy()));
        }
        Views.node(o, "grid", c.placement().grid());
        Views.node(o, "microGrid", c.placement().microGrid());
        if (c.assignee() != null) {
            ObjectNode a = o.putObject("assignee");
            a.put("userId", c.assignee().userId());
            if (c.assignee().name() != null) a.put("name", c.assignee().name());
            a.put("rule", c.assignee().rule().name());
        } else {
            o.putNull("assignee");
        }
        if (c.queueNode() != null) o.put("queueNode", c.queueNode());
        o.put("tier", c.tier().name());
        o.put("tierNode", c.tierNode());
        o.put("followers", c.reporterIds().size());
        ObjectNode placement = o.putObject("placement");
        placement.put("mapVersion", c.placement().mapVersion());
        placement.put("method", c.placement().method().name());
        var path = placement.putArray("path");
        c.placement().path().forEach(path::add);
        if (staff) {
            ObjectNode loc = o.putObject("location");
            Views.point(loc, c.location());
            if (c.buildingCode() != null) loc.put("buildingCode", c.buildingCode());
            var reports = o.putArray("reportIds");
            c.reportIds().forEach(reports::add);
        }
        if (c.resolution() != null && (staff || RESULT_SHOWN.contains(c.status()))) {
            ObjectNode r = o.putObject("result");
            r.put("text", c.resolution().result());
            var evidence = r.putArray("evidence");
            c.resolution().evidence().forEach(evidence::add);
            Views.time(r, "resolvedAt", c.resolution().resolvedAt());
        }
        if (c.verdict() != null) o.put("verdict", c.verdict().name());
        if (c.closure() != null) o.put("closure", c.closure().name());
        Views.time(o, "closedAt", c.closedAt());
        if (c.mergedInto() != null) o.put("mergedInto", c.mergedInto());
        o.put("reworkCount", c.reworkCount());
        o.put("reopenCount", c.reopenCount());
        if (staff) {
            o.put("escalations", c.escalations());
            o.put("overdueFlagged", c.overdueFlagged());
            var tasks = o.putArray("tasks");
            for (SummonsTask t : c.tasks()) tasks.add(task(t));
        }
        o.put("createdAt", Times.api(c.createdAt()));
        Views.time(o, "deadline", c.deadline());
        o.put("version", c.version());
        return o;
    }

    /** Residents see the result once it has been fed back to them. */
    private static final Set<CaseStatus> RESULT_SHOWN = EnumSet.of(CaseStatus.FED_BACK, CaseStatus.CLOSED,
            CaseStatus.REWORK, CaseStatus.MERGED);

    private static ObjectNode task(SummonsTask t) {
        ObjectNode o = org.linli.json.Json.object();
        o.put("department", t.department());
        if (t.departmentName() != null) o.put("departmentName", t.departmentName());
        o.put("status", t.status().name());
        Views.time(o, "summonedAt", t.summonedAt());
        Views.time(o, "deadline", t.deadline());
        if (t.result() != null) o.put("result", t.result());
        return o;
    }

    public static ObjectNode task(CaseStore.DepartmentTask t, Categories categories) {
        ObjectNode o = task(t.task());
        o.put("caseId", t.caseId());
        o.put("category", t.category());
        categories.find(t.category()).ifPresent(cat -> o.put("categoryName", cat.name()));
        return o;
    }

    /**
     * One audit entry. Staff see everything; a reporter sees what happened and when, by which
     * role, but not staff notes or who exactly acted (except himself).
     */
    public static ObjectNode auditEntry(CaseEvent e, boolean staff, String viewerId) {
        ObjectNode o = org.linli.json.Json.object();
        o.put("version", e.version());
        o.put("eventId", e.eventId());
        o.put("action", e.action().wire());
        if (e.from() == null) o.putNull("from");
        else o.put("from", e.from().name());
        o.put("to", e.to().name());
        o.put("actorRole", e.actorRole());
        if (staff || e.actorId().equals(viewerId)) o.put("actorId", e.actorId());
        o.put("at", Times.api(e.at()));
        Views.time(o, "deadlineBefore", e.deadlineBefore());
        Views.time(o, "deadlineAfter", e.deadlineAfter());
        if (e.tierBefore() != null && e.tierBefore() != e.tierAfter()) o.put("tierBefore", e.tierBefore().name());
        o.put("tier", e.tierAfter().name());
        if (staff) {
            o.put("tierNode", e.tierNode());
            if (e.assigneeId() != null) o.put("assigneeId", e.assigneeId());
            if (e.note() != null) o.put("note", e.note());
            var att = o.putArray("attachments");
            e.attachments().forEach(att::add);
            ObjectNode d = o.putObject("details");
            e.details().forEach(d::put);
        }
        return o;
    }
}
