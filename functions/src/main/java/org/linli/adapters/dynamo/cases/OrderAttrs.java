package org.linli.adapters.dynamo.cases;

import java.util.Map;
import org.linli.adapters.dynamo.Attr;
import org.linli.report.WorkOrder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The work order a report or case came from, as the same three attributes on both items. */
final class OrderAttrs {
    private OrderAttrs() {}

    static void put(Map<String, AttributeValue> item, WorkOrder o) {
        if (o == null) return;
        item.put("orderNo", Attr.s(o.orderNo()));
        Attr.put(item, "orderDueBy", o.dueBy());
        if (o.urgent()) item.put("orderUrgent", Attr.bool(true));
    }

    static WorkOrder read(Map<String, AttributeValue> item) {
        String no = Attr.str(item, "orderNo");
        return no == null ? null : new WorkOrder(no, Attr.instant(item, "orderDueBy"), Attr.flag(item, "orderUrgent"));
    }
}
