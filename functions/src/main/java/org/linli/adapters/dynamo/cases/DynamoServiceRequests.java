package org.linli.adapters.dynamo.cases;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.linli.adapters.dynamo.Attr;
import org.linli.adapters.dynamo.BatchGets;
import org.linli.adapters.dynamo.DynamoCalls;
import org.linli.cases.Case;
import org.linli.cases.CaseStatus;
import org.linli.core.Ids;
import org.linli.core.Times;
import org.linli.open311.ServiceRequests;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * {@link ServiceRequests} on the cases table: a range is one Query per month on the ByMonth
 * index (newest first, filtered server-side by category and status), then one BatchGetItem per
 * hundred cases for the descriptions of their first reports.
 */
public final class DynamoServiceRequests implements ServiceRequests {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoServiceRequests(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Map<String, Found> byIds(Collection<String> caseIds) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (String id : new LinkedHashSet<>(caseIds)) if (Ids.looksLike(id, "case")) keys.add(CasesKeys.caseKey(id));
        List<Map<String, AttributeValue>> items = get(keys);
        Map<String, Found> out = new HashMap<>();
        for (Found f : withDescriptions(items)) out.put(f.c().id(), f);
        return out;
    }

    @Override
    public List<Found> between(Instant start, Instant end, Set<String> categories, Set<CaseStatus> statuses, int limit) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        YearMonth first = YearMonth.from(start.atZone(Times.CHINA));
        for (YearMonth m = YearMonth.from(end.atZone(Times.CHINA)); !m.isBefore(first) && items.size() < limit; m = m.minusMonths(1)) {
            Map<String, String> names = new HashMap<>();
            Map<String, AttributeValue> values = new HashMap<>();
            values.put(":p", Attr.s(CasesKeys.openedPartition(m)));
            values.put(":a", Attr.s(Times.stored(start) + "#"));
            values.put(":z", Attr.s(Times.stored(end) + "#~"));
            List<String> filters = new ArrayList<>();
            if (!categories.isEmpty()) filters.add(in("category", categories.stream().toList(), "c", names, values));
            if (!statuses.isEmpty()) filters.add(in("status", statuses.stream().map(Enum::name).toList(), "s", names, values));
            Map<String, AttributeValue> startKey = null;
            do {
                Map<String, AttributeValue> from = startKey;
                QueryResponse r = DynamoCalls.call("Query ByMonth", () -> dynamo.query(b -> {
                    b.tableName(table).indexName(CasesKeys.BY_MONTH).scanIndexForward(false)
                            .keyConditionExpression(CasesKeys.MONTH_PK + " = :p AND " + CasesKeys.MONTH_SK + " BETWEEN :a AND :z")
                            .expressionAttributeValues(values).exclusiveStartKey(from);
                    if (!filters.isEmpty()) b.filterExpression(String.join(" AND ", filters)).expressionAttributeNames(names);
                }));
                for (Map<String, AttributeValue> i : r.items()) if (items.size() < limit) items.add(i);
                startKey = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
            } while (startKey != null && items.size() < limit);
        }
        return withDescriptions(items);
    }

    private static String in(String attr, List<String> options, String prefix, Map<String, String> names,
                             Map<String, AttributeValue> values) {
        names.put("#" + prefix, attr);
        List<String> refs = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            values.put(":" + prefix + i, Attr.s(options.get(i)));
            refs.add(":" + prefix + i);
        }
        return "#" + prefix + " IN (" + String.join(", ", refs) + ")";
    }

    /** The cases of {@code items}, in order, each with its first report's description (one BatchGetItem per 100). */
    private List<Found> withDescriptions(List<Map<String, AttributeValue>> items) {
        List<Map<String, AttributeValue>> reportKeys = new ArrayList<>();
        for (var i : items) {
            List<String> reports = Attr.list(i, "reportIds");
            if (!reports.isEmpty()) reportKeys.add(CasesKeys.report(reports.get(0)));
        }
        Map<String, Map<String, AttributeValue>> reports = new HashMap<>();
        for (var r : get(reportKeys)) reports.put(Attr.str(r, "reportId"), r);
        List<Found> out = new ArrayList<>();
        for (var i : items) {
            Case c = CaseItems.fromItem(i);
            var report = c.reportIds().isEmpty() ? null : reports.get(c.reportIds().get(0));
            Instant updated = Attr.instant(i, "updatedAt");
            out.add(new Found(c, updated == null ? c.createdAt() : updated, report == null ? null : Attr.str(report, "description"),
                    report == null ? null : Attr.str(report, "contactName"),
                    report == null || Attr.flag(report, "anonymousToPublic") ? List.of() : Attr.list(report, "photoKeys")));
        }
        return out;
    }

    private List<Map<String, AttributeValue>> get(List<Map<String, AttributeValue>> keys) {
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        for (int i = 0; i < keys.size(); i += 100) {
            var chunk = keys.subList(i, Math.min(keys.size(), i + 100));
            out.addAll(BatchGets.all(dynamo, Map.of(table, KeysAndAttributes.builder().keys(chunk).build()), table));
        }
        return out;
    }
}
