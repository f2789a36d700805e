package org.linli.adapters.dynamo.cases;

import java.util.HashMap;
import java.util.Map;
import org.linli.adapters.dynamo.Attr;
import org.linli.cases.Case;
import org.linli.cases.CaseStore;
import org.linli.cases.SummonsTask;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Summons tasks: a summary list on the case item (what the workflow reads), and one item per
 * task beside it ({@code TASK#<department>}) that sits in the department's queue while open.
 */
final class TaskItems {
    private TaskItems() {}

    static AttributeValue toMap(SummonsTask t) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("department", Attr.s(t.department()));
        Attr.put(m, "departmentName", t.departmentName());
        m.put("status", Attr.s(t.status().name()));
        Attr.put(m, "summonedAt", t.summonedAt());
        Attr.put(m, "deadline", t.deadline());
        Attr.put(m, "result", t.result());
        return AttributeValue.fromM(m);
    }

    static SummonsTask fromMap(Map<String, AttributeValue> m) {
        return new SummonsTask(Attr.str(m, "department"), Attr.str(m, "departmentName"),
                SummonsTask.Status.valueOf(Attr.str(m, "status")), Attr.instant(m, "summonedAt"), Attr.instant(m, "deadline"),
                Attr.str(m, "result"));
    }

    static Map<String, AttributeValue> toItem(Case c, SummonsTask t) {
        Map<String, AttributeValue> item = new HashMap<>(toMap(t).m());
        item.putAll(CasesKeys.task(c.id(), t.department()));
        item.put("type", Attr.s("TASK"));
        item.put("caseId", Attr.s(c.id()));
        item.put("category", Attr.s(c.category()));
        if (t.open()) {
            item.put(CasesKeys.DEPARTMENT_PK, Attr.s(CasesKeys.departmentPartition(t.department())));
            item.put(CasesKeys.DEPARTMENT_SK, Attr.s(org.linli.core.Times.stored(t.deadline()) + "#" + c.id()));
        }
        return item;
    }

    static CaseStore.DepartmentTask fromItem(Map<String, AttributeValue> item) {
        return new CaseStore.DepartmentTask(Attr.str(item, "caseId"), Attr.str(item, "category"), fromMap(item));
    }
}
