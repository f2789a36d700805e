package org.linli.volunteer.servicelog;

import java.time.LocalDate;
import java.util.Optional;
import org.linli.core.Page;
import org.linli.volunteer.Rating;
import org.linli.volunteer.membership.Membership;
import org.linli.volunteer.points.AwardOutcome;
import org.linli.volunteer.points.PointsAward;

/** Persistence of service logs and members' day sheets. */
public interface ServiceLogStore {
    /** The member's registration and his day sheet (empty when none), in one consistent round trip. */
    LogContext context(String memberId, LocalDate day);

    record LogContext(Optional<Membership> membership, LogDay day) {}

    /**
     * Stores the log and adds it to the day sheet read as {@code before}, in one transaction.
     * Returns STORED; DAY_CHANGED when another log changed the day meanwhile (check again);
     * ID_TAKEN when a log with this id exists (a retried request).
     */
    InsertOutcome insert(ServiceLog log, LogDay before);

    enum InsertOutcome { STORED, DAY_CHANGED, ID_TAKEN }

    Optional<ServiceLog> find(String logId);

    /** PENDING → VERIFIED and the award, in one transaction. STALE when the log is no longer PENDING. */
    AwardOutcome verify(ServiceLog verified, PointsAward award);

    /** PENDING → REJECTED, and its interval leaves the day sheet; false when no longer PENDING. */
    boolean reject(ServiceLog rejected);

    /**
     * Records the beneficiary's rating on a VERIFIED, unrated log of his, in one conditional write.
     * Returns the log as stored afterwards and whether this call rated it.
     */
    RateResult rate(String logId, String beneficiaryId, Rating rating);

    record RateResult(boolean rated, Optional<ServiceLog> log) {}

    /** A member's logs, newest first. */
    Page<ServiceLog> byMember(String memberId, int limit, String cursor);

    /** A community's logs in one status, oldest first (what waits for verification). */
    Page<ServiceLog> byCommunity(String communityCode, LogStatus status, int limit, String cursor);

    /** Logs of service a user received, newest first (what he may confirm and rate). */
    Page<ServiceLog> byBeneficiary(String userId, int limit, String cursor);
}
