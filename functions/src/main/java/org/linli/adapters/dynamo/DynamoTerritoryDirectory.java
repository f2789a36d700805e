package org.linli.adapters.dynamo;

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
import org.linli.core.StoreUnavailable;
import org.linli.territory.BuildingRecord;
import org.linli.territory.CellEntry;
import org.linli.territory.MapInfo;
import org.linli.territory.Roster;
import org.linli.territory.TerritoryDirectory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * {@link TerritoryDirectory} on the territory table: every lookup is one GetItem or one
 * BatchGetItem. The current-map pointer is cached briefly: a newly published map is picked up
 * within {@link #POINTER_TTL} by every warm function.
 */
public final class DynamoTerritoryDirectory implements TerritoryDirectory {
    static final Duration POINTER_TTL = Duration.ofSeconds(30);

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;
    private volatile MapInfo cachedMap;
    private volatile Instant cachedUntil = Instant.MIN;

    public DynamoTerritoryDirectory(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public MapInfo currentMap() {
        Instant now = clock.instant();
        MapInfo m = cachedMap;
        if (m != null && now.isBefore(cachedUntil)) return m;
        var r = DynamoCalls.call("GetItem map", () -> dynamo.getItem(b -> b.tableName(table).key(TerritoryItems.currentMapKey())));
        if (!r.hasItem() || r.item().isEmpty()) {
            // Not a bad request: the deployment has no territory yet. Retry, then the DLQ alarm.
            throw new StoreUnavailable("No territory map has been published yet.", null);
        }
        m = TerritoryItems.mapInfo(r.item());
        cachedMap = m;
        cachedUntil = now.plus(POINTER_TTL);
        return m;
    }

    @Override
    public List<CellEntry> cell(int mapVersion, String geohash) {
        var r = DynamoCalls.call("GetItem cell", () -> dynamo.getItem(b -> b.tableName(table)
                .key(TerritoryItems.cellKey(mapVersion, geohash))));
        return r.hasItem() && !r.item().isEmpty() ? TerritoryItems.cellEntries(r.item()) : List.of();
    }

    @Override
    public Optional<BuildingRecord> building(int mapVersion, String code) {
        var r = DynamoCalls.call("GetItem building", () -> dynamo.getItem(b -> b.tableName(table)
                .key(TerritoryItems.buildingKey(mapVersion, code))));
        return r.hasItem() && !r.item().isEmpty() ? Optional.of(TerritoryItems.building(r.item())) : Optional.empty();
    }

    @Override
    public Map<String, Roster> rosters(Collection<String> nodeCodes) {
        Map<String, Roster> out = new HashMap<>();
        if (nodeCodes.isEmpty()) return out;
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (String code : new LinkedHashSet<>(nodeCodes)) keys.add(TerritoryItems.rosterKey(code));
        for (Map<String, AttributeValue> item : BatchGets.all(dynamo,
                Map.of(table, KeysAndAttributes.builder().keys(keys).build()), table)) {
            Roster roster = TerritoryItems.roster(item);
            out.put(roster.nodeCode(), roster);
        }
        return out;
    }
}
