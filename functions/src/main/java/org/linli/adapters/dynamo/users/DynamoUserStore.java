package org.linli.adapters.dynamo.users;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.linli.adapters.dynamo.Attr;
import org.linli.adapters.dynamo.Cursors;
import org.linli.adapters.dynamo.DynamoCalls;
import org.linli.adapters.dynamo.PutIfAbsent;
import org.linli.adapters.dynamo.Queries;
import org.linli.adapters.dynamo.TableKeys;
import org.linli.adapters.dynamo.Transactions;
import org.linli.core.Page;
import org.linli.core.Times;
import org.linli.identity.AccountStatus;
import org.linli.identity.ErasureRecord;
import org.linli.identity.Grant;
import org.linli.identity.GrantChange;
import org.linli.identity.RefreshSession;
import org.linli.identity.Role;
import org.linli.identity.UserAccount;
import org.linli.identity.UserStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * {@link UserStore} on the users table: USER#id profiles with their grant changes
 * (USER#id / GRANT#time#id), UNION#unionid links, and SESSION#hash refresh sessions (TTL).
 */
public final class DynamoUserStore implements UserStore {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoUserStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<UserAccount> find(String userId) {
        var r = DynamoCalls.call("GetItem user", () -> dynamo.getItem(b -> b.tableName(table).key(UsersKeys.profile(userId)).consistentRead(true)));
        return r.hasItem() && !r.item().isEmpty() ? Optional.of(fromItem(r.item())) : Optional.empty();
    }

    @Override
    public UserAccount createIfAbsent(UserAccount user) {
        try {
            DynamoCalls.call("PutItem user", () -> dynamo.putItem(b -> b.tableName(table).item(toItem(user))
                    .conditionExpression(TableKeys.ABSENT)));
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
    public Optional<String> userIdByUnionId(String unionId) {
        var r = DynamoCalls.call("GetItem union link", () -> dynamo.getItem(b -> b.tableName(table).key(UsersKeys.unionLink(unionId))
                .consistentRead(true)));
        return r.hasItem() && !r.item().isEmpty() ? Optional.ofNullable(Attr.str(r.item(), "userId")) : Optional.empty();
    }

    @Override
    public String linkUnionId(String unionId, String userId) {
        Map<String, AttributeValue> item = new HashMap<>(UsersKeys.unionLink(unionId));
        item.put("userId", Attr.s(userId));
        return PutIfAbsent.put(dynamo, table, "union link", item).map(old -> Attr.str(old, "userId")).orElse(userId);
    }

    @Override
    public boolean changeGrants(UserAccount before, UserAccount after, GrantChange change) {
        // Accounts seeded before grants carry no version attribute: they read as version 0.
        String condition = before.version() == 0 ? TableKeys.PRESENT + " AND (attribute_not_exists(version) OR version = :v)"
                : "version = :v";
        List<TransactWriteItem> items = List.of(
                TransactWriteItem.builder().put(p -> p.tableName(table).item(toItem(after)).conditionExpression(condition)
                        .expressionAttributeValues(Map.of(":v", Attr.n(before.version())))).build(),
                TransactWriteItem.builder().put(p -> p.tableName(table).item(changeItem(change))
                        .conditionExpression(TableKeys.ABSENT)).build());
        return Transactions.write(dynamo, "grant change", items) == Transactions.DONE;
    }

    @Override
    public boolean replace(UserAccount before, UserAccount after) {
        String condition = before.version() == 0 ? TableKeys.PRESENT + " AND (attribute_not_exists(version) OR version = :v)"
                : "version = :v";
        try {
            DynamoCalls.call("PutItem user", () -> dynamo.putItem(b -> b.tableName(table).item(toItem(after))
                    .conditionExpression(condition).expressionAttributeValues(Map.of(":v", Attr.n(before.version())))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void unlinkUnionId(String unionId) {
        DynamoCalls.call("DeleteItem union link", () -> dynamo.deleteItem(b -> b.tableName(table).key(UsersKeys.unionLink(unionId))));
    }

    @Override
    public void saveErasure(ErasureRecord e) {
        Map<String, AttributeValue> item = new HashMap<>(UsersKeys.erasure(e.userId()));
        item.put("userId", Attr.s(e.userId()));
        item.put("requestedBy", Attr.s(e.requestedBy()));
        item.put("bySelf", AttributeValue.fromBool(e.bySelf()));
        Attr.put(item, "reason", e.reason());
        item.put("requestedAt", Attr.s(Times.stored(e.requestedAt())));
        item.put("state", Attr.s(e.state().name()));
        item.put("reportsAnonymised", Attr.n(e.reportsAnonymised()));
        if (e.doneAt() != null) item.put("doneAt", Attr.s(Times.stored(e.doneAt())));
        DynamoCalls.call("PutItem erasure", () -> dynamo.putItem(b -> b.tableName(table).item(item)));
    }

    @Override
    public Optional<ErasureRecord> findErasure(String userId) {
        var r = DynamoCalls.call("GetItem erasure", () -> dynamo.getItem(b -> b.tableName(table).key(UsersKeys.erasure(userId))
                .consistentRead(true)));
        if (!r.hasItem() || r.item().isEmpty()) return Optional.empty();
        var i = r.item();
        String done = Attr.str(i, "doneAt");
        return Optional.of(new ErasureRecord(Attr.str(i, "userId"), Attr.str(i, "requestedBy"),
                i.containsKey("bySelf") && Boolean.TRUE.equals(i.get("bySelf").bool()), Attr.str(i, "reason"),
                Times.parseStored(Attr.str(i, "requestedAt")), ErasureRecord.State.valueOf(Attr.str(i, "state")),
                (int) Attr.num(i, "reportsAnonymised", 0), done == null ? null : Times.parseStored(done)));
    }

    @Override
    public List<GrantChange> grantChanges(String userId, int limit) {
        var r = DynamoCalls.call("Query grant changes", () -> dynamo.query(b -> b.tableName(table)
                .keyConditionExpression(TableKeys.PK + " = :p AND begins_with(" + TableKeys.SK + ", :g)")
                .expressionAttributeValues(Map.of(":p", Attr.s(UsersKeys.USER + userId), ":g", Attr.s(UsersKeys.GRANT)))
                .scanIndexForward(false).limit(limit)));
        return r.items().stream().map(DynamoUserStore::changeFromItem).toList();
    }

    private static Map<String, AttributeValue> changeItem(GrantChange c) {
        Map<String, AttributeValue> item = new HashMap<>(UsersKeys.grantChange(c.userId(), c.at(), c.changeId()));
        item.put("changeId", Attr.s(c.changeId()));
        item.put("userId", Attr.s(c.userId()));
        item.put("actorId", Attr.s(c.actorId()));
        item.put("kind", Attr.s(c.kind().name()));
        if (c.role() != null) item.put("role", Attr.s(c.role().name()));
        item.put("nodes", Attr.strings(c.nodes()));
        item.put("reason", Attr.s(c.reason()));
        item.put("at", Attr.s(Times.stored(c.at())));
        item.put("grantsAfter", Attr.strings(c.grantsAfter()));
        return item;
    }

    private static GrantChange changeFromItem(Map<String, AttributeValue> item) {
        return new GrantChange(Attr.str(item, "changeId"), Attr.str(item, "userId"), Attr.str(item, "actorId"),
                GrantChange.Kind.valueOf(Attr.str(item, "kind")),
                item.containsKey("role") ? Role.valueOf(Attr.str(item, "role")) : null, Attr.list(item, "nodes"),
                Attr.str(item, "reason"), Times.parseStored(Attr.str(item, "at")), Attr.list(item, "grantsAfter"));
    }

    @Override
    public void saveSession(RefreshSession s) {
        Map<String, AttributeValue> item = new HashMap<>(UsersKeys.session(s.tokenHash()));
        item.put("userId", Attr.s(s.userId()));
        item.put("expiresAt", Attr.n(s.expiresAt().getEpochSecond())); // the table's TTL attribute
        DynamoCalls.call("PutItem session", () -> dynamo.putItem(b -> b.tableName(table).item(item)));
    }

    @Override
    public Optional<RefreshSession> takeSession(String tokenHash) {
        var r = DynamoCalls.call("DeleteItem session", () -> dynamo.deleteItem(b -> b.tableName(table)
                .key(UsersKeys.session(tokenHash)).returnValues(ReturnValue.ALL_OLD)));
        if (!r.hasAttributes() || r.attributes().isEmpty()) return Optional.empty();
        return Optional.of(new RefreshSession(tokenHash, Attr.str(r.attributes(), "userId"),
                Instant.ofEpochSecond(Attr.num(r.attributes(), "expiresAt", 0))));
    }

    @Override
    public Page<UserAccount> staff(String idPrefix, Role role, String node, int limit, String cursor) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":p", Attr.s(UsersKeys.STAFF)));
        Map<String, String> names = new HashMap<>();
        List<String> filters = new ArrayList<>();
        if (role != null) {
            names.put("#roles", "roles");
            values.put(":role", Attr.s(role.name()));
            filters.add("contains(#roles, :role)");
        }
        if (node != null) {
            names.put("#scope", "scope");
            values.put(":node", Attr.s(node));
            filters.add("contains(#scope, :node)");
        }
        if (idPrefix != null) values.put(":id", Attr.s(idPrefix));
        QueryResponse r = Queries.page(dynamo, table, UsersKeys.BY_LISTING, UsersKeys.LIST_PK, UsersKeys.LIST_SK, UsersKeys.STAFF,
                limit, cursor, true, b -> {
                    b.keyConditionExpression(UsersKeys.LIST_PK + " = :p"
                            + (idPrefix == null ? "" : " AND begins_with(" + UsersKeys.LIST_SK + ", :id)")).expressionAttributeValues(values);
                    if (!filters.isEmpty()) b.filterExpression(String.join(" AND ", filters)).expressionAttributeNames(names);
                    return b;
                });
        return new Page<>(r.items().stream().map(DynamoUserStore::fromItem).toList(), Cursors.encode(r.lastEvaluatedKey()));
    }

    private static Map<String, AttributeValue> toItem(UserAccount u) {
        Map<String, AttributeValue> item = new HashMap<>(UsersKeys.profile(u.id()));
        item.put("userId", Attr.s(u.id()));
        Attr.put(item, "openId", u.openId());
        Attr.put(item, "unionId", u.unionId());
        Attr.put(item, "displayName", u.displayName());
        item.put("roles", Attr.strings(u.roles().stream().map(Enum::name).sorted().toList()));
        item.put("scope", Attr.strings(u.scope().stream().sorted().toList()));
        item.put("grants", Attr.strings(u.grants().stream().sorted().map(Grant::wire).toList()));
        item.put("createdAt", Attr.s(Times.stored(u.createdAt())));
        item.put("version", Attr.n(u.version()));
        if (!u.active()) item.put("status", Attr.s(u.status().name())); // absent: active (accounts stored before)
        // Every profile write is a whole PutItem, so the staff listing follows grants and revocations by itself.
        if (u.roles().stream().anyMatch(Role::staff)) {
            item.put(UsersKeys.LIST_PK, Attr.s(UsersKeys.STAFF));
            item.put(UsersKeys.LIST_SK, Attr.s(u.id()));
        }
        return item;
    }

    private static UserAccount fromItem(Map<String, AttributeValue> item) {
        String id = Attr.str(item, "userId");
        Instant created = Times.parseStored(Attr.str(item, "createdAt"));
        long version = Attr.num(item, "version", 0);
        String status = Attr.str(item, "status");
        if (item.containsKey("grants")) {
            Set<Grant> grants = new LinkedHashSet<>();
            for (String g : Attr.list(item, "grants")) grants.add(Grant.parse(g));
            return new UserAccount(id, Attr.str(item, "openId"), Attr.str(item, "unionId"), Attr.str(item, "displayName"),
                    grants, created, version, status == null ? AccountStatus.ACTIVE : AccountStatus.valueOf(status));
        }
        // Stored before grants: each role over every scope code.
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : Attr.list(item, "roles")) roles.add(Role.valueOf(r));
        return new UserAccount(id, Attr.str(item, "openId"), Attr.str(item, "unionId"), Attr.str(item, "displayName"),
                Grant.spread(roles, new LinkedHashSet<>(Attr.list(item, "scope"))), created, version);
    }
}
