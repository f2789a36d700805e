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
 * A hot unit's (the root's, a district's, a department's) ADD goes to one of its shards, chosen
 * by the case ({@link KpiKeys#HOT_UNIT_SHARDS}), so that concurrent folds rarely write one item;
 * every read adds a unit's shards up - one Query where a GetItem was.
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
            u.tableName(table).key(KpiKeys.foldTarget(key.unit(), key.month(), after.facts().caseId())).updateExpression(expr.toString())
                    .expressionAttributeNames(names).expressionAttributeValues(values);
        }).build()));
        return Transactions.write(dynamo, "kpi fold", items) == Transactions.DONE;
    }

    @Override
    public Optional<Stored> unit(String code, YearMonth month) {
        return KpiItems.merged(monthAndShards(code, month, false)).stream().findFirst();
    }

    /** A unit's month item and its shards (none for a unit that is not hot). */
    private List<Map<String, AttributeValue>> monthAndShards(String code, YearMonth month, boolean consistent) {
        return all(b -> b.keyConditionExpression(TableKeys.PK + " = :p AND begins_with(" + TableKeys.SK + ", :m)").consistentRead(consistent)
                .expressionAttributeValues(Map.of(":p", Attr.s(KpiKeys.UNIT + code), ":m", Attr.s(KpiKeys.monthPrefix(month)))));
    }

    @Override
    public List<Stored> ranked(String rankParent, YearMonth month) {
        return KpiItems.merged(all(b -> b.indexName(KpiKeys.BY_RANK).keyConditionExpression(KpiKeys.RANK_PK + " = :p")
                .expressionAttributeValues(Map.of(":p", Attr.s(KpiKeys.rankPartition(rankParent, month))))));
    }

    @Override
    public List<Stored> months(String code, Year year) {
        return KpiItems.merged(all(b -> b.keyConditionExpression(TableKeys.PK + " = :p AND " + TableKeys.SK + " BETWEEN :a AND :z")
                .expressionAttributeValues(Map.of(":p", Attr.s(KpiKeys.UNIT + code), ":a", Attr.s(KpiKeys.UNIT_MONTH + year + "-01"),
                        ":z", Attr.s(KpiKeys.yearEnd(year))))));
    }

    @Override
    public List<Stored> unitsOf(YearMonth month) {
        return KpiItems.merged(byMonth(month, KpiKeys.MONTH_UNIT));
    }

    @Override
    public List<Folded> foldsOf(YearMonth month) {
        return byMonth(month, KpiKeys.MONTH_FOLD).stream().map(KpiItems::folded).toList();
    }

    @Override
    public boolean correct(UnitMonth key, Tally read, Tally delta) {
        if (KpiKeys.hot(key.unit())) return correctShards(key, read, delta);
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        StringBuilder expr = new StringBuilder("SET ");
        KpiItems.identity(key.unit(), key.month(), expr, names, values);
        expr.append(KpiItems.add(delta, names, values));
        String condition = holding(read, names, values);
        try {
            DynamoCalls.call("UpdateItem kpi repair", () -> dynamo.updateItem(b -> b.tableName(table)
                    .key(KpiKeys.unitMonth(key.unit().code(), key.month())).updateExpression(expr.toString())
                    .conditionExpression(condition).expressionAttributeNames(names).expressionAttributeValues(values)));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /**
     * A hot unit's repair: its counters are the sum of its items, which no condition can state, so the items are read
     * (consistently) and the repair - an ADD on the unit's month item - is written in one transaction with a check
     * that every item still holds what was read.
     */
    private boolean correctShards(UnitMonth key, Tally read, Tally delta) {
        String code = key.unit().code();
        Map<String, Tally> held = new HashMap<>();
        Tally sum = Tally.ZERO;
        for (Map<String, AttributeValue> item : monthAndShards(code, key.month(), true)) {
            Tally t = KpiItems.tally(item).casePart();
            held.put(Attr.str(item, TableKeys.SK), t);
            sum = sum.plus(t);
        }
        if (!sum.equals(read)) return false;
        List<TransactWriteItem> items = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        StringBuilder expr = new StringBuilder("SET ");
        KpiItems.identity(key.unit(), key.month(), expr, names, values);
        expr.append(KpiItems.add(delta, names, values));
        Map<String, AttributeValue> home = KpiKeys.unitMonth(code, key.month());
        String homeCondition = holding(held.getOrDefault(Attr.str(home, TableKeys.SK), Tally.ZERO), names, values);
        items.add(TransactWriteItem.builder().update(u -> u.tableName(table).key(home).updateExpression(expr.toString())
                .conditionExpression(homeCondition).expressionAttributeNames(names).expressionAttributeValues(values)).build());
        for (int shard = 1; shard <= KpiKeys.HOT_UNIT_SHARDS; shard++) {
            Map<String, AttributeValue> k = KpiKeys.shard(code, key.month(), shard);
            Map<String, String> n = new HashMap<>();
            Map<String, AttributeValue> v = new HashMap<>();
            String condition = holding(held.getOrDefault(Attr.str(k, TableKeys.SK), Tally.ZERO), n, v);
            items.add(TransactWriteItem.builder().conditionCheck(c -> c.tableName(table).key(k).conditionExpression(condition)
                    .expressionAttributeNames(n).expressionAttributeValues(v)).build());
        }
        return Transactions.write(dynamo, "kpi repair", items) == Transactions.DONE;
    }

    /** A condition that an item's case counters are {@code read} (ZERO: absent or all zero). */
    private static String holding(Tally read, Map<String, String> names, Map<String, AttributeValue> values) {
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
        return String.join(" AND ", conditions);
    }

    private List<Map<String, AttributeValue>> byMonth(YearMonth month, String prefix) {
        return all(b -> b.indexName(KpiKeys.BY_MONTH).keyConditionExpression(KpiKeys.MONTH_PK + " = :p AND begins_with(" + KpiKeys.MONTH_SK + ", :s)")
                .expressionAttributeValues(Map.of(":p", Attr.s(KpiKeys.monthPartition(month)), ":s", Attr.s(prefix))));
    }

    private List<Map<String, AttributeValue>> all(java.util.function.UnaryOperator<QueryRequest.Builder> query) {
        return Queries.all(dynamo, "kpi", b -> query.apply(b.tableName(table)));
    }
}
