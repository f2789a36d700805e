package org.linli.identity;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.linli.core.Conflict;
import org.linli.core.FieldError;
import org.linli.core.Forbidden;
import org.linli.core.Ids;
import org.linli.core.NotFound;
import org.linli.core.ValidationFailed;
import org.linli.core.format.NodeCode;
import org.linli.json.JsonInput;
import org.linli.territory.Level;

/**
 * Staff promotion: an administrator grants a resident a role over territory nodes (or a
 * department), or revokes it. Nodes are checked against the current map - a grid worker's node
 * must be a grid, a community's staff a community - and every change is recorded with who made
 * it and why. The user's tokens carry the new grants from his next login or refresh.
 */
public final class Promotions {
    public static final int MAX_NODES = 20;
    private static final int ATTEMPTS = 3;

    private final UserStore users;
    private final GrantTargets targets;
    private final Clock clock;

    public Promotions(UserStore users, GrantTargets targets, Clock clock) {
        this.users = users;
        this.targets = targets;
        this.clock = clock;
    }

    /** The level a territorial role is held over; null for department staff (a department code). */
    static Set<Level> levelsFor(Role role) {
        return switch (role) {
            case GRID_WORKER -> EnumSet.of(Level.GRID);
            case MICRO_GRID_LEADER -> EnumSet.of(Level.MICRO_GRID);
            case COMMUNITY_STAFF -> EnumSet.of(Level.COMMUNITY);
            case STREET_STAFF -> EnumSet.of(Level.STREET);
            case DISTRICT_STAFF -> EnumSet.of(Level.DISTRICT, Level.CITY);
            default -> EnumSet.noneOf(Level.class);
        };
    }

    public UserAccount account(Principal admin, String userId) {
        requireAdmin(admin);
        return find(userId);
    }

    public List<GrantChange> history(Principal admin, String userId, int limit) {
        requireAdmin(admin);
        find(userId);
        return users.grantChanges(userId, limit);
    }

    /** What a change did: the account afterwards, and the change (null when nothing changed). */
    public record Outcome(UserAccount account, GrantChange change) {}

    public Outcome grant(Principal admin, String userId, JsonNode body) {
        requireAdmin(admin);
        Request r = parse(body, true);
        checkTargets(r);
        return apply(admin, userId, r, GrantChange.Kind.GRANT);
    }

    public Outcome revoke(Principal admin, String userId, JsonNode body) {
        requireAdmin(admin);
        Request r = parse(body, false);
        if (r.role == Role.ADMIN && userId.equals(admin.userId())) {
            throw new Forbidden("An administrator cannot revoke his own ADMIN role; ask another administrator.");
        }
        return apply(admin, userId, r, GrantChange.Kind.REVOKE);
    }

    /**
     * Disables an account (a staff member who left): its tokens stop at the next write or read of
     * personal data (AccountCheck), its refresh token and logins are refused. Recorded in the
     * account's change history; disabling a disabled account changes nothing.
     */
    public Outcome disable(Principal admin, String userId, JsonNode body) {
        requireAdmin(admin);
        JsonInput in = JsonInput.root(body, Set.of("reason"));
        String reason = in.requiredString("reason", 1, 500, JsonInput.TextRule.MULTI_LINE);
        in.throwIfInvalid();
        if (userId.equals(admin.userId())) throw new Forbidden("An administrator cannot disable his own account; ask another administrator.");
        return changeStatus(admin, userId, GrantChange.Kind.DISABLE, reason);
    }

    /** The account erased (privacy.Erasure has erased his data first), recorded like a grant change. */
    public Outcome erase(Principal actor, String userId, String reason) {
        return changeStatus(actor, userId, GrantChange.Kind.ERASE, reason);
    }

    private Outcome changeStatus(Principal actor, String userId, GrantChange.Kind kind, String reason) {
        for (int attempt = 1; ; attempt++) {
            UserAccount before = find(userId);
            AccountStatus target = kind == GrantChange.Kind.DISABLE ? AccountStatus.DISABLED : AccountStatus.ERASED;
            if (before.status() == target || before.status() == AccountStatus.ERASED) return new Outcome(before, null);
            UserAccount after = kind == GrantChange.Kind.DISABLE ? before.disabled() : before.erased();
            Instant now = clock.instant();
            GrantChange change = new GrantChange(Ids.random("grc", now), userId, actor.userId(), kind, null, List.of(), reason, now,
                    after.grants().stream().map(Grant::wire).toList());
            if (users.changeGrants(before, after, change)) return new Outcome(after, change);
            if (attempt >= ATTEMPTS) {
                throw new Conflict("VERSION_CONFLICT", "The account changed while this was being saved; try again.", Map.of());
            }
        }
    }

