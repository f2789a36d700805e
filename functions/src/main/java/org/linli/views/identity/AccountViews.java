package org.linli.views.identity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.linli.core.Times;
import org.linli.identity.AccessTokens;
import org.linli.identity.Grant;
import org.linli.identity.GrantChange;
import org.linli.identity.Login;
import org.linli.identity.UserAccount;
import org.linli.json.Json;

/** JSON views of accounts, the tokens of a login, grant changes. */
public final class AccountViews {
    private AccountViews() {}

    /** An account: id, name, roles, grants (each role with its node), scope, version. */
    public static ObjectNode account(UserAccount u) {
        ObjectNode o = Json.object();
        o.put("userId", u.id());
        if (u.displayName() != null) o.put("displayName", u.displayName());
        var roles = o.putArray("roles");
        u.roles().stream().sorted().forEach(x -> roles.add(x.name()));
        var grants = o.putArray("grants");
        for (Grant g : u.grants()) {
            ObjectNode n = grants.addObject().put("role", g.role().name());
            if (g.node() != null) n.put("node", g.node());
        }
        var scope = o.putArray("scope");
        u.scope().stream().sorted().forEach(scope::add);
        o.put("version", u.version());
        o.put("status", u.status().name());
        return o;
    }

    public static ObjectNode grantChange(GrantChange c) {
        ObjectNode o = Json.object();
        o.put("changeId", c.changeId());
        o.put("kind", c.kind().name());
        if (c.role() != null) o.put("role", c.role().name());
        var nodes = o.putArray("nodes");
        c.nodes().forEach(nodes::add);
        o.put("by", c.actorId());
        o.put("reason", c.reason());
        o.put("at", Times.api(c.at()));
        var after = o.putArray("grantsAfter");
        c.grantsAfter().forEach(after::add);
        return o;
    }

    /** A login's or a refresh's answer: the access token with its lifetime, the refresh token, the account. */
    public static ObjectNode tokens(Login.Result r) {
        ObjectNode o = Json.object();
        o.put("accessToken", r.accessToken());
        o.put("tokenType", "Bearer");
        o.put("expiresIn", AccessTokens.LIFETIME.toSeconds());
        o.put("expiresAt", Times.api(r.accessExpiresAt()));
        o.put("refreshToken", r.refreshToken());
        o.put("refreshExpiresAt", Times.api(r.refreshExpiresAt()));
        o.put("newUser", r.newUser());
        o.set("user", account(r.user()));
        return o;
    }
}
