package org.linli.adapters.dynamo.cases;

import java.util.HashMap;
import java.util.Map;
import org.linli.adapters.dynamo.Attr;
import org.linli.cases.CaseAction;
import org.linli.cases.CaseEvent;
import org.linli.cases.CaseStatus;
import org.linli.cases.Party;
import org.linli.cases.Tier;
import org.linli.categories.MatterType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Audit entries ({@code CASE#id / AUDIT#<version>}): written once, never updated. */
final class AuditItems {
    private AuditItems() {}

    static Map<String, AttributeValue> toItem(CaseEvent e) {
        Map<String, AttributeValue> item = new HashMap<>(CasesKeys.audit(e.caseId(), e.version()));
        item.put("type", Attr.s("AUDIT"));
        item.put("eventId", Attr.s(e.eventId()));
        item.put("caseId", Attr.s(e.caseId()));
        item.put("version", Attr.n(e.version()));
        item.put("action", Attr.s(e.action().name()));
        if (e.from() != null) item.put("from", Attr.s(e.from().name()));
        item.put("to", Attr.s(e.to().name()));
        item.put("actorId", Attr.s(e.actorId()));
        item.put("actorRole", Attr.s(e.actorRole()));
        item.put("actedAs", Attr.s(e.actedAs().name()));
        Attr.put(item, "at", e.at());
        Attr.put(item, "note", e.note());
        if (!e.attachments().isEmpty()) item.put("attachments", Attr.strings(e.attachments()));
        Attr.put(item, "deadlineBefore", e.deadlineBefore());
        Attr.put(item, "deadlineAfter", e.deadlineAfter());
        if (e.tierBefore() != null) item.put("tierBefore", Attr.s(e.tierBefore().name()));
        item.put("tierAfter", Attr.s(e.tierAfter().name()));
        item.put("tierNode", Attr.s(e.tierNode()));
        Attr.put(item, "assigneeId", e.assigneeId());
        Attr.put(item, "previousAssigneeId", e.previousAssigneeId());
        item.put("reporterIds", Attr.strings(e.reporterIds()));
        item.put("path", Attr.strings(e.path()));
        item.put("category", Attr.s(e.category()));
        item.put("matterType", Attr.s(e.matterType().name()));
        if (!e.details().isEmpty()) {
            Map<String, AttributeValue> d = new HashMap<>();
            e.details().forEach((k, v) -> d.put(k, Attr.s(v)));
            item.put("details", AttributeValue.fromM(d));
        }
        return item;
    }

    static CaseEvent fromItem(Map<String, AttributeValue> item) {
        Map<String, String> details = new HashMap<>();
        AttributeValue d = item.get("details");
        if (d != null && d.hasM()) d.m().forEach((k, v) -> details.put(k, v.s()));
        return new CaseEvent(Attr.str(item, "eventId"), Attr.str(item, "caseId"), Attr.num(item, "version", 0),
                CaseAction.valueOf(Attr.str(item, "action")), Attr.enumOf(item, "from", CaseStatus.class),
                CaseStatus.valueOf(Attr.str(item, "to")), Attr.str(item, "actorId"), Attr.str(item, "actorRole"),
                Party.valueOf(Attr.str(item, "actedAs")), Attr.instant(item, "at"), Attr.str(item, "note"),
                Attr.list(item, "attachments"), Attr.instant(item, "deadlineBefore"), Attr.instant(item, "deadlineAfter"),
                Attr.enumOf(item, "tierBefore", Tier.class), Tier.valueOf(Attr.str(item, "tierAfter")),
                Attr.str(item, "tierNode"), Attr.str(item, "assigneeId"), Attr.str(item, "previousAssigneeId"),
                Attr.list(item, "reporterIds"), Attr.list(item, "path"), Attr.str(item, "category"),
                MatterType.valueOf(Attr.str(item, "matterType")), details);
    }
}
