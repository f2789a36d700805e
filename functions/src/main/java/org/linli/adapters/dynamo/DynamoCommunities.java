package org.linli.adapters.dynamo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.linli.territory.Level;
import org.linli.territory.MapInfo;
import org.linli.territory.TerritoryDirectory;
import org.linli.volunteer.Communities;
import org.linli.volunteer.Community;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@link Communities} on the territory table: the node of the code in the current map, kept per
 * function instance for a few minutes (communities are renamed or re-drawn rarely, and a path
 * change matters only for which staff cover them).
 */
public final class DynamoCommunities implements Communities {
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
                .key(TerritoryItems.nodeKey(map.version(), code))));
        if (!r.hasItem() || r.item().isEmpty() || !Level.COMMUNITY.name().equals(Attr.str(r.item(), "level"))) return Optional.empty();
        Community community = new Community(code, Attr.str(r.item(), "name"), Attr.list(r.item(), "path"));
        cache.put(code, new Cached(community, now.plus(TTL)));
        return Optional.of(community);
    }
}
