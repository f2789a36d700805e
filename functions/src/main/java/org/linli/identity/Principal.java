package org.linli.identity;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The authenticated caller: user id and his grants - each role with the node it is held over.
 * A node covers everything below it, so an object is in a role's scope when its territory path
 * holds one of that role's nodes. These are the scope checks of the domain: handlers never
 * compare codes themselves.
 */
public record Principal(String userId, Set<Grant> grants) {
    public Principal {
        grants = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(grants));
    }

    /** Each territorial role bound to every scope code (tests, single-role users, older tokens). */
    public Principal(String userId, Set<Role> roles, Set<String> scope) {
        this(userId, Grant.spread(roles, scope));
    }

    public Set<Role> roles() {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Grant g : grants) roles.add(g.role());
        return roles;
    }

    /** Every node the caller's roles are held over. */
    public Set<String> scope() {
        Set<String> scope = new LinkedHashSet<>();
        for (Grant g : grants) if (g.node() != null) scope.add(g.node());
        return scope;
    }

    /** The nodes one role is held over. */
    public Set<String> nodesOf(Role role) {
        Set<String> nodes = new LinkedHashSet<>();
        for (Grant g : grants) if (g.role() == role && g.node() != null) nodes.add(g.node());
        return nodes;
    }

    public boolean has(Role role) {
        for (Grant g : grants) if (g.role() == role) return true;
        return false;
    }

    public boolean hasAny(Collection<Role> any) {
        for (Role r : any) if (has(r)) return true;
        return false;
    }

    public boolean isStaff() {
        return grants.stream().anyMatch(g -> g.role().staff());
    }

    public boolean isAdmin() {
        return has(Role.ADMIN);
    }

    /** Staff with any territorial role held over a node on {@code territoryPath}; administrators always. */
    public boolean covers(Collection<String> territoryPath) {
        if (isAdmin()) return true;
        for (Grant g : grants) if (g.role().territorial() && g.node() != null && territoryPath.contains(g.node())) return true;
        return false;
    }

    /** {@code role} held over a node on {@code territoryPath} (administrators: not implied). */
    public boolean covers(Role role, Collection<String> territoryPath) {
        for (Grant g : grants) if (g.role() == role && g.node() != null && territoryPath.contains(g.node())) return true;
        return false;
    }

    /** {@code role} held over exactly {@code code} - a department's staff for its own queue. */
    public boolean holds(Role role, String code) {
        return grants.contains(new Grant(role, code));
    }

    /** Some staff role held over exactly {@code code}, or an administrator: whose queues and lists he may read. */
    public boolean worksFor(String code) {
        if (isAdmin()) return true;
        for (Grant g : grants) if (g.role().territorial() && code.equals(g.node())) return true;
        return false;
    }
}
