package org.linli.identity;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One role held by a user, bound to the node it is held over: a grid worker of grid
 * {@code DEMO-W1-G1}, the staff of community {@code DEMO-W1}, the duty officer of department
 * {@code DEMO-PS-W}. Roles that are not territorial (resident, volunteer, administrator) hold no
 * node. Binding each role to its own nodes means a user who is a community's staff in one place
 * and a grid worker in another is never the community's staff of the grid.
 */
public record Grant(Role role, String node) implements Comparable<Grant> {
    private static final Comparator<Grant> ORDER = Comparator.comparing(Grant::role)
            .thenComparing(g -> g.node() == null ? "" : g.node());

    public Grant {
        if (role == null) throw new IllegalArgumentException("a grant needs a role");
        if (!role.territorial() || (node != null && node.isBlank())) node = null;
    }

    public static Grant of(Role role) {
        return new Grant(role, null);
    }

    /** {@code ROLE} or {@code ROLE@NODE}: the form in tokens, the authorizer context and the store. */
    public String wire() {
        return node == null ? role.name() : role.name() + "@" + node;
    }

    /** @throws IllegalArgumentException when it is not the wire form of a grant */
    public static Grant parse(String wire) {
        int at = wire.indexOf('@');
        return at < 0 ? new Grant(Role.valueOf(wire), null) : new Grant(Role.valueOf(wire.substring(0, at)), wire.substring(at + 1));
    }

    /**
     * Grants from a role set and a scope set, each territorial role bound to every scope code:
     * how accounts and tokens from before grants read, and a shorthand for single-role users.
     */
    public static Set<Grant> spread(Set<Role> roles, Set<String> scope) {
        Set<Grant> out = new LinkedHashSet<>();
        for (Role r : roles) {
            if (!r.territorial() || scope.isEmpty()) out.add(new Grant(r, null));
            else for (String code : scope) out.add(new Grant(r, code));
        }
        return out;
    }

    @Override
    public int compareTo(Grant o) {
        return ORDER.compare(this, o);
    }
}
