package org.linli.identity;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * The authenticated caller: user id, roles and the territory codes his staff roles cover.
 * A scope code covers every node below it, so a case is in scope when its territory path holds
 * one of the caller's codes.
 */
public record Principal(String userId, Set<Role> roles, Set<String> scope) {
    public Principal {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        scope = Set.copyOf(scope);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Collection<Role> any) {
        for (Role r : any) if (roles.contains(r)) return true;
        return false;
    }

    public boolean isStaff() {
        return roles.stream().anyMatch(Role::staff);
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }

    /** Staff whose scope contains one of the codes on {@code territoryPath}; administrators always. */
    public boolean covers(Collection<String> territoryPath) {
        if (isAdmin()) return true;
        if (!isStaff()) return false;
        for (String code : territoryPath) if (scope.contains(code)) return true;
        return false;
    }
}
