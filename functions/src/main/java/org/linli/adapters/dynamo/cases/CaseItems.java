package org.linli.adapters.dynamo.cases;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.linli.adapters.dynamo.Attr;
import org.linli.cases.Assignee;
import org.linli.cases.Case;
import org.linli.cases.CaseStatus;
import org.linli.cases.Closure;
import org.linli.cases.Escalation;
import org.linli.cases.Resolution;
import org.linli.cases.SummonsTask;
import org.linli.cases.Tier;
import org.linli.cases.Verdict;
import org.linli.categories.MatterType;
import org.linli.core.Times;
import org.linli.geo.Datum;
import org.linli.geo.GeoPoint;
import org.linli.territory.Level;
import org.linli.territory.NodeRef;
import org.linli.territory.Placement;
import org.linli.territory.WorkerChoice;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Case ⇄ item. The index attributes follow from the state alone, and a case is always written
 * whole (a conditional put), so an item is in exactly the indexes its state calls for: the
 * worker's queue while assigned and open, a dispatch queue while UNASSIGNED/ESCALATED, the due
 * index while open and not flagged, the supervisor's list while open and not waiting for the
 * reporter, the nearby-duplicates index while open.
 */
final class CaseItems {
    private CaseItems() {}

    /**
     * The item of {@code c}, last changed at {@code updatedAt} (the time of the transition being
     * written: Open311's updated_datetime). Every case is in the ByMonth index under the month it
     * was opened (Asia/Shanghai): the KPI recompute and Open311's date-range queries read it.
     */
    static Map<String, AttributeValue> toItem(Case c, java.time.Instant updatedAt) {
        Map<String, AttributeValue> item = new HashMap<>(CasesKeys.caseKey(c.id()));
        String created = Times.stored(c.createdAt());
        Attr.put(item, "updatedAt", updatedAt);
        item.put(CasesKeys.MONTH_PK, Attr.s(CasesKeys.openedPartition(c.createdAt())));
        item.put(CasesKeys.MONTH_SK, Attr.s(created + "#" + c.id()));
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
        item.put("tier", Attr.s(c.tier().name()));
        item.put("tierNode", Attr.s(c.tierNode()));
        Attr.put(item, "cell", c.cell());
        if (c.assignee() != null) {
            item.put("assigneeId", Attr.s(c.assignee().userId()));
            Attr.put(item, "assigneeName", c.assignee().name());
            item.put("assigneeRule", Attr.s(c.assignee().rule().name()));
        }
        item.put("createdAt", Attr.s(created));
        Attr.put(item, "deadline", c.deadline());
        item.put("version", Attr.n(c.version()));
        if (!c.tasks().isEmpty()) item.put("tasks", AttributeValue.fromL(c.tasks().stream().map(TaskItems::toMap).toList()));
        if (c.resolution() != null) {
            Resolution r = c.resolution();
            item.put("result", Attr.s(r.result()));
            if (!r.evidence().isEmpty()) item.put("evidence", Attr.strings(r.evidence()));
            item.put("resolvedBy", Attr.s(r.resolvedBy()));
            Attr.put(item, "resolvedAt", r.resolvedAt());
        }
        if (c.verdict() != null) item.put("verdict", Attr.s(c.verdict().name()));
        if (c.closure() != null) item.put("closure", Attr.s(c.closure().name()));
        Attr.put(item, "closedAt", c.closedAt());
        Attr.put(item, "mergedInto", c.mergedInto());
        item.put("reworkCount", Attr.n(c.reworkCount()));
        item.put("reopenCount", Attr.n(c.reopenCount()));
        item.put("escalations", Attr.n(c.escalations()));
        if (c.overdueFlagged()) item.put("overdueFlagged", Attr.bool(true));
        Attr.put(item, "source", c.source());
        OrderAttrs.put(item, c.order());
        // For good, open or not: the case register of its street (or of the node above any street it sits under).
        String unit = CasesKeys.registerUnit(c.placement().codeAt(Level.STREET), c.territoryPath());
        if (unit != null) {
            item.put(CasesKeys.UNIT_PK, Attr.s(CasesKeys.unitPartition(unit)));
            item.put(CasesKeys.UNIT_SK, Attr.s(created + "#" + c.id()));
        }
        String community = c.placement().codeAt(Level.COMMUNITY);
        if (community != null) { // for good, open or not: the month's cohort of its community
            YearMonth opened = YearMonth.from(c.createdAt().atZone(Times.CHINA));
            item.put(CasesKeys.COMMUNITY_MONTH_PK, Attr.s(CasesKeys.communityMonthPartition(community, opened)));
            item.put(CasesKeys.COMMUNITY_MONTH_SK, Attr.s(created + "#" + c.id()));
        }
        indexes(c, item, created);
        return item;
    }

