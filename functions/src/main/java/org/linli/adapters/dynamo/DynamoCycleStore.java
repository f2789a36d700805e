package org.linli.adapters.dynamo;

import java.time.Duration;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.linli.core.Page;
import org.linli.cycle.Checkpoint;
import org.linli.cycle.CycleStore;
import org.linli.cycle.MonthlySummary;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The cycle table: dispatch checkpoints {@code CYCLE#<cycleId> / COMMUNITY#<code>} (kept 400 days,
 * TTL) and monthly summaries {@code SUMMARY#<community> / MONTH#<yyyy-mm>} (kept).
 */
public final class DynamoCycleStore implements CycleStore {
    static final Duration KEEP_CHECKPOINTS = Duration.ofDays(400);
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoCycleStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    private static Map<String, AttributeValue> checkpointKey(String cycleId, String community) {
        return Map.of("pk", Attr.s("CYCLE#" + cycleId), "sk", Attr.s("COMMUNITY#" + community));
    }

    private static Map<String, AttributeValue> summaryKey(String community, YearMonth month) {
        return Map.of("pk", Attr.s("SUMMARY#" + community), "sk", Attr.s("MONTH#" + month));
    }

    @Override
    public Optional<Checkpoint> checkpoint(String cycleId, String community) {
        var r = DynamoCalls.call("GetItem checkpoint", () -> dynamo.getItem(b -> b.tableName(table)
                .key(checkpointKey(cycleId, community)).consistentRead(true)));
        if (!r.hasItem() || r.item().isEmpty()) return Optional.empty();
        Map<String, AttributeValue> i = r.item();
        return Optional.of(new Checkpoint(cycleId, community, (int) Attr.num(i, "kindIndex", 0), Attr.str(i, "cursor"),
                Attr.num(i, "sent", 0), Attr.num(i, "pages", 0), Attr.flag(i, "done"), Attr.num(i, "version", 0),
                Attr.instant(i, "startedAt"), Attr.instant(i, "updatedAt")));
    }

    @Override
    public boolean save(Checkpoint c) {
        Map<String, AttributeValue> item = new HashMap<>(checkpointKey(c.cycleId(), c.community()));
        item.put("cycleId", Attr.s(c.cycleId()));
        item.put("community", Attr.s(c.community()));
        item.put("kindIndex", Attr.n(c.kindIndex()));
        Attr.put(item, "cursor", c.cursor());
        item.put("sent", Attr.n(c.sent()));
        item.put("pages", Attr.n(c.pages()));
        item.put("done", Attr.bool(c.done()));
        item.put("version", Attr.n(c.version()));
        Attr.put(item, "startedAt", c.startedAt());
        Attr.put(item, "updatedAt", c.updatedAt());
        item.put("expiresAt", Attr.n(c.startedAt().plus(KEEP_CHECKPOINTS).getEpochSecond()));
        try {
            DynamoCalls.call("PutItem checkpoint", () -> dynamo.putItem(b -> {
                b.tableName(table).item(item);
                if (c.version() == 1) b.conditionExpression("attribute_not_exists(pk)");
                else b.conditionExpression("version = :v").expressionAttributeValues(Map.of(":v", Attr.n(c.version() - 1)));
            }));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public Optional<MonthlySummary> summary(String community, YearMonth month) {
        var r = DynamoCalls.call("GetItem summary", () -> dynamo.getItem(b -> b.tableName(table).key(summaryKey(community, month))));
        return !r.hasItem() || r.item().isEmpty() ? Optional.empty() : Optional.of(summary(r.item()));
    }

    @Override
    public Page<MonthlySummary> summaries(String community, int limit, String cursor) {
        String partition = "SUMMARY#" + community;
        var r = Queries.page(dynamo, table, null, "pk", "sk", partition, limit, cursor, false, b -> b);
        return new Page<>(r.items().stream().map(DynamoCycleStore::summary).toList(), Cursors.encode(r.lastEvaluatedKey()));
    }

    @Override
    public MonthlySummary keep(MonthlySummary s) {
        Map<String, AttributeValue> item = new HashMap<>(summaryKey(s.community(), s.month()));
        item.put("community", Attr.s(s.community()));
        item.put("month", Attr.s(s.month().toString()));
        s.values().forEach((k, v) -> item.put(k, Attr.n(Long.parseLong(v))));
        Attr.put(item, "computedAt", s.computedAt());
        return PutIfAbsent.put(dynamo, table, "summary", item).map(DynamoCycleStore::summary).orElse(s);
    }

    private static MonthlySummary summary(Map<String, AttributeValue> i) {
        return new MonthlySummary(Attr.str(i, "community"), YearMonth.parse(Attr.str(i, "month")), count(i, "collected"),
                count(i, "classified"), count(i, "served"), count(i, "rated"), count(i, "casesReceived"),
                count(i, "casesResolved"), count(i, "casesOverdue"), count(i, "volunteersActive"), Attr.instant(i, "computedAt"));
    }

    private static int count(Map<String, AttributeValue> i, String name) {
        return (int) Attr.num(i, name, 0);
    }
}
