package org.linli.handlers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.linli.cases.DepartmentDirectory;
import org.linli.http.Access;
import org.linli.http.ApiHandler;
import org.linli.http.ApiRequest;
import org.linli.http.ApiResponse;
import org.linli.http.Route;
import org.linli.identity.GrantChange;
import org.linli.identity.GrantTargets;
import org.linli.identity.Promotions;
import org.linli.identity.Role;
import org.linli.identity.UserAccount;
import org.linli.identity.UserStore;
import org.linli.observability.Log;
import org.linli.territory.Level;
import org.linli.territory.TerritoryRegistry;
import org.linli.views.identity.AccountViews;
import org.linli.wiring.Wiring;

/**
 * Staff administration: an administrator lists the staff accounts, reads an account with its grant history, grants a role
 * over territory nodes (checked against the current map) or a department, and revokes it. The
 * user's next login or token refresh carries the change.
 */
public final class UserAdminApi extends ApiHandler {
    private final Promotions promotions;
    private final UserStore users;

    public UserAdminApi() {
        this(Wiring.current());
    }

    private UserAdminApi(Wiring w) {
        this(w.users(), targets(w.territory(), w.departments()), w.clock());
        checkAccounts(w.accountCheck(), w::accessLog);
    }

    /** Grant targets from the registry's current map and the department registry. */
    public static GrantTargets targets(TerritoryRegistry registry, DepartmentDirectory departments) {
        return new GrantTargets() {
            @Override
            public Map<String, Level> levels(Collection<String> codes) {
                return registry.levels(registry.currentMap().version(), codes);
            }

            @Override
            public Set<String> departments(Collection<String> codes) {
                return departments.find(codes).keySet();
            }
        };
    }

    public UserAdminApi(UserStore users, GrantTargets targets, Clock clock) {
        super(clock);
        this.promotions = new Promotions(users, targets, clock);
        this.users = users;
        Access admins = Access.roles(Role.ADMIN).system();
        serve(ApiRoutes.BY_HANDLER.get(getClass().getName()),
                Route.of("GET /admin/users", admins, this::list).personal(),
                Route.of("GET /admin/users/{userId}", admins, this::get).personal(),
                Route.of("POST /admin/users/{userId}/grants", admins, r -> change(r, promotions.grant(r.principal(),
                        r.pathParam("userId"), r.body()))),
                Route.of("POST /admin/users/{userId}/revocations", admins, r -> change(r, promotions.revoke(r.principal(),
                        r.pathParam("userId"), r.body()))),
                Route.of("POST /admin/users/{userId}/disable", admins, r -> change(r, promotions.disable(r.principal(),
                        r.pathParam("userId"), r.body()))));
    }

    /**
     * The staff accounts, a page at a time: {@code q} a user-id prefix (the key condition), {@code role}
     * and {@code node} filters on the page read (one Query of the sparse ByListing index per page;
     * a filtered page may hold fewer than {@code limit} rows and still a cursor).
     */
    private static final java.util.regex.Pattern USER_ID_PREFIX = java.util.regex.Pattern.compile("[A-Za-z0-9_]{1,64}");

    private ApiResponse list(ApiRequest r) {
        String q = r.query("q").map(String::trim).filter(v -> !v.isEmpty()).orElse(null);
        // a user id prefix (usr_…): letters, digits and '_' only - anything else cannot start an id
        if (q != null && !USER_ID_PREFIX.matcher(q).matches()) {
            throw org.linli.core.ValidationFailed.of("q", "must be the start of a user id: letters, digits and _ only, at most 64");
        }
        Role role = QueryParams.enumParam(r, "role", Role.class);
        String node = r.query("node").map(String::trim).filter(v -> !v.isEmpty()).orElse(null);
        if (node != null && !org.linli.core.format.NodeCode.valid(node)) throw org.linli.core.ValidationFailed.of("node", "is not a territory or department code");
        var page = users.staff(q, role, node, r.limit(50, 100), r.cursor());
        return ApiResponse.ok(org.linli.views.Views.page(page, AccountViews::account));
    }

    private ApiResponse get(ApiRequest r) {
        String id = r.pathParam("userId");
        UserAccount u = promotions.account(r.principal(), id);
        ObjectNode o = AccountViews.account(u);
        var history = o.putArray("grantChanges");
        for (GrantChange c : promotions.history(r.principal(), id, 50)) history.add(AccountViews.grantChange(c));
        users.findErasure(id).ifPresent(e -> o.set("erasure", org.linli.views.privacy.PrivacyViews.erasure(e)));
        return ApiResponse.ok(o);
    }

    private ApiResponse change(ApiRequest r, Promotions.Outcome outcome) {
        if (outcome.change() != null) {
            GrantChange c = outcome.change();
            Log.info("user.grants_changed", "userId", c.userId(), "by", c.actorId(), "kind", c.kind(), "role", c.role(),
                    "nodes", c.nodes().size(), "requestId", r.requestId());
        }
        ObjectNode o = AccountViews.account(outcome.account());
        o.put("changed", outcome.change() != null);
        if (outcome.change() != null) o.set("change", AccountViews.grantChange(outcome.change()));
        return ApiResponse.ok(o);
    }

}
