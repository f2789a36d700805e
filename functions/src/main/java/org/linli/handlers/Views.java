package org.linli.handlers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.linli.cases.Case;
import org.linli.cases.Categories;
import org.linli.core.Times;
import org.linli.geo.GeoPoint;
import org.linli.report.Report;
import org.linli.report.ReportDraft;
import org.linli.territory.NodeRef;

/**
 * JSON views of domain objects. Callers decide what the viewer may see: {@code full} views
 * (contact details, other reporters) go only to the reporter himself and the staff handling it.
 */
final class Views {
    private Views() {}

    static ObjectNode report(Report r, Case c, Categories categories, boolean full) {
        ReportDraft d = r.content();
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
        if (full) {
            ObjectNode contact = o.putObject("contact");
            if (d.contact().name() != null) contact.put("name", d.contact().name());
            contact.put("phone", d.contact().phone());
        }
        o.put("anonymousToPublic", d.anonymousToPublic());
        o.put("source", d.source().name());
        o.put("receivedAt", Times.api(r.receivedAt()));
        if (c == null) o.putNull("case");
        else o.set("case", caseView(c, categories, false));
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
        o.put("createdAt", Times.api(c.createdAt()));
        o.put("deadline", Times.api(c.deadline()));
        o.put("version", c.version());
        return o;
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
}
