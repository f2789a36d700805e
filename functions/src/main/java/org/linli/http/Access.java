package org.linli.http;

import java.util.EnumSet;
import java.util.Set;
import org.linli.identity.Role;

/**
 * Who may call a route and on which territory. The first gate (authenticated, roles) is checked
 * before the route runs; the territory rule is stated here for every route and checked where the
 * territory is known: a node named in the path by this gate through the identity domain's
 * {@code Principal.worksFor}, an object's or a community's territory by the domain on the object
 * itself (cases' Standing, ReportReaders, the volunteer service's audiences).
 */
public record Access(boolean authenticated, Set<Role> roles, Scope scope, String param) {
    public static final Access PUBLIC = new Access(false, Set.of(), Scope.NONE, null);
    /** Any signed-in user; the route must still say its scope ({@link #own()}, {@link #object()}, ...). */
    public static final Access ANY_USER = new Access(true, Set.of(), Scope.UNSTATED, null);

    /** How a route's territory is decided. */
    public enum Scope {
        /** Not stated yet: a route must state its scope (RoutePolicyTest lists offenders). */
        UNSTATED("(not stated)"),
        /** No personal or territorial object: logins, the public map, public feeds and boards. */
        NONE("none: no personal or territorial object"),
        /** Only the caller's own data (his reports, notifications, registration, points). */
        OWN("own data only"),
        /** The object's territory and the caller's standing towards it, checked in the domain on the object. */
        OBJECT("the object's territory and parties, checked in the domain"),
        /** The node or department code in the path: one the caller works for (gate, Principal.worksFor). */
        NODE("a node or department in the path the caller works for"),
        /** The community in the path: staff covering its territory, checked in the domain. */
        COMMUNITY("the community in the path: staff covering it, checked in the domain"),
        /** The node or department in the path: staff of it or of a node above it, checked in the domain (KPIs). */
        COVERED("the node or department in the path: its staff or staff above it, checked in the domain"),
        /** No user: an Open311 api_key scoped to a territory node, checked in the domain on the request's place. */
        API_KEY("an Open311 api_key's territory node, checked in the domain on the place"),
        /** The whole system: administrators. */
        SYSTEM("the whole system");

        private final String describe;

        Scope(String describe) {
            this.describe = describe;
        }

        public String describe() {
            return describe;
        }
    }

    public static Access roles(Role first, Role... rest) {
        return new Access(true, EnumSet.of(first, rest), Scope.UNSTATED, null);
    }

    public static Access staff() {
        EnumSet<Role> s = EnumSet.noneOf(Role.class);
        for (Role r : Role.values()) if (r.staff()) s.add(r);
        return new Access(true, s, Scope.UNSTATED, null);
    }

    public Access own() {
        return new Access(authenticated, roles, Scope.OWN, null);
    }

    public Access object() {
        return new Access(authenticated, roles, Scope.OBJECT, null);
    }

    /** The path parameter {@code pathParam} names a node or department the caller must work for. */
    public Access node(String pathParam) {
        return new Access(authenticated, roles, Scope.NODE, pathParam);
    }

    public Access community(String pathParam) {
        return new Access(authenticated, roles, Scope.COMMUNITY, pathParam);
    }

    /** The path parameter {@code pathParam} names a node or department the caller works for or lies under. */
    public Access covering(String pathParam) {
        return new Access(authenticated, roles, Scope.COVERED, pathParam);
    }

    /** Open311's own authentication: no token, an {@code api_key} whose node must hold the request's place. */
    public static Access apiKey() {
        return new Access(false, Set.of(), Scope.API_KEY, null);
    }

    public Access anyTerritory() {
        return new Access(authenticated, roles, Scope.NONE, null);
    }

    public Access system() {
        return new Access(authenticated, roles, Scope.SYSTEM, null);
    }

    public boolean anyRole() {
        return roles.isEmpty();
    }

    /** "staff (GRID_WORKER, ...); scope: ..." - for docs and the policy listing. */
    public String describe() {
        String who = scope == Scope.API_KEY ? "an Open311 api_key" : !authenticated ? "anyone" : roles.isEmpty() ? "signed in"
                : roles.equals(staff().roles()) ? "staff" : String.join(", ", roles.stream().map(Role::name).sorted().toList());
        return who + "; " + scope.describe() + (param == null ? "" : " {" + param + "}");
    }
}
