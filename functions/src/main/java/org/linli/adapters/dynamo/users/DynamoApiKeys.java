package org.linli.adapters.dynamo.users;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.linli.adapters.dynamo.Attr;
import org.linli.adapters.dynamo.DynamoCalls;
import org.linli.open311.ApiKeys;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link ApiKeys} in the users table: {@code APIKEY#<sha256(key)> / APIKEY} with name, scope,
 * reporterId and {@code active}. Only the hash is stored, as for refresh tokens.
 */
public final class DynamoApiKeys implements ApiKeys {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoApiKeys(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    static Map<String, AttributeValue> key(String apiKey) {
        return UsersKeys.apiKey(sha256(apiKey));
    }

    @Override
    public Optional<ApiKey> find(String apiKey) {
        var r = DynamoCalls.call("GetItem api key", () -> dynamo.getItem(b -> b.tableName(table).key(key(apiKey))));
        if (!r.hasItem() || r.item().isEmpty() || !Attr.flag(r.item(), "active")) return Optional.empty();
        return Optional.of(new ApiKey(Attr.str(r.item(), "name"), Attr.str(r.item(), "scope"), Attr.str(r.item(), "reporterId")));
    }

    /** Registers a key (the CLI and the local demo do). */
    public void save(String apiKey, ApiKey k) {
        Map<String, AttributeValue> item = new HashMap<>(key(apiKey));
        item.put("type", Attr.s("APIKEY"));
        item.put("name", Attr.s(k.name()));
        item.put("scope", Attr.s(k.scope()));
        item.put("reporterId", Attr.s(k.reporterId()));
        item.put("active", Attr.bool(true));
        DynamoCalls.call("PutItem api key", () -> dynamo.putItem(b -> b.tableName(table).item(item)));
    }

    /** The hash an API key is stored under. */
    public static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
