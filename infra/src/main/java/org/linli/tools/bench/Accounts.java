package org.linli.tools.bench;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.linli.adapters.dynamo.users.DynamoUserStore;
import org.linli.identity.Grant;
import org.linli.identity.Role;
import org.linli.identity.UserAccount;
import org.linli.local.LocalCloud;

/**
 * Accounts for callers that tests and benchmarks invent (a fresh resident, a community's staff
 * member): an API function checks the caller's account before a write or a read of personal data
 * (identity.AccountCheck), so a principal handed to a function directly must exist as a user
 * holding at least the grants it claims - as it would had it signed in. Call it before a counted
 * section: the first call per caller writes one item, later calls nothing.
 */
public final class Accounts {
    private static final Set<String> KNOWN = ConcurrentHashMap.newKeySet();

    private Accounts() {}

    /** Makes {@code userId} hold the grants {@code roles} (comma-separated) over {@code scope} spread (as Events.http passes them). */
    public static void ensure(LocalCloud cloud, String userId, String roles, String scope) {
        if (userId == null) return;
        String key = cloud.tableName("UsersTable") + "|" + userId + "|" + roles + "|" + scope;
        if (KNOWN.contains(key)) return;
        // Serialised, and marked known only once written: callers racing on one user (a test's concurrent requests)
        // must not run ahead of the write, nor overwrite each other's grants.
        synchronized (Accounts.class) {
            if (KNOWN.contains(key)) return;
            write(cloud, userId, roles, scope);
            KNOWN.add(key);
        }
    }

    /**
     * The accounts of a set of callers sharing {@code roles} and {@code scope} (a benchmark's residents), made in one go
     * before the measured part so that the functions' account checks find them.
     */
    public static void ensureAll(LocalCloud cloud, Collection<String> userIds, String roles, String scope) {
        for (String id : userIds) ensure(cloud, id, roles, scope);
    }

    private static void write(LocalCloud cloud, String userId, String roles, String scope) {
        Set<Role> r = EnumSet.noneOf(Role.class);
        for (String x : roles == null ? new String[0] : roles.split(",")) if (!x.isBlank()) r.add(Role.valueOf(x.trim()));
        Set<String> nodes = new LinkedHashSet<>();
        if (scope != null && !scope.isBlank()) nodes.addAll(Arrays.asList(scope.split(",")));
        Set<Grant> wanted = Grant.spread(r, nodes);
        DynamoUserStore users = new DynamoUserStore(cloud.dynamo(), cloud.tableName("UsersTable"));
        UserAccount existing = users.find(userId).orElse(null);
        if (existing != null && existing.active() && existing.grants().containsAll(wanted)) return;
        Set<Grant> grants = new LinkedHashSet<>(wanted);
        if (existing != null) grants.addAll(existing.grants());
        users.save(new UserAccount(userId, null, null, null, grants, existing == null ? Instant.EPOCH : existing.createdAt(),
                existing == null ? 0 : existing.version() + 1));
    }
}
