package org.linli.adapters.dynamo;

import java.util.HashMap;
import java.util.Map;
import org.linli.cases.Assignee;
import org.linli.cases.Case;
import org.linli.cases.CaseStatus;
import org.linli.cases.MatterType;
import org.linli.core.Times;
import org.linli.geo.Datum;
import org.linli.geo.GeoPoint;
import org.linli.territory.Level;
import org.linli.territory.NodeRef;
import org.linli.territory.Placement;
import org.linli.territory.WorkerChoice;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Case ⇄ item, including the index attributes that put it in a worker's or dispatcher's queue. */
final class CaseItems {
    private CaseItems() {}

    static Map<String, AttributeValue> toItem(Case c) {
        Map<String, AttributeValue> item = new HashMap<>(CasesTableKeys.caseKey(c.id()));
        String created = Times.stored(c.createdAt());
        item.put("type", Attr.s("CASE"));
        item.put("caseId", Attr.s(c.id()));
        item.put("status", Attr.s(c.status().name()));
        item.put("category", Attr.s(c.category()));
        item.put("matterType", Attr.s(c.matterType().name()));
        item.put("emergency", Attr.bool(c.emergency()));
        item.put("reportIds", Attr.strings(c.reportIds()));
        item.put("reporterIds", Attr.strings(c.reporterIds()));
        if (c.location() != null) {
            item.put("lat", Attr.n(c.location().lat()));
            item.put("lng", Attr.n(c.location().lng()));
            item.put("datum", Attr.s(c.location().datum().name()));
        }
        Attr.put(item, "buildingCode", c.buildingCode());
        Placement p = c.placement();
        item.put("mapVersion", Attr.n(p.mapVersion()));
        item.put("placementMethod", Attr.s(p.method().name()));
        putNode(item, "grid", p.grid());
        putNode(item, "microGrid", p.microGrid());
        putNode(item, "deepest", p.deepest());
        item.put("path", Attr.strings(p.path()));
        if (c.assignee() != null) {
            item.put("assigneeId", Attr.s(c.assignee().userId()));
            Attr.put(item, "assigneeName", c.assignee().name());
            item.put("assigneeRule", Attr.s(c.assignee().rule().name()));
            item.put("gsi2pk", Attr.s(CasesTableKeys.assigneePartition(c.assignee().userId())));
            item.put("gsi2sk", Attr.s(Times.stored(c.deadline()) + "#" + c.id()));
        }
        if (c.status() == CaseStatus.UNASSIGNED && c.queueNode() != null) {
            item.put("queueNode", Attr.s(c.queueNode()));
            item.put("gsi3pk", Attr.s(CasesTableKeys.unassignedPartition(c.queueNode())));
            item.put("gsi3sk", Attr.s(created + "#" + c.id()));
        }
        item.put("createdAt", Attr.s(created));
        item.put("deadline", Attr.s(Times.stored(c.deadline())));
        item.put("version", Attr.n(c.version()));
        return item;
    }

    static Case fromItem(Map<String, AttributeValue> item) {
        GeoPoint location = null;
        Double lat = Attr.dbl(item, "lat");
        if (lat != null) location = new GeoPoint(lat, Attr.dbl(item, "lng"), Datum.valueOf(Attr.str(item, "datum")));
        Placement placement = new Placement((int) Attr.num(item, "mapVersion", 0),
                Placement.Method.valueOf(Attr.str(item, "placementMethod")),
                node(item, "grid"), node(item, "microGrid"), node(item, "deepest"), Attr.list(item, "path"));
        Assignee assignee = null;
        if (item.containsKey("assigneeId")) {
            assignee = new Assignee(Attr.str(item, "assigneeId"), Attr.str(item, "assigneeName"),
                    WorkerChoice.Rule.valueOf(Attr.str(item, "assigneeRule")));
        }
        return new Case(Attr.str(item, "caseId"), CaseStatus.valueOf(Attr.str(item, "status")),
                Attr.str(item, "category"), MatterType.valueOf(Attr.str(item, "matterType")),
                Attr.flag(item, "emergency"), Attr.list(item, "reportIds"), Attr.list(item, "reporterIds"),
                location, Attr.str(item, "buildingCode"), placement, assignee, Attr.str(item, "queueNode"),
                Times.parseStored(Attr.str(item, "createdAt")), Times.parseStored(Attr.str(item, "deadline")),
                Attr.num(item, "version", 1));
    }

    private static void putNode(Map<String, AttributeValue> item, String prefix, NodeRef n) {
        if (n == null) return;
        item.put(prefix + "Code", Attr.s(n.code()));
        Attr.put(item, prefix + "Name", n.name());
        item.put(prefix + "Level", Attr.s(n.level().name()));
    }

    private static NodeRef node(Map<String, AttributeValue> item, String prefix) {
        String code = Attr.str(item, prefix + "Code");
        if (code == null) return null;
        return new NodeRef(code, Attr.str(item, prefix + "Name"), Level.valueOf(Attr.str(item, prefix + "Level")));
    }
}
