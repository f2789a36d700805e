package org.linli.territory;

import java.util.List;

/** The people listed on one territory node, in the order the community ranks them. */
public record Roster(String nodeCode, List<RosterMember> members) {
    public Roster {
        members = List.copyOf(members);
    }

    public static Roster empty(String nodeCode) {
        return new Roster(nodeCode, List.of());
    }
}
