package org.linli.http;

import java.util.EnumSet;
import java.util.Set;
import org.linli.identity.Role;

/**
 * Who may call a route. Territory scope is checked in the domain on the object itself; this is
 * only the first gate: authenticated or not, and with which roles.
 */
public record Access(boolean authenticated, Set<Role> roles) {
    public static final Access PUBLIC = new Access(false, Set.of());
    public static final Access ANY_USER = new Access(true, Set.of());

    public static Access roles(Role first, Role... rest) {
        return new Access(true, EnumSet.of(first, rest));
    }

    public static Access staff() {
        EnumSet<Role> s = EnumSet.noneOf(Role.class);
        for (Role r : Role.values()) if (r.staff()) s.add(r);
        return new Access(true, s);
    }

    public boolean anyRole() {
        return roles.isEmpty();
    }
}
