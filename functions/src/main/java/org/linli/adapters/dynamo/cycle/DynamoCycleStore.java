package org.linli.adapters.dynamo.cycle;

import java.time.Duration;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.linli.adapters.dynamo.Attr;
import org.linli.adapters.dynamo.Cursors;
import org.linli.adapters.dynamo.DynamoCalls;
import org.linli.adapters.dynamo.PutIfAbsent;
import org.linli.adapters.dynamo.Queries;
import org.linli.adapters.dynamo.TableKeys;
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

    @Override
    public Optional<Checkpoint> checkpoint(String cycleId, String community) {
        var r = DynamoCalls.call("GetItem checkpoint", () -> dynamo.getItem(b -> b.tableName(table)
                .key(CycleKeys.checkpoint(cycleId, community)).consistentRead(true)));
        if (!r.hasItem() || r.item().isEmpty()) return Optional.empty();
        Map<String, AttributeValue> i = r.item();
        return Optional.of(new Checkpoint(cycleId, community, (int) Attr.num(i, "kindIndex", 0), Attr.str(i, "cursor"),
                Attr.num(i, "sent", 0), Attr.num(i, "pages", 0), Attr.flag(i, "done"), Attr.num(i, "version", 0),
                Attr.instant(i, "startedAt"), Attr.instant(i, "updatedAt")));
    }

    @Override
    public boolean save(Checkpoint c) {
        Map<String, AttributeValue> item = new HashMap<>(CycleKeys.checkpoint(c.cycleId(), c.community()));
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
                if (c.version() == 1) b.conditionExpression(TableKeys.ABSENT);
                else b.conditionExpression("version = :v").expressionAttributeValues(Map.of(":v", Attr.n(c.version() - 1)));
            }));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public Optional<MonthlySummary> summary(String community, YearMonth month) {
        var r = DynamoCalls.call("GetItem summary", () -> dynamo.getItem(b -> b.tableName(table).key(CycleKeys.summary(community, month))));
        return !r.hasItem() || r.item().isEmpty() ? Optional.empty() : Optional.of(summary(r.item()));
    }

    @Override
    public Page<MonthlySummary> summaries(String community, int limit, String cursor) {
        String partition = CycleKeys.summaries(community);
        var r = Queries.page(dynamo, table, null, TableKeys.PK, TableKeys.SK, partition, limit, cursor, false, b -> b);
        return new Page<>(r.items().stream().map(DynamoCycleStore::summary).toList(), Cursors.encode(r.lastEvaluatedKey()));
    }

    @Override
    public MonthlySummary keep(MonthlySummary s) {
        Map<String, AttributeValue> item = new HashMap<>(CycleKeys.summary(s.community(), s.month()));
        item.put("community", Attr.s(s.community()));
        item.put("month", Attr.s(s.month().toString()));
        s.values().forEach((k, v) -> item.put(k, Attr.n(Long.parseLong(v))));
        Attr.put(item, "computedAt", s.computedAt());
        if (!s.organisations().isEmpty()) item.put("organisations", Attr.s(OrganisationHoursCodec.write(s.organisations())));
        return PutIfAbsent.put(dynamo, table, "summary", item).map(DynamoCycleStore::summary).orElse(s);
    }

    private static MonthlySummary summary(Map<String, AttributeValue> i) {
        return new MonthlySummary(Attr.str(i, "community"), YearMonth.parse(Attr.str(i, "month")), count(i, "collected"),
                count(i, "classified"), count(i, "served"), count(i, "rated"), count(i, "casesReceived"),
                count(i, "casesResolved"), count(i, "casesOverdue"), count(i, "volunteersActive"), Attr.instant(i, "computedAt"),
                OrganisationHoursCodec.read(Attr.str(i, "organisations")));
    }

    private static int count(Map<String, AttributeValue> i, String name) {
        return (int) Attr.num(i, name, 0);
    }
}
