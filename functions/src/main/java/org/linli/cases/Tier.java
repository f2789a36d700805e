package org.linli.cases;

import java.util.Optional;
import org.linli.identity.Role;
import org.linli.territory.Level;

/**
 * The level of response that currently owns a case: the three levels of 三级响应 (community →
 * street/township → district), the district's functional departments standing at the third level
 * beside its command centre. Escalation moves a case one tier up (see {@link Escalation}).
 */
public enum Tier {
    COMMUNITY, STREET, DEPARTMENT, DISTRICT;

    /** The tier a dispatch queue at a territory node belongs to (city and district: the top). */
    public static Tier ofLevel(Level level) {
        return switch (level) {
            case COMMUNITY, GRID, MICRO_GRID -> COMMUNITY;
            case STREET -> STREET;
            case DISTRICT, CITY -> DISTRICT;
        };
    }

    public boolean top() {
        return this == DISTRICT;
    }

    /**
     * Whether a staff role may act for this tier (dispatch, reject, review...). Higher levels may
     * act for lower ones (督办); a department's own staff only for cases in its queue.
     */
    public boolean reachableBy(Role role) {
        return switch (role) {
            case ADMIN, DISTRICT_STAFF -> true;
            case STREET_STAFF -> this == COMMUNITY || this == STREET;
            case COMMUNITY_STAFF -> this == COMMUNITY;
            case DEPARTMENT_STAFF -> this == DEPARTMENT;
            default -> false;
        };
    }

    /** The lowest role acting for this tier, recorded in the audit trail as the actor's role. */
    public Optional<Role> actingRole(java.util.Set<Role> roles) {
        for (Role r : new Role[] {Role.COMMUNITY_STAFF, Role.STREET_STAFF, Role.DEPARTMENT_STAFF, Role.DISTRICT_STAFF, Role.ADMIN}) {
            if (roles.contains(r) && reachableBy(r)) return Optional.of(r);
        }
        return Optional.empty();
    }
}
