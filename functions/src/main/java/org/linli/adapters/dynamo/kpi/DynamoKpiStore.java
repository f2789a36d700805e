package org.linli.adapters.dynamo.kpi;

import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.linli.adapters.dynamo.Attr;
import org.linli.adapters.dynamo.DynamoCalls;
import org.linli.adapters.dynamo.Queries;
import org.linli.adapters.dynamo.TableKeys;
import org.linli.adapters.dynamo.Transactions;
import org.linli.kpi.Counter;
import org.linli.kpi.KpiStore;
import org.linli.kpi.Tally;
import org.linli.kpi.UnitMonth;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * {@link KpiStore} on the KPI table. A fold is one TransactWriteItems: the case's fold record
 * (conditional on the version read) and one ADD per unit whose counters change - no
 * read-modify-write of counters, so concurrent folds of different cases never lose an update.
 */
public final class DynamoKpiStore implements KpiStore {
    /** A transaction holds at most 100 items: the fold record and 99 units (a case has about ten). */
    private static final int MAX_UNITS = 99;

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoKpiStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<Folded> folded(String caseId) {
        var r = DynamoCalls.call("GetItem fold", () -> dynamo.getItem(b -> b.tableName(table).key(KpiKeys.fold(caseId))
                .consistentRead(true)));
        return r.hasItem() && !r.item().isEmpty() ? Optional.of(KpiItems.folded(r.item())) : Optional.empty();
    }

    @Override
    public boolean fold(Folded before, Folded after, Map<UnitMonth, Tally> deltas) {
        if (deltas.size() > MAX_UNITS) throw new IllegalStateException("a case in " + deltas.size() + " units");
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().put(p -> {
            p.tableName(table).item(KpiItems.foldItem(after));
            if (before == null) {
                p.conditionExpression(TableKeys.ABSENT);
            } else {
                p.conditionExpression("version = :v AND definitions = :d")
                        .expressionAttributeValues(Map.of(":v", Attr.n(before.facts().version()), ":d", Attr.n(before.definitions())));
            }
        }).build());
        deltas.forEach((key, delta) -> items.add(TransactWriteItem.builder().update(u -> {
            Map<String, String> names = new HashMap<>();
            Map<String, AttributeValue> values = new HashMap<>();
            StringBuilder expr = new StringBuilder("SET ");
            KpiItems.identity(key.unit(), key.month(), expr, names, values);
            expr.append(KpiItems.add(delta, names, values));
            u.tableName(table).key(KpiKeys.unitMonth(key.unit().code(), key.month())).updateExpression(expr.toString())
                    .expressionAttributeNames(names).expressionAttributeValues(values);
        }).build()));
        return Transactions.write(dynamo, "kpi fold", items) == Transactions.DONE;
    }

    @Override
    public Optional<Stored> unit(String code, YearMonth month) {
        var r = DynamoCalls.call("GetItem kpi", () -> dynamo.getItem(b -> b.tableName(table).key(KpiKeys.unitMonth(code, month))));
        return r.hasItem() && !r.item().isEmpty() ? Optional.of(KpiItems.stored(r.item())) : Optional.empty();
    }

    @Override
    public List<Stored> ranked(String rankParent, YearMonth month) {
        return all(b -> b.indexName(KpiKeys.BY_RANK).keyConditionExpression(KpiKeys.RANK_PK + " = :p")
                .expressionAttributeValues(Map.of(":p", Attr.s(KpiKeys.rankPartition(rankParent, month)))))
                .stream().map(KpiItems::stored).toList();
    }

    @Override
    public List<Stored> months(String code, Year year) {
        return all(b -> b.keyConditionExpression(TableKeys.PK + " = :p AND " + TableKeys.SK + " BETWEEN :a AND :z")
                .expressionAttributeValues(Map.of(":p", Attr.s(KpiKeys.UNIT + code), ":a", Attr.s(KpiKeys.UNIT_MONTH + year + "-01"),
                        ":z", Attr.s(KpiKeys.UNIT_MONTH + year + "-12"))))
                .stream().map(KpiItems::stored).toList();
    }

    @Override
    public List<Stored> unitsOf(YearMonth month) {
        return byMonth(month, KpiKeys.MONTH_UNIT).stream().map(KpiItems::stored).toList();
    }

    @Override
    public List<Folded> foldsOf(YearMonth month) {
        return byMonth(month, KpiKeys.MONTH_FOLD).stream().map(KpiItems::folded).toList();
    }

    @Override
    public boolean correct(UnitMonth key, Tally read, Tally delta) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        StringBuilder expr = new StringBuilder("SET ");
        KpiItems.identity(key.unit(), key.month(), expr, names, values);
        expr.append(KpiItems.add(delta, names, values));
        List<String> conditions = new ArrayList<>();
        values.put(":zero", Attr.n(0));
        for (Counter c : Counter.values()) {
            if (!c.fromCases()) continue;
            String n = "#r_" + c.wire();
            names.put(n, c.wire());
            long v = read.get(c);
            if (v == 0) {
                conditions.add("(attribute_not_exists(" + n + ") OR " + n + " = :zero)");
            } else {
                values.put(":r_" + c.wire(), Attr.n(v));
                conditions.add(n + " = :r_" + c.wire());
            }
        }
        try {
            DynamoCalls.call("UpdateItem kpi repair", () -> dynamo.updateItem(b -> b.tableName(table)
                    .key(KpiKeys.unitMonth(key.unit().code(), key.month())).updateExpression(expr.toString())
                    .conditionExpression(String.join(" AND ", conditions))
                    .expressionAttributeNames(names).expressionAttributeValues(values)));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private List<Map<String, AttributeValue>> byMonth(YearMonth month, String prefix) {
        return all(b -> b.indexName(KpiKeys.BY_MONTH).keyConditionExpression(KpiKeys.MONTH_PK + " = :p AND begins_with(" + KpiKeys.MONTH_SK + ", :s)")
                .expressionAttributeValues(Map.of(":p", Attr.s(KpiKeys.monthPartition(month)), ":s", Attr.s(prefix))));
    }

    private List<Map<String, AttributeValue>> all(java.util.function.UnaryOperator<QueryRequest.Builder> query) {
        return Queries.all(dynamo, "kpi", b -> query.apply(b.tableName(table)));
    }
}
