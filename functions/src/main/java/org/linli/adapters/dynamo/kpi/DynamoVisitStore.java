package org.linli.adapters.dynamo.kpi;

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
import org.linli.adapters.dynamo.registers.DynamoHouseholdStore;
import org.linli.kpi.Counter;
import org.linli.kpi.Tally;
import org.linli.kpi.Unit;
import org.linli.patrol.Patrol;
import org.linli.registers.Visit;
import org.linli.registers.VisitStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * {@link VisitStore}: visits in RegistersTable ({@code VISITS#<community> / <dueMonth>#<visitId>}:
 * no personal data but the note and findings the visitor wrote, the household by id), the period
 * last credited on the household's item ({@code visitPeriod}, {@code lastVisitAt}), the counters
 * {@code visitsDue}/{@code visitsDone} on the KPI table's unit months. A visit is one
 * TransactWriteItems: the visit ({@code attribute_not_exists}), the household (conditional on its
 * period not yet credited) and every node of its path; when the period is already credited the
 * condition fails and the visit alone is stored - two write requests for a second visit in a period.
 */
public final class DynamoVisitStore implements VisitStore {
    private final DynamoDbClient dynamo;
    private final String registers;
    private final String kpis;

    public DynamoVisitStore(DynamoDbClient dynamo, String registersTable, String kpiTable) {
        this.dynamo = dynamo;
        this.registers = registersTable;
        this.kpis = kpiTable;
    }

    static String partition(String community) {
        return "VISITS#" + community;
    }

    @Override
    public Recorded record(Visit visit) {
        for (boolean credit : new boolean[] {true, false}) {
            Visit v = visit.credited(credit);
            List<TransactWriteItem> items = new ArrayList<>();
            items.add(TransactWriteItem.builder().put(b -> b.tableName(registers).item(toItem(v))
                    .conditionExpression(TableKeys.ABSENT)).build());
            if (credit) {
                items.add(TransactWriteItem.builder().update(u -> u.tableName(registers)
                        .key(TableKeys.key(DynamoHouseholdStore.partition(v.community()), DynamoHouseholdStore.sort(v.householdId())))
                        .conditionExpression("attribute_exists(pk) AND (attribute_not_exists(visitPeriod) OR visitPeriod < :p)")
                        .updateExpression("SET visitPeriod = :p, lastVisitAt = :at")
                        .expressionAttributeValues(Map.of(":p", Attr.s(v.dueMonth().toString()),
                                ":at", Attr.s(org.linli.core.Times.stored(v.visitedAt()))))).build());
                items.addAll(counterUpdates(v.path(), v.dueMonth(), Tally.ZERO.with(Counter.VISITS_DONE, 1)));
            }
            int failed = Transactions.write(dynamo, "visit", items);
            if (failed == Transactions.DONE) return new Stored(v);
            if (failed == 0) return new Existing(find(v).orElseThrow());
            // failed == 1: the household's period is already credited; store the visit uncredited.
        }
        throw new IllegalStateException("an uncredited visit has no period condition");
    }

    private Optional<Visit> find(Visit v) {
        var r = DynamoCalls.call("GetItem visit", () -> dynamo.getItem(b -> b.tableName(registers).key(key(v)).consistentRead(true)));
        return r.hasItem() && !r.item().isEmpty() ? Optional.of(fromItem(r.item())) : Optional.empty();
    }

    @Override
    public boolean addDue(String community, String householdId, List<String> path, YearMonth dueMonth) {
        List<TransactWriteItem> items = new ArrayList<>();
        // The marker and the counters in one transaction: a retried or re-run count fails on the marker and adds nothing.
        items.add(TransactWriteItem.builder().update(u -> u.tableName(registers)
                .key(TableKeys.key(DynamoHouseholdStore.partition(community), DynamoHouseholdStore.sort(householdId)))
                .conditionExpression("attribute_exists(pk) AND (attribute_not_exists(duePeriod) OR duePeriod < :p)")
                .updateExpression("SET duePeriod = :p")
                .expressionAttributeValues(Map.of(":p", Attr.s(dueMonth.toString())))).build());
        items.addAll(counterUpdates(path, dueMonth, Tally.ZERO.with(Counter.VISITS_DUE, 1)));
        return Transactions.write(dynamo, "visits due", items) == Transactions.DONE;
    }

    private List<TransactWriteItem> counterUpdates(List<String> path, YearMonth month, Tally delta) {
        List<TransactWriteItem> items = new ArrayList<>();
        for (int i = path.size() - 1; i >= 0; i--) {
            Unit unit = Unit.node(path.subList(0, i + 1));
            items.add(TransactWriteItem.builder().update(u -> {
                Map<String, String> names = new HashMap<>();
                Map<String, AttributeValue> values = new HashMap<>();
                StringBuilder expr = new StringBuilder("SET ");
                KpiItems.identity(unit, month, expr, names, values);
                expr.append(KpiItems.add(delta, names, values));
                u.tableName(kpis).key(KpiKeys.unitMonth(unit.code(), month)).updateExpression(expr.toString())
                        .expressionAttributeNames(names).expressionAttributeValues(values);
            }).build());
        }
        return items;
    }

    @Override
    public List<BoundHousehold> boundTo(String userId) {
        List<BoundHousehold> out = new ArrayList<>();
        for (var item : Queries.all(dynamo, "ByBound", q -> q.tableName(registers).indexName(DynamoHouseholdStore.BY_BOUND)
                .keyConditionExpression(DynamoHouseholdStore.BOUND_PK + " = :p")
                .expressionAttributeValues(Map.of(":p", Attr.s("BOUND#" + userId))))) {
            out.add(bound(item));
        }
        return out;
    }

    @Override
    public List<BoundHousehold> boundIn(String community) {
        List<BoundHousehold> out = new ArrayList<>();
        // Only the listing's attributes: a list decrypts nothing.
        for (var item : Queries.all(dynamo, registers, q -> q.tableName(registers).keyConditionExpression("pk = :p")
                .filterExpression("attribute_exists(boundTo)")
                .projectionExpression("id, community, buildingCode, #u, room, headMasked, memberCount, careCount, boundTo, rhythm, boundSince, lastVisitAt, duePeriod")
                .expressionAttributeNames(Map.of("#u", "unit"))
                .expressionAttributeValues(Map.of(":p", Attr.s(DynamoHouseholdStore.partition(community)))))) {
            out.add(bound(item));
        }
        return out;
    }

    private static BoundHousehold bound(Map<String, AttributeValue> item) {
        String due = Attr.str(item, "duePeriod");
        return new BoundHousehold(DynamoHouseholdStore.listing(item), Attr.instant(item, "boundSince"), Attr.instant(item, "lastVisitAt"),
                due == null ? null : YearMonth.parse(due));
    }

    @Override
    public List<Visit> visitsOf(String community, YearMonth dueMonth) {
        List<Visit> out = new ArrayList<>();
        for (var item : Queries.all(dynamo, registers, q -> q.tableName(registers)
                .keyConditionExpression("pk = :p AND begins_with(sk, :m)")
                .expressionAttributeValues(Map.of(":p", Attr.s(partition(community)), ":m", Attr.s(dueMonth + "#"))))) {
            out.add(fromItem(item));
        }
        return out;
    }

    @Override
    public long[] counters(Unit unit, YearMonth month) {
        var r = DynamoCalls.call("GetItem kpi unit", () -> dynamo.getItem(b -> b.tableName(kpis).key(KpiKeys.unitMonth(unit.code(), month))
                .consistentRead(true)));
        Tally t = r.hasItem() ? KpiItems.tally(r.item()) : Tally.ZERO;
        return new long[] {t.get(Counter.VISITS_DUE), t.get(Counter.VISITS_DONE)};
    }

    @Override
    public boolean correct(Unit unit, YearMonth month, long[] read, long[] delta) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        StringBuilder expr = new StringBuilder("SET ");
        KpiItems.identity(unit, month, expr, names, values);
        expr.append(KpiItems.add(Tally.ZERO.with(Counter.VISITS_DUE, delta[0]).with(Counter.VISITS_DONE, delta[1]), names, values));
        List<String> conditions = new ArrayList<>();
        Counter[] counters = {Counter.VISITS_DUE, Counter.VISITS_DONE};
        for (int i = 0; i < 2; i++) {
            String n = "#r_" + counters[i].wire();
            names.put(n, counters[i].wire());
            if (read[i] == 0) {
                values.put(":zero", Attr.n(0)); // only when used: DynamoDB refuses an unused value
                conditions.add("(attribute_not_exists(" + n + ") OR " + n + " = :zero)");
            } else {
                values.put(":r_" + counters[i].wire(), Attr.n(read[i]));
                conditions.add(n + " = :r_" + counters[i].wire());
            }
        }
        try {
            DynamoCalls.call("UpdateItem visit repair", () -> dynamo.updateItem(b -> b.tableName(kpis)
                    .key(KpiKeys.unitMonth(unit.code(), month)).updateExpression(expr.toString())
                    .conditionExpression(String.join(" AND ", conditions))
                    .expressionAttributeNames(names).expressionAttributeValues(values)));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private static Map<String, AttributeValue> key(Visit v) {
        return TableKeys.key(partition(v.community()), v.dueMonth() + "#" + v.id());
    }

    private static Map<String, AttributeValue> toItem(Visit v) {
        Map<String, AttributeValue> item = new HashMap<>(key(v));
        item.put("type", Attr.s("VISIT"));
        item.put("visitId", Attr.s(v.id()));
        item.put("community", Attr.s(v.community()));
        item.put("householdId", Attr.s(v.householdId()));
        item.put("visitorId", Attr.s(v.visitorId()));
        item.put("path", Attr.strings(v.path()));
        Attr.put(item, "visitedAt", v.visitedAt());
        item.put("dueMonth", Attr.s(v.dueMonth().toString()));
        Attr.put(item, "note", v.note());
        List<AttributeValue> findings = new ArrayList<>();
        for (Patrol.Finding f : v.findings()) {
            Map<String, AttributeValue> m = new HashMap<>();
            m.put("note", Attr.s(f.note()));
            Attr.put(m, "category", f.category());
            Attr.put(m, "reportId", f.reportId());
            findings.add(AttributeValue.fromM(m));
        }
        item.put("findings", AttributeValue.fromL(findings));
        item.put("credited", Attr.bool(v.credited()));
        Attr.put(item, "createdAt", v.createdAt());
        return item;
    }

    private static Visit fromItem(Map<String, AttributeValue> item) {
        List<Patrol.Finding> findings = new ArrayList<>();
        AttributeValue fs = item.get("findings");
        if (fs != null && fs.hasL()) {
            for (AttributeValue f : fs.l()) {
                Map<String, AttributeValue> m = f.m();
                findings.add(new Patrol.Finding(Attr.str(m, "note"), List.of(), Attr.str(m, "category"), Attr.str(m, "reportId")));
            }
        }
        return new Visit(Attr.str(item, "visitId"), Attr.str(item, "community"), Attr.str(item, "householdId"),
                Attr.str(item, "visitorId"), Attr.list(item, "path"), Attr.instant(item, "visitedAt"),
                YearMonth.parse(Attr.str(item, "dueMonth")), Attr.str(item, "note"), findings, Attr.flag(item, "credited"),
                Attr.instant(item, "createdAt"));
    }
}
