package org.linli.cases;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import org.linli.identity.Principal;
import org.linli.identity.Role;

/**
 * An actor's standing towards one case: the parties he is (assignee, owner of its tier,
 * summoned department, reporter, system) and the departments he speaks for on it. Scope checks
 * live here, in the domain: a role alone never grants an action on a case.
 */
public record Standing(Set<Party> parties, Set<String> departments, boolean canRead, boolean staffView) {
    public static Standing of(Case c, Actor actor) {
        if (actor.system()) return new Standing(EnumSet.of(Party.SYSTEM), Set.of(), true, true);
        Principal p = actor.principal();
        Set<Party> parties = EnumSet.noneOf(Party.class);
        if (p.isStaff() && c.assignee() != null && c.assignee().userId().equals(p.userId())) parties.add(Party.ASSIGNEE);
        if (owns(c, p)) parties.add(Party.OWNER);
        Set<String> departments = new LinkedHashSet<>();
        if (p.has(Role.DEPARTMENT_STAFF)) {
            for (SummonsTask t : c.tasks()) if (p.holds(Role.DEPARTMENT_STAFF, t.department())) departments.add(t.department());
            if (!departments.isEmpty()) parties.add(Party.DEPARTMENT);
        }
        if (!c.reporterIds().isEmpty() && c.reporterIds().get(0).equals(p.userId())) parties.add(Party.REPORTER);
        else if (c.reporterIds().contains(p.userId())) parties.add(Party.FOLLOWER);
        boolean staff = parties.contains(Party.ASSIGNEE) || parties.contains(Party.OWNER) || parties.contains(Party.DEPARTMENT)
                || p.covers(c.territoryPath()) || inDepartmentQueue(c, p);
        return new Standing(Set.copyOf(parties), Set.copyOf(departments), staff || !parties.isEmpty(), staff);
    }

    /** Staff whose role reaches the case's tier and whose scope covers it (a department: its own queue). */
    static boolean owns(Case c, Principal p) {
        if (p.isAdmin()) return true;
        for (Role r : p.roles()) {
            if (!c.tier().reachableBy(r)) continue;
            if (r == Role.DEPARTMENT_STAFF ? p.holds(r, c.tierNode()) : p.covers(r, c.territoryPath())) return true;
        }
        return false;
    }

    private static boolean inDepartmentQueue(Case c, Principal p) {
        return c.tier() == Tier.DEPARTMENT && p.holds(Role.DEPARTMENT_STAFF, c.tierNode());
    }

    /** Handling the case: its assignee, staff owning its tier, or a summoned department. */
    public boolean handles() {
        return is(Party.ASSIGNEE) || is(Party.OWNER) || is(Party.DEPARTMENT);
    }

    /** A follower and nothing more: he gets the follower's view (status and outcome), no audit trail. */
    public boolean followerOnly() {
        return parties.equals(Set.of(Party.FOLLOWER)) && !staffView;
    }

    public boolean is(Party party) {
        return parties.contains(party);
    }
}
