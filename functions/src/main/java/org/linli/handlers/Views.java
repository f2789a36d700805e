package org.linli.handlers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.linli.cases.Case;
import org.linli.cases.CaseEvent;
import org.linli.cases.CaseStatus;
import org.linli.cases.CaseStore;
import org.linli.cases.SummonsTask;
import org.linli.categories.Categories;
import org.linli.core.Ids;
import org.linli.core.Times;
import org.linli.geo.GeoPoint;
import org.linli.report.Report;
import org.linli.report.ReportDraft;
import org.linli.territory.NodeRef;

/**
 * JSON views of domain objects. Callers decide what the viewer may see (the domain's
 * {@code ReportReaders}, {@code Standing}): contact details whole only to the reporter himself and
 * the staff handling the case, masked for other staff.
 */
final class Views {
    private Views() {}

    /** A report as {@code shown} allows: the contact whole, masked, or (anonymous to the public) left out. */
    static ObjectNode report(Report r, Case c, Categories categories, org.linli.core.Disclosure shown) {
        ReportDraft d = r.content().disclosed(shown);
        ObjectNode o = org.linli.json.Json.object();
        o.put("reportId", r.id());
        o.put("status", c == null ? r.status().name() : c.status().name());
        o.put("category", d.category());
        categories.find(d.category()).ifPresent(cat -> o.put("categoryName", cat.name()));
        o.put("description", d.description());
        ObjectNode loc = o.putObject("location");
        point(loc, d.point());
        if (d.buildingCode() != null) loc.put("buildingCode", d.buildingCode());
        var photos = o.putArray("photoKeys");
        d.photoKeys().forEach(photos::add);
        if (shown != org.linli.core.Disclosure.ANONYMOUS) {
            ObjectNode contact = o.putObject("contact");
            if (d.contact().name() != null) contact.put("name", d.contact().name());
            if (d.contact().phone() != null) contact.put("phone", d.contact().phone());
        }
        o.put("anonymousToPublic", d.anonymousToPublic());
        o.put("source", d.source().name());
        o.put("receivedAt", Times.api(r.receivedAt()));
        if (c == null) o.putNull("case");
        else o.set("case", caseView(c, categories, false));
        // A report near an open case of its category joined it instead of opening its own.
        o.put("joinedExistingCase", r.caseId() != null && !r.caseId().equals(Ids.rebrand(r.id(), "case")));
        return o;
    }

    static ObjectNode caseView(Case c, Categories categories, boolean staff) {
        ObjectNode o = org.linli.json.Json.object();
        o.put("caseId", c.id());
        o.put("status", c.status().name());
        o.put("category", c.category());
        categories.find(c.category()).ifPresent(cat -> o.put("categoryName", cat.name()));
        o.put("matterType", c.matterType().name());
        o.put("emergency", c.emergency());
        node(o, "grid", c.placement().grid());
        node(o, "microGrid", c.placement().microGrid());
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
            point(loc, c.location());
            if (c.buildingCode() != null) loc.put("buildingCode", c.buildingCode());
            var reports = o.putArray("reportIds");
            c.reportIds().forEach(reports::add);
        }
        if (c.resolution() != null && (staff || RESULT_SHOWN.contains(c.status()))) {
            ObjectNode r = o.putObject("result");
            r.put("text", c.resolution().result());
            var evidence = r.putArray("evidence");
            c.resolution().evidence().forEach(evidence::add);
            time(r, "resolvedAt", c.resolution().resolvedAt());
        }
        if (c.verdict() != null) o.put("verdict", c.verdict().name());
        if (c.closure() != null) o.put("closure", c.closure().name());
        time(o, "closedAt", c.closedAt());
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
        time(o, "deadline", c.deadline());
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
        time(o, "summonedAt", t.summonedAt());
        time(o, "deadline", t.deadline());
        if (t.result() != null) o.put("result", t.result());
        return o;
    }

    static ObjectNode task(CaseStore.DepartmentTask t, Categories categories) {
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
    static ObjectNode auditEntry(CaseEvent e, boolean staff, String viewerId) {
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
        time(o, "deadlineBefore", e.deadlineBefore());
        time(o, "deadlineAfter", e.deadlineAfter());
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

    static ObjectNode withCursor(ObjectNode body, String nextCursor) {
        if (nextCursor == null) body.putNull("nextCursor");
        else body.put("nextCursor", nextCursor);
        return body;
    }

    private static void time(ObjectNode o, String field, Instant t) {
        if (t == null) o.putNull(field);
        else o.put(field, Times.api(t));
    }

    private static void node(ObjectNode o, String field, NodeRef n) {
        if (n == null) {
            o.putNull(field);
            return;
        }
        ObjectNode g = o.putObject(field);
        g.put("code", n.code());
        if (n.name() != null) g.put("name", n.name());
    }

    private static void point(ObjectNode loc, GeoPoint p) {
        if (p == null) return;
        loc.put("lat", p.lat());
        loc.put("lng", p.lng());
        loc.put("datum", p.datum().name());
    }

    /** An account: id, name, roles, grants (each role with its node), scope, version. */
    static ObjectNode account(org.linli.identity.UserAccount u) {
        ObjectNode o = org.linli.json.Json.object();
        o.put("userId", u.id());
        if (u.displayName() != null) o.put("displayName", u.displayName());
        var roles = o.putArray("roles");
        u.roles().stream().sorted().forEach(x -> roles.add(x.name()));
        var grants = o.putArray("grants");
        for (org.linli.identity.Grant g : u.grants()) {
            ObjectNode n = grants.addObject().put("role", g.role().name());
            if (g.node() != null) n.put("node", g.node());
        }
        var scope = o.putArray("scope");
        u.scope().stream().sorted().forEach(scope::add);
        o.put("version", u.version());
        return o;
    }
}
