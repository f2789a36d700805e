package org.linli.adapters.dynamo.territory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.linli.adapters.dynamo.Attr;
import org.linli.adapters.dynamo.DynamoCalls;
import org.linli.adapters.dynamo.IndexQuery;
import org.linli.cycle.DistrictCommunities;
import org.linli.territory.Level;
import org.linli.territory.MapInfo;
import org.linli.territory.TerritoryDirectory;
import org.linli.volunteer.membership.Communities;
import org.linli.volunteer.membership.Community;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * {@link Communities} on the territory table: the node of the code in the current map, kept per
 * function instance for a few minutes (communities are renamed or re-drawn rarely, and a path
 * change matters only for which staff cover them). The communities under a district come from the
 * {@code ByParent} index, walked down level by level (names, levels and paths only: no geometry).
 */
public final class DynamoCommunities implements Communities, DistrictCommunities {
    static final Duration TTL = Duration.ofMinutes(5);

    private final DynamoDbClient dynamo;
    private final String table;
    private final TerritoryDirectory directory;
    private final Clock clock;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(Community community, Instant until) {}

    public DynamoCommunities(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.directory = new DynamoTerritoryDirectory(dynamo, table, clock);
        this.clock = clock;
    }

    @Override
    public Optional<Community> find(String code) {
        Instant now = clock.instant();
        Cached c = cache.get(code);
        if (c != null && now.isBefore(c.until())) return Optional.of(c.community());
        MapInfo map = directory.currentMap();
        var r = DynamoCalls.call("GetItem node", () -> dynamo.getItem(b -> b.tableName(table)
                .key(TerritoryKeys.node(map.version(), code))));
        if (!r.hasItem() || r.item().isEmpty() || !Level.COMMUNITY.name().equals(Attr.str(r.item(), "level"))) return Optional.empty();
        Community community = new Community(code, Attr.str(r.item(), "name"), Attr.list(r.item(), "path"));
        cache.put(code, new Cached(community, now.plus(TTL)));
        return Optional.of(community);
    }

    @Override
    public List<Community> communitiesUnder(String nodeCode) {
        int version = directory.currentMap().version();
        List<Community> out = new ArrayList<>();
        Deque<String> parents = new ArrayDeque<>(List.of(nodeCode));
        while (!parents.isEmpty()) {
            String parent = parents.pop();
            QueryRequest q = QueryRequest.builder().tableName(table).indexName("ByParent")
                    .keyConditionExpression(TerritoryKeys.PARENT_PK + " = :p")
                    .expressionAttributeValues(Map.of(":p", Attr.s(TerritoryKeys.children(version, parent))))
                    .projectionExpression("code, #n, #l, #p")
                    .expressionAttributeNames(Map.of("#n", "name", "#l", "level", "#p", "path")).build();
            for (Map<String, AttributeValue> child : IndexQuery.all(dynamo, q)) {
                Level level = Attr.enumOf(child, "level", Level.class);
                if (level == Level.COMMUNITY) {
                    out.add(new Community(Attr.str(child, "code"), Attr.str(child, "name"), Attr.list(child, "path")));
                } else if (level.depth() < Level.COMMUNITY.depth()) {
                    parents.push(Attr.str(child, "code"));
                }
            }
        }
        out.sort(Comparator.comparing(Community::code));
        return out;
    }
}
