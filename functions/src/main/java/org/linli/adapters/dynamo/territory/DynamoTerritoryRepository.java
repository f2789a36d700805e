package org.linli.adapters.dynamo.territory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.linli.adapters.dynamo.Attr;
import org.linli.adapters.dynamo.BatchWrites;
import org.linli.adapters.dynamo.DynamoCalls;
import org.linli.adapters.dynamo.TableKeys;
import org.linli.core.Conflict;
import org.linli.core.Times;
import org.linli.territory.BuildingRecord;
import org.linli.territory.CellEntry;
import org.linli.territory.Compound;
import org.linli.territory.MapInfo;
import org.linli.territory.Roster;
import org.linli.territory.TerritoryNode;
import org.linli.territory.TerritoryRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** {@link TerritoryRepository} on the territory table; bulk writes go 25 items per BatchWriteItem. */
public final class DynamoTerritoryRepository implements TerritoryRepository {
    private final DynamoDbClient dynamo;
    private final String table;
    private final java.time.Clock clock;

    public DynamoTerritoryRepository(DynamoDbClient dynamo, String table, java.time.Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public int latestVersion() {
        var r = DynamoCalls.call("Query map versions", () -> dynamo.query(b -> b.tableName(table)
                .keyConditionExpression(TableKeys.PK + " = :p AND begins_with(" + TableKeys.SK + ", :v)")
                .expressionAttributeValues(Map.of(":p", Attr.s(TerritoryKeys.MAP), ":v", Attr.s(TerritoryKeys.VERSION)))
                .scanIndexForward(false).limit(1).consistentRead(true)));
        if (r.items().isEmpty()) return 0;
        return (int) Attr.num(r.items().get(0), "version", 0);
    }

    @Override
    public void reserveVersion(int version, String note) {
        Map<String, AttributeValue> item = new HashMap<>(TerritoryKeys.version(version));
        item.put("version", Attr.n(version));
        item.put("state", Attr.s("WRITING"));
        item.put("createdAt", Attr.s(Times.stored(clock.instant())));
        Attr.put(item, "note", note);
        try {
            DynamoCalls.call("PutItem map version", () -> dynamo.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression(TableKeys.ABSENT)));
        } catch (ConditionalCheckFailedException e) {
            throw new Conflict("MAP_VERSION_TAKEN", "Another import published map version " + version + " first; run it again.");
        }
    }

    @Override
    public void writeNodes(int version, List<TerritoryNode> nodes) {
        List<Map<String, AttributeValue>> items = new ArrayList<>(nodes.size());
        for (TerritoryNode n : nodes) items.add(TerritoryItems.node(version, n));
        writeAll(items);
    }

    @Override
    public void writeCells(int version, Map<String, List<CellEntry>> cells) {
        List<Map<String, AttributeValue>> items = new ArrayList<>(cells.size());
        cells.forEach((hash, entries) -> items.add(TerritoryItems.cell(version, hash, entries)));
        writeAll(items);
    }

    @Override
    public void writeCompounds(int version, List<Compound> compounds) {
        List<Map<String, AttributeValue>> items = new ArrayList<>(compounds.size());
        for (Compound c : compounds) items.add(TerritoryItems.compound(version, c));
        writeAll(items);
    }

    @Override
    public void writeBuildings(int version, List<BuildingRecord> buildings) {
        List<Map<String, AttributeValue>> items = new ArrayList<>(buildings.size());
        for (BuildingRecord b : buildings) items.add(TerritoryItems.building(version, b));
        writeAll(items);
    }

    @Override
    public void publish(MapInfo map) {
        Map<String, AttributeValue> done = new HashMap<>(TerritoryKeys.version(map.version()));
        DynamoCalls.call("UpdateItem map version", () -> dynamo.updateItem(b -> b.tableName(table).key(done)
                .updateExpression("SET #s = :p, publishedAt = :t, datum = :d, rootCode = :r, cellPrecision = :c")
                .expressionAttributeNames(Map.of("#s", "state"))
                .expressionAttributeValues(Map.of(":p", Attr.s("PUBLISHED"), ":t", Attr.s(Times.stored(clock.instant())),
                        ":d", Attr.s(map.datum().name()), ":r", Attr.s(map.rootCode()), ":c", Attr.n(map.cellPrecision())))));
        try {
            DynamoCalls.call("PutItem current map", () -> dynamo.putItem(b -> b.tableName(table).item(TerritoryItems.mapInfo(map))
                    .conditionExpression(TableKeys.ABSENT + " OR version < :v")
                    .expressionAttributeValues(Map.of(":v", Attr.n(map.version())))));
        } catch (ConditionalCheckFailedException e) {
            // A newer version was published while this one was being written: it stays current.
        }
    }

    @Override
    public void saveRosters(List<Roster> rosters) {
        List<Map<String, AttributeValue>> items = new ArrayList<>(rosters.size());
        for (Roster r : rosters) items.add(TerritoryItems.roster(r));
        writeAll(items);
    }

    @Override
    public void saveRoster(Roster roster) {
        DynamoCalls.call("PutItem roster", () -> dynamo.putItem(b -> b.tableName(table).item(TerritoryItems.roster(roster))));
    }

    private void writeAll(List<Map<String, AttributeValue>> items) {
        BatchWrites.putAll(dynamo, table, items);
    }
}