    private record Request(Role role, List<String> nodes, String reason) {}

    private static Request parse(JsonNode body, boolean granting) {
        JsonInput in = JsonInput.root(body, Set.of("role", "nodes", "reason"));
        Role role = in.requiredEnum("role", Role.class);
        List<String> nodes = in.optionalStringList("nodes", MAX_NODES, 64, NodeCode.PATTERN, "must be territory node or department codes");
        String reason = in.requiredString("reason", 1, 500, JsonInput.TextRule.MULTI_LINE);
        if (role == Role.RESIDENT) in.error("role", "every user is a resident; RESIDENT is neither granted nor revoked");
        if (role == Role.VOLUNTEER) in.error("role", "VOLUNTEER follows an approved volunteer registration, not a grant");
        if (role != null && role.territorial()) {
            if (granting && (nodes == null || nodes.isEmpty())) in.error("nodes", "name the node(s) the role is held over");
        } else if (role != null && nodes != null && !nodes.isEmpty()) {
            in.error("nodes", role + " is not held over nodes; leave nodes out");
        }
        in.throwIfInvalid();
        return new Request(role, nodes == null ? List.of() : List.copyOf(new LinkedHashSet<>(nodes)), reason);
    }

    private void checkTargets(Request r) {
        if (!r.role.territorial()) return;
        List<FieldError> problems = new ArrayList<>();
        if (r.role == Role.DEPARTMENT_STAFF) {
            Set<String> known = targets.departments(r.nodes);
            for (int i = 0; i < r.nodes.size(); i++) {
                if (!known.contains(r.nodes.get(i))) problems.add(new FieldError("nodes[" + i + "]",
                        "is not a registered department"));
            }
        } else {
            Map<String, Level> levels = targets.levels(r.nodes);
            Set<Level> wanted = levelsFor(r.role);
            for (int i = 0; i < r.nodes.size(); i++) {
                Level l = levels.get(r.nodes.get(i));
                if (l == null) problems.add(new FieldError("nodes[" + i + "]", "is not a node of the current map"));
                else if (!wanted.contains(l)) problems.add(new FieldError("nodes[" + i + "]",
                        "is a " + l + "; " + r.role + " is held over " + wanted));
            }
        }
        if (!problems.isEmpty()) throw new ValidationFailed("The grant is refused: " + problems.size() + " node(s) need attention.", problems);
    }

    private Outcome apply(Principal admin, String userId, Request r, GrantChange.Kind kind) {
        for (int attempt = 1; ; attempt++) {
            UserAccount before = find(userId);
            Set<Grant> grants = new TreeSet<>(before.grants());
            List<String> changed = new ArrayList<>();
            if (kind == GrantChange.Kind.GRANT) {
                if (r.nodes.isEmpty()) {
                    if (grants.add(Grant.of(r.role))) changed.add(r.role.name());
                } else {
                    for (String n : r.nodes) if (grants.add(new Grant(r.role, n))) changed.add(n);
                }
            } else {
                for (Grant g : before.grants()) {
                    if (g.role() != r.role || (!r.nodes.isEmpty() && !r.nodes.contains(g.node()))) continue;
                    grants.remove(g);
                    changed.add(g.node() == null ? g.role().name() : g.node());
                }
            }
            if (changed.isEmpty()) return new Outcome(before, null);
            UserAccount after = before.withGrants(grants);
            Instant now = clock.instant();
            GrantChange change = new GrantChange(Ids.random("grc", now), userId, admin.userId(), kind, r.role,
                    r.role.territorial() ? changed : List.of(), r.reason, now, grants.stream().map(Grant::wire).toList());
            if (users.changeGrants(before, after, change)) return new Outcome(after, change);
            if (attempt >= ATTEMPTS) {
                throw new Conflict("VERSION_CONFLICT", "The account changed while this was being saved; try again.", Map.of());
            }
        }
    }

    private UserAccount find(String userId) {
        if (!Ids.looksLike(userId, "usr")) throw new NotFound("user", userId);
        return users.find(userId).orElseThrow(() -> new NotFound("user", userId));
    }

    private static void requireAdmin(Principal p) {
        if (!p.isAdmin()) throw new Forbidden("Only administrators grant and revoke roles.");
    }
}
