package org.linli.volunteer.wishes;

import java.time.Instant;
import java.util.Optional;
import org.linli.core.Page;
import org.linli.core.RateLimit;
import org.linli.volunteer.membership.Membership;
import org.linli.volunteer.points.AwardOutcome;
import org.linli.volunteer.points.PointsAward;

/** Persistence of wishes. */
public interface WishStore {
    /** Stores a new wish; returns the wish already stored under its id instead (a retried placement). */
    default Optional<Wish> insertNew(Wish wish) {
        return insertNew(wish, null);
    }

    /** The same, counted against the resident's rate limit in the same write (see ReportStore). */
    Optional<Wish> insertNew(Wish wish, RateLimit.Charge charge);

    Optional<Wish> find(String wishId);

    /** The member's registration and the wish, in one round trip (what a claim needs to know). */
    ClaimContext claimContext(String memberId, String wishId);

    record ClaimContext(Optional<Membership> membership, Optional<Wish> wish) {}

    /**
     * The claim: one conditional write that succeeds only while the wish is PUBLISHED, has no
     * claimant, and is offered to everyone or to this member. {@code claimed} is the wish as the
     * claim leaves it. Returns the stored wish after the attempt and whether this claim won.
     */
    ClaimResult claim(Wish claimed);

    record ClaimResult(boolean won, Optional<Wish> current) {}

    /** Writes {@code next} over version {@code next.version() - 1}; false when the wish changed meanwhile. */
    boolean save(Wish next);

    /** Writes the fulfilled wish over its previous version and appends the award, in one transaction. */
    AwardOutcome fulfil(Wish fulfilled, PointsAward award);

    /**
     * A community's wishes in one state. Pending, published and claimed wishes come oldest first
     * (claimed ones by deadline); completed and fulfilled ones newest first. {@code sortBefore}
     * keeps only those whose sort time (published at, or the deadline) is before it.
     */
    Page<Wish> byState(String communityCode, WishState state, Instant sortBefore, int limit, String cursor);

    /** Wishes a resident placed, newest first. */
    Page<Wish> byResident(String residentId, int limit, String cursor);

    /** Wishes a member holds or held, by deadline, latest first. */
    Page<Wish> byClaimant(String memberId, int limit, String cursor);
}
