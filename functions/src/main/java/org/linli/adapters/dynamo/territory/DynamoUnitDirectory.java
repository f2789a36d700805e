package org.linli.adapters.dynamo.territory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.linli.adapters.dynamo.Attr;
import org.linli.adapters.dynamo.BatchGets;
import org.linli.adapters.dynamo.Queries;
import org.linli.kpi.Unit;
import org.linli.kpi.UnitDirectory;
import org.linli.territory.MapInfo;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * {@link UnitDirectory} on the territory table: node items of the current map version
 * ({@code NODE#<version>#<code>}) and department items ({@code DEPT#<code>}) in one BatchGetItem,
 * kept per function instance for five minutes (names change rarely; a KPI page shows a dozen).
 */
public final class DynamoUnitDirectory implements UnitDirectory {
    static final Duration TTL = Duration.ofMinutes(5);

    private final DynamoDbClient dynamo;
    private final String table;
    private final DynamoTerritoryDirectory territory;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(UnitInfo info, Instant until) {}

    public DynamoUnitDirectory(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.territory = new DynamoTerritoryDirectory(dynamo, table, clock);
        this.clock = clock;
    }

    @Override
    public Map<String, UnitInfo> find(Collection<String> codes) {
        Instant now = clock.instant();
        Map<String, UnitInfo> out = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String code : new LinkedHashSet<>(codes)) {
            Cached c = cache.get(code);
            if (c != null && now.isBefore(c.until())) out.put(code, c.info());
            else missing.add(code);
        }
        if (missing.isEmpty()) return out;
        MapInfo map = territory.currentMap();
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (String code : missing) {
            keys.add(TerritoryKeys.node(map.version(), code));
            keys.add(TerritoryKeys.department(code));
        }
        for (int i = 0; i < keys.size(); i += 100) {
            var chunk = keys.subList(i, Math.min(keys.size(), i + 100));
            for (Map<String, AttributeValue> item : BatchGets.all(dynamo, Map.of(table, KeysAndAttributes.builder().keys(chunk).build()), table)) {
                UnitInfo info = info(item, map.rootCode());
                out.put(info.code(), info);
                cache.put(info.code(), new Cached(info, now.plus(TTL)));
            }
        }
        return out;
    }

    @Override
    public List<UnitInfo> children(String code) {
        MapInfo map = territory.currentMap();
        return Queries.all(dynamo, "ByParent", b -> b.tableName(table).indexName("ByParent")
                .keyConditionExpression(TerritoryKeys.PARENT_PK + " = :p")
                .expressionAttributeValues(Map.of(":p", Attr.s(TerritoryKeys.children(map.version(), code)))))
                .stream().map(i -> info(i, map.rootCode())).toList();
    }

    @Override
    public String root() {
        return territory.currentMap().rootCode();
    }

    private static UnitInfo info(Map<String, AttributeValue> item, String root) {
        String code = Attr.str(item, "code");
        if ("DEPARTMENT".equals(Attr.str(item, "type"))) {
            return new UnitInfo(code, Attr.str(item, "name"), "DEPARTMENT", Unit.Kind.DEPARTMENT, List.of(root, code));
        }
        return new UnitInfo(code, Attr.str(item, "name"), Attr.str(item, "level"), Unit.Kind.NODE, Attr.list(item, "path"));
    }
}
