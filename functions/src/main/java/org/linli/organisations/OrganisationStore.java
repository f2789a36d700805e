package org.linli.organisations;

import java.util.List;
import java.util.Optional;

/** Persistence of a community's organisations and their member links (one partition per community). */
public interface OrganisationStore {
    /** Stores a new organisation unless its id exists; returns the stored one then (a retried request). */
    Optional<Organisation> register(Organisation o);

    Optional<Organisation> find(String community, String organisationId);

    /** Replaces the organisation if it is still at {@code expectedVersion}; false when it changed meanwhile. */
    boolean update(Organisation after, long expectedVersion);

    /** Links (or moves) a member to an organisation that must still exist; false when it does not. */
    boolean link(MemberLink link);

    /** Every organisation of the community and every member link, in one read. */
    Roster roster(String community);

    record Roster(List<Organisation> organisations, List<MemberLink> links) {
        public Roster {
            organisations = List.copyOf(organisations);
            links = List.copyOf(links);
        }
    }
}
