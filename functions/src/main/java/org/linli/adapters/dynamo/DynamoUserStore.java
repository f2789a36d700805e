package org.linli.adapters.dynamo;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.linli.core.Times;
import org.linli.identity.RefreshSession;
import org.linli.identity.Role;
import org.linli.identity.UserAccount;
import org.linli.identity.UserStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/** {@link UserStore} on the users table: USER#id profiles and SESSION#hash refresh sessions (TTL). */
public final class DynamoUserStore implements UserStore {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoUserStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    static Map<String, AttributeValue> profileKey(String id) {
        return Map.of("pk", Attr.s("USER#" + id), "sk", Attr.s("PROFILE"));
    }

    private static Map<String, AttributeValue> sessionKey(String hash) {
        return Map.of("pk", Attr.s("SESSION#" + hash), "sk", Attr.s("SESSION"));
    }

    @Override
    public Optional<UserAccount> find(String userId) {
        var r = DynamoCalls.call("GetItem user", () -> dynamo.getItem(b -> b.tableName(table).key(profileKey(userId)).consistentRead(true)));
        return r.hasItem() && !r.item().isEmpty() ? Optional.of(fromItem(r.item())) : Optional.empty();
    }

    @Override
    public UserAccount createIfAbsent(UserAccount user) {
        try {
            DynamoCalls.call("PutItem user", () -> dynamo.putItem(b -> b.tableName(table).item(toItem(user))
                    .conditionExpression("attribute_not_exists(pk)")));
            return user;
        } catch (ConditionalCheckFailedException e) {
            return find(user.id()).orElse(user);
        }
    }

    @Override
    public void save(UserAccount user) {
        DynamoCalls.call("PutItem user", () -> dynamo.putItem(b -> b.tableName(table).item(toItem(user))));
    }

    @Override
    public void saveSession(RefreshSession s) {
        Map<String, AttributeValue> item = new HashMap<>(sessionKey(s.tokenHash()));
        item.put("userId", Attr.s(s.userId()));
        item.put("expiresAt", Attr.n(s.expiresAt().getEpochSecond())); // the table's TTL attribute
        DynamoCalls.call("PutItem session", () -> dynamo.putItem(b -> b.tableName(table).item(item)));
    }

    @Override
    public Optional<RefreshSession> takeSession(String tokenHash) {
        var r = DynamoCalls.call("DeleteItem session", () -> dynamo.deleteItem(b -> b.tableName(table)
                .key(sessionKey(tokenHash)).returnValues(ReturnValue.ALL_OLD)));
        if (!r.hasAttributes() || r.attributes().isEmpty()) return Optional.empty();
        return Optional.of(new RefreshSession(tokenHash, Attr.str(r.attributes(), "userId"),
                Instant.ofEpochSecond(Attr.num(r.attributes(), "expiresAt", 0))));
    }

    private static Map<String, AttributeValue> toItem(UserAccount u) {
        Map<String, AttributeValue> item = new HashMap<>(profileKey(u.id()));
        item.put("userId", Attr.s(u.id()));
        Attr.put(item, "openId", u.openId());
        Attr.put(item, "unionId", u.unionId());
        Attr.put(item, "displayName", u.displayName());
        item.put("roles", Attr.strings(u.roles().stream().map(Enum::name).sorted().toList()));
        item.put("scope", Attr.strings(u.scope().stream().sorted().toList()));
        item.put("createdAt", Attr.s(Times.stored(u.createdAt())));
        return item;
    }

    private static UserAccount fromItem(Map<String, AttributeValue> item) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : Attr.list(item, "roles")) roles.add(Role.valueOf(r));
        return new UserAccount(Attr.str(item, "userId"), Attr.str(item, "openId"), Attr.str(item, "unionId"),
                Attr.str(item, "displayName"), roles, new LinkedHashSet<>(Attr.list(item, "scope")),
                Times.parseStored(Attr.str(item, "createdAt")));
    }
}