    private static void indexes(Case c, Map<String, AttributeValue> item, String created) {
        if (!c.status().open()) return;
        String due = Times.stored(c.deadline()) + "#" + c.id();
        if (c.assignee() != null) {
            item.put(CasesKeys.ASSIGNEE_PK, Attr.s(CasesKeys.assigneePartition(c.assignee().userId())));
            item.put(CasesKeys.ASSIGNEE_SK, Attr.s(due));
        }
        if (c.status().inQueue()) {
            item.put("queueNode", Attr.s(c.tierNode()));
            item.put(CasesKeys.QUEUE_PK, Attr.s(CasesKeys.unassignedPartition(c.tierNode())));
            item.put(CasesKeys.QUEUE_SK, Attr.s(created + "#" + c.id()));
        }
        if (!c.overdueFlagged()) {
            item.put(CasesKeys.DUE_PK, Attr.s(CasesKeys.duePartition(c.id())));
            item.put(CasesKeys.DUE_SK, Attr.s(due));
        }
        if (c.status() != CaseStatus.FED_BACK) {
            item.put(CasesKeys.SUPERVISOR_PK, Attr.s(CasesKeys.supervisorPartition(Escalation.supervisorNode(c))));
            item.put(CasesKeys.SUPERVISOR_SK, Attr.s(c.tier().name() + "#" + due));
        }
        if (c.cell() != null) {
            item.put(CasesKeys.NEARBY_PK, Attr.s(CasesKeys.nearbyPartition(c.category(), c.cell())));
            item.put(CasesKeys.NEARBY_SK, Attr.s(created + "#" + c.id()));
        }
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
        CaseStatus status = CaseStatus.valueOf(Attr.str(item, "status"));
        // Cases written before tiers existed: assigned ones sat with their community, the rest in a queue.
        Tier tier = Attr.enumOf(item, "tier", Tier.class);
        String tierNode = Attr.str(item, "tierNode");
        if (tier == null) {
            tier = assignee != null ? Tier.COMMUNITY : Tier.STREET;
            tierNode = Attr.str(item, "queueNode") != null ? Attr.str(item, "queueNode") : placement.codeAt(Level.COMMUNITY);
        }
        List<SummonsTask> tasks = new ArrayList<>();
        AttributeValue t = item.get("tasks");
        if (t != null && t.hasL()) for (AttributeValue m : t.l()) tasks.add(TaskItems.fromMap(m.m()));
        Resolution resolution = item.containsKey("result") ? new Resolution(Attr.str(item, "result"),
                Attr.list(item, "evidence"), Attr.str(item, "resolvedBy"), Attr.instant(item, "resolvedAt")) : null;
        return new Case(Attr.str(item, "caseId"), status, Attr.str(item, "category"),
                MatterType.valueOf(Attr.str(item, "matterType")), Attr.flag(item, "emergency"),
                Attr.list(item, "reportIds"), Attr.list(item, "reporterIds"), location, Attr.str(item, "buildingCode"),
                placement, assignee, tier, tierNode, Attr.str(item, "cell"),
                Times.parseStored(Attr.str(item, "createdAt")), Attr.instant(item, "deadline"), Attr.num(item, "version", 1),
                tasks, resolution, Attr.enumOf(item, "verdict", Verdict.class), Attr.enumOf(item, "closure", Closure.class),
                Attr.instant(item, "closedAt"), Attr.str(item, "mergedInto"), (int) Attr.num(item, "reworkCount", 0),
                (int) Attr.num(item, "reopenCount", 0), (int) Attr.num(item, "escalations", 0),
                Attr.flag(item, "overdueFlagged"), Attr.str(item, "source"), OrderAttrs.read(item));
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
