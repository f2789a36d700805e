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
import java.util.Optional;
import org.linli.adapters.dynamo.Attr;
import org.linli.adapters.dynamo.BatchGets;
import org.linli.adapters.dynamo.DynamoCalls;
import org.linli.adapters.dynamo.Queries;
import org.linli.adapters.dynamo.TableKeys;
import org.linli.core.StoreUnavailable;
import org.linli.territory.BuildingRecord;
import org.linli.territory.CellEntry;
import org.linli.territory.Level;
import org.linli.territory.MapInfo;
import org.linli.territory.MapVersion;
import org.linli.territory.RegistryNode;
import org.linli.territory.Roster;
import org.linli.territory.TerritoryDirectory;
import org.linli.territory.TerritoryRegistry;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * {@link TerritoryDirectory} and {@link TerritoryRegistry} on the territory table: every lookup
 * is one GetItem, one BatchGetItem or one Query. The current-map pointer is cached briefly
 * ({@code pointerTtl}, 30 s by default): a newly published map is picked up within that time by
 * every warm function.
 */
public final class DynamoTerritoryDirectory implements TerritoryRegistry {
    public static final Duration POINTER_TTL = Duration.ofSeconds(30);

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;
    private final Duration pointerTtl;
    private volatile MapInfo cachedMap;
    private volatile Instant cachedUntil = Instant.MIN;

    public DynamoTerritoryDirectory(DynamoDbClient dynamo, String table, Clock clock) {
        this(dynamo, table, clock, POINTER_TTL);
    }

    public DynamoTerritoryDirectory(DynamoDbClient dynamo, String table, Clock clock, Duration pointerTtl) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
        this.pointerTtl = pointerTtl;
    }

    @Override
    public MapInfo currentMap() {
        Instant now = clock.instant();
        MapInfo m = cachedMap;
        if (m != null && now.isBefore(cachedUntil)) return m;
        var r = DynamoCalls.call("GetItem map", () -> dynamo.getItem(b -> b.tableName(table).key(TerritoryKeys.currentMap())));
        if (!r.hasItem() || r.item().isEmpty()) {
            // Not a bad request: the deployment has no territory yet. Retry, then the DLQ alarm.
            throw new StoreUnavailable("No territory map has been published yet.", null);
        }
        m = TerritoryItems.mapInfo(r.item());
        cachedMap = m;
        cachedUntil = now.plus(pointerTtl);
        return m;
    }

    @Override
    public List<CellEntry> cell(int mapVersion, String geohash) {
        var r = DynamoCalls.call("GetItem cell", () -> dynamo.getItem(b -> b.tableName(table)
                .key(TerritoryKeys.cell(mapVersion, geohash))));
        return r.hasItem() && !r.item().isEmpty() ? TerritoryItems.cellEntries(r.item()) : List.of();
    }

    @Override
    public Optional<BuildingRecord> building(int mapVersion, String code) {
        var r = DynamoCalls.call("GetItem building", () -> dynamo.getItem(b -> b.tableName(table)
                .key(TerritoryKeys.building(mapVersion, code))));
        return r.hasItem() && !r.item().isEmpty() ? Optional.of(TerritoryItems.building(r.item())) : Optional.empty();
    }

    @Override
    public Map<String, Roster> rosters(Collection<String> nodeCodes) {
        Map<String, Roster> out = new HashMap<>();
        if (nodeCodes.isEmpty()) return out;
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (String code : new LinkedHashSet<>(nodeCodes)) keys.add(TerritoryKeys.roster(code));
        for (Map<String, AttributeValue> item : BatchGets.all(dynamo,
                Map.of(table, KeysAndAttributes.builder().keys(keys).build()), table)) {
            Roster roster = TerritoryItems.roster(item);
            out.put(roster.nodeCode(), roster);
        }
        return out;
    }

    @Override
    public Optional<RegistryNode> node(int mapVersion, String code) {
        var r = DynamoCalls.call("GetItem node", () -> dynamo.getItem(b -> b.tableName(table)
                .key(TerritoryKeys.node(mapVersion, code))));
        return r.hasItem() && !r.item().isEmpty() ? Optional.of(TerritoryItems.registryNode(r.item())) : Optional.empty();
    }

    @Override
    public List<RegistryNode> children(int mapVersion, String code) {
        List<RegistryNode> out = new ArrayList<>();
        for (var item : byParent(TerritoryKeys.children(mapVersion, code))) out.add(TerritoryItems.registryNode(item));
        return out;
    }

    @Override
    public List<BuildingRecord> buildingsUnder(int mapVersion, String code) {
        List<BuildingRecord> out = new ArrayList<>();
        for (var item : byParent(TerritoryKeys.buildings(mapVersion, code))) out.add(TerritoryItems.building(item));
        return out;
    }

    /** One partition of the ByParent index, all pages (a node has tens of children, not thousands). */
    private List<Map<String, AttributeValue>> byParent(String partition) {
        return queryAll("Query ByParent", q -> q.indexName(TerritoryKeys.BY_PARENT).keyConditionExpression(TerritoryKeys.PARENT_PK + " = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(partition))));
    }

    @Override
    public List<MapVersion> versions() {
        var pointer = DynamoCalls.call("GetItem map", () -> dynamo.getItem(b -> b.tableName(table).key(TerritoryKeys.currentMap())));
        int current = pointer.hasItem() && !pointer.item().isEmpty() ? TerritoryItems.mapInfo(pointer.item()).version() : 0;
        List<MapVersion> out = new ArrayList<>();
        for (var item : queryAll("Query map versions", q -> q.keyConditionExpression(TableKeys.PK + " = :p AND begins_with(" + TableKeys.SK + ", :v)")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(TerritoryKeys.MAP), ":v", AttributeValue.fromS(TerritoryKeys.VERSION)))
                .scanIndexForward(false))) {
            out.add(TerritoryItems.mapVersion(item, current));
        }
        return out;
    }

    private List<Map<String, AttributeValue>> queryAll(String operation, java.util.function.Consumer<QueryRequest.Builder> spec) {
        return Queries.all(dynamo, table, operation, spec);
    }

    @Override
    public Map<String, Level> levels(int mapVersion, Collection<String> codes) {
        Map<String, Level> out = new HashMap<>();
        List<String> all = new ArrayList<>(new LinkedHashSet<>(codes));
        for (int i = 0; i < all.size(); i += 100) {
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            for (String code : all.subList(i, Math.min(all.size(), i + 100))) keys.add(TerritoryKeys.node(mapVersion, code));
            KeysAndAttributes ka = KeysAndAttributes.builder().keys(keys).projectionExpression("code, #l")
                    .expressionAttributeNames(Map.of("#l", "level")).build();
            for (Map<String, AttributeValue> item : BatchGets.all(dynamo, Map.of(table, ka), table)) {
                String level = Attr.str(item, "level");
                if (!RegistryNode.COMPOUND.equals(level)) out.put(Attr.str(item, "code"), Level.valueOf(level));
            }
        }
        return out;
    }
}
