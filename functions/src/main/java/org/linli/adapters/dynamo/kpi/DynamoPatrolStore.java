package org.linli.adapters.dynamo.kpi;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.linli.adapters.dynamo.Attr;
import org.linli.adapters.dynamo.Cursors;
import org.linli.adapters.dynamo.DynamoCalls;
import org.linli.adapters.dynamo.Queries;
import org.linli.adapters.dynamo.TableKeys;
import org.linli.adapters.dynamo.Transactions;
import org.linli.core.Page;
import org.linli.core.Times;
import org.linli.kpi.Counter;
import org.linli.kpi.Tally;
import org.linli.kpi.Unit;
import org.linli.patrol.Patrol;
import org.linli.patrol.PatrolStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * {@link PatrolStore} on the KPI table. A visit is one TransactWriteItems: the visit
 * ({@code attribute_not_exists}), its unit's month (visits + credited, conditional on fewer than N
 * credited) and every node above it. When the unit's plan is already met the condition fails and
 * a second transaction records the visit uncredited - two write requests for visits beyond the plan.
 */
public final class DynamoPatrolStore implements PatrolStore {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoPatrolStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Recorded record(Patrol patrol, int visitsPerUnit) {
        for (boolean credit : new boolean[] {true, false}) {
            Patrol p = patrol.credited(credit);
            List<TransactWriteItem> items = new ArrayList<>();
            items.add(TransactWriteItem.builder().put(b -> b.tableName(table).item(toItem(p))
                    .conditionExpression(TableKeys.ABSENT)).build());
            Tally delta = Tally.ZERO.with(Counter.PATROL_VISITS, 1);
            if (credit) delta = delta.with(Counter.PATROL_CREDITED, 1);
            List<String> path = p.path();
            for (int i = path.size() - 1; i >= 0; i--) {
                Unit unit = Unit.node(path.subList(0, i + 1));
                boolean theUnit = i == path.size() - 1;
                Tally d = delta;
                items.add(TransactWriteItem.builder().update(u -> {
                    Map<String, String> names = new HashMap<>();
                    Map<String, AttributeValue> values = new HashMap<>();
                    StringBuilder expr = new StringBuilder("SET ");
                    KpiItems.identity(unit, p.month(), expr, names, values);
                    expr.append(KpiItems.add(d, names, values));
                    if (theUnit && credit) {
                        values.put(":n", Attr.n(visitsPerUnit));
                        u.conditionExpression("attribute_not_exists(#patrolCredited) OR #patrolCredited < :n");
                    }
                    u.tableName(table).key(KpiKeys.unitMonth(unit.code(), p.month())).updateExpression(expr.toString())
                            .expressionAttributeNames(names).expressionAttributeValues(values);
                }).build());
            }
            int failed = Transactions.write(dynamo, "patrol", items);
            if (failed == Transactions.DONE) return new Stored(p);
            if (failed == 0) return new Existing(find(p.id()).orElseThrow());
            // failed == 1: the unit's plan is met this month; record the visit uncredited.
        }
        throw new IllegalStateException("an uncredited visit cannot fail its plan condition");
    }

    @Override
    public Optional<Patrol> find(String id) {
        var r = DynamoCalls.call("GetItem patrol", () -> dynamo.getItem(b -> b.tableName(table).key(KpiKeys.patrol(id)).consistentRead(true)));
        return r.hasItem() && !r.item().isEmpty() ? Optional.of(fromItem(r.item())) : Optional.empty();
    }

    @Override
    public Page<Patrol> byPatroller(String userId, int limit, String cursor) {
        QueryResponse r = Queries.page(dynamo, table, KpiKeys.BY_PATROLLER, KpiKeys.PATROLLER_PK, KpiKeys.PATROLLER_SK, KpiKeys.patrollerPartition(userId), limit, cursor,
                false, b -> b);
        return new Page<>(r.items().stream().map(DynamoPatrolStore::fromItem).toList(), Cursors.encode(r.lastEvaluatedKey()));
    }

    @Override
    public void plan(Unit unit, YearMonth month, String name, String level, long planned) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        StringBuilder expr = new StringBuilder("SET ");
        KpiItems.identity(unit, month, expr, names, values);
        names.put("#name", "name");
        names.put("#level", "level");
        names.put("#planned", Counter.PATROL_PLANNED.wire());
        values.put(":name", Attr.s(name));
        values.put(":level", Attr.s(level));
        values.put(":planned", Attr.n(planned));
        expr.append(", #name = :name, #level = :level, #planned = :planned");
        DynamoCalls.call("UpdateItem plan", () -> dynamo.updateItem(b -> b.tableName(table).key(KpiKeys.unitMonth(unit.code(), month))
                .updateExpression(expr.toString()).expressionAttributeNames(names).expressionAttributeValues(values)));
    }

    private static Map<String, AttributeValue> toItem(Patrol p) {
        Map<String, AttributeValue> item = new HashMap<>(KpiKeys.patrol(p.id()));
        item.put("type", Attr.s("PATROL"));
        item.put("patrolId", Attr.s(p.id()));
        item.put("patrollerId", Attr.s(p.patrollerId()));
        item.put("unit", Attr.s(p.unit()));
        item.put("path", Attr.strings(p.path()));
        Attr.put(item, "buildingCode", p.buildingCode());
        Attr.put(item, "visitedAt", p.visitedAt());
        item.put("month", Attr.s(p.month().toString()));
        Attr.put(item, "note", p.note());
        if (!p.photoKeys().isEmpty()) item.put("photoKeys", Attr.strings(p.photoKeys()));
        List<AttributeValue> findings = new ArrayList<>();
        for (Patrol.Finding f : p.findings()) {
            Map<String, AttributeValue> m = new HashMap<>();
            m.put("note", Attr.s(f.note()));
            if (!f.photoKeys().isEmpty()) m.put("photoKeys", Attr.strings(f.photoKeys()));
            Attr.put(m, "category", f.category());
            Attr.put(m, "reportId", f.reportId());
            findings.add(AttributeValue.fromM(m));
        }
        item.put("findings", AttributeValue.fromL(findings));
        item.put("credited", Attr.bool(p.credited()));
        Attr.put(item, "createdAt", p.createdAt());
        item.put(KpiKeys.PATROLLER_PK, Attr.s(KpiKeys.patrollerPartition(p.patrollerId())));
        item.put(KpiKeys.PATROLLER_SK, Attr.s(Times.stored(p.visitedAt()) + "#" + p.id()));
        return item;
    }

    private static Patrol fromItem(Map<String, AttributeValue> item) {
        List<Patrol.Finding> findings = new ArrayList<>();
        AttributeValue fs = item.get("findings");
        if (fs != null && fs.hasL()) {
            for (AttributeValue f : fs.l()) {
                Map<String, AttributeValue> m = f.m();
                findings.add(new Patrol.Finding(Attr.str(m, "note"), Attr.list(m, "photoKeys"), Attr.str(m, "category"),
                        Attr.str(m, "reportId")));
            }
        }
        return new Patrol(Attr.str(item, "patrolId"), Attr.str(item, "patrollerId"), Attr.str(item, "unit"), Attr.list(item, "path"),
                Attr.str(item, "buildingCode"), Attr.instant(item, "visitedAt"), YearMonth.parse(Attr.str(item, "month")),
                Attr.str(item, "note"), Attr.list(item, "photoKeys"), findings, Attr.flag(item, "credited"),
                Attr.instant(item, "createdAt"));
    }
}
