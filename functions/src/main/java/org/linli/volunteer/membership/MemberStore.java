package org.linli.volunteer.membership;

import java.util.Optional;
import org.linli.core.Page;

/** Persistence of memberships. */
public interface MemberStore {
    Optional<Membership> membership(String memberId);

    /**
     * Stores a new PENDING registration. Returns the registration already stored instead, changing
     * nothing, unless there is none or it was declined (a declined member may register again).
     */
    Optional<Membership> register(Membership pending);

    /** Moves a PENDING registration to {@code decided}'s status; false when it is no longer PENDING. */
    boolean decide(Membership decided);

    /** A community's registrations in one status, oldest first. */
    Page<Membership> byStatus(String communityCode, MembershipStatus status, int limit, String cursor);
}
