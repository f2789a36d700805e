package org.linli.adapters.dynamo.cases;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.linli.adapters.dynamo.Attr;
import org.linli.adapters.dynamo.BatchGets;
import org.linli.adapters.dynamo.DynamoCalls;
import org.linli.notify.ReporterPhones;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * A reporter's phones in a case: the case's report ids (one GetItem, projected), then its reports'
 * reporter and phone (one BatchGetItem per 100 reports, projected) - nothing else of the case or
 * its reports is read.
 */
public final class DynamoReporterPhones implements ReporterPhones {
    private static final int BATCH = 100;
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoReporterPhones(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public List<String> phones(String caseId, String reporterId) {
        var c = DynamoCalls.call("GetItem case reports", () -> dynamo.getItem(b -> b.tableName(table).key(CasesKeys.caseKey(caseId))
                .projectionExpression("reportIds")));
        if (!c.hasItem() || c.item().isEmpty()) return List.of();
        List<String> reportIds = Attr.list(c.item(), "reportIds");
        Set<String> phones = new LinkedHashSet<>();
        for (int i = 0; i < reportIds.size(); i += BATCH) {
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            for (String id : reportIds.subList(i, Math.min(reportIds.size(), i + BATCH))) keys.add(CasesKeys.report(id));
            var request = KeysAndAttributes.builder().keys(keys).projectionExpression("reporterId, contactPhone").build();
            for (Map<String, AttributeValue> r : BatchGets.all(dynamo, Map.of(table, request), table)) {
                String phone = Attr.str(r, "contactPhone");
                if (phone != null && reporterId.equals(Attr.str(r, "reporterId"))) phones.add(phone);
            }
        }
        return List.copyOf(phones);
    }
}
