package org.linli.volunteer.servicelog;

import java.time.Instant;
import java.util.List;
import org.linli.core.Ids;
import org.linli.volunteer.Rating;
import org.linli.volunteer.VolunteerTime;
import org.linli.volunteer.membership.Community;
import org.linli.volunteer.points.RatingEvent;
import org.linli.volunteer.points.RatingKind;

/**
 * One logged service: who, where, what type, from when to when, for whom (a user, or the resident
 * of a wish), with evidence photos. {@code points} are those its verification earned (after the cap).
 */
public record ServiceLog(String id, String memberId, String memberName, Community community, String type, Instant start,
                         Instant end, String beneficiaryId, String wishId, String description, List<String> evidenceKeys,
                         LogStatus status, Instant createdAt, String fingerprint, String decidedBy, Verifier verifiedVia,
                         Instant decidedAt, String rejectReason, int points, Rating rating) {
    public ServiceLog {
        evidenceKeys = List.copyOf(evidenceKeys);
    }

    public int minutes() {
        return (int) java.time.Duration.between(start, end).toMinutes();
    }

    public ServiceLog verified(String by, Verifier via, Instant at, int earned) {
        return new ServiceLog(id, memberId, memberName, community, type, start, end, beneficiaryId, wishId, description,
                evidenceKeys, LogStatus.VERIFIED, createdAt, fingerprint, by, via, at, null, earned, rating);
    }

    public ServiceLog rejected(String by, String reason, Instant at) {
        return new ServiceLog(id, memberId, memberName, community, type, start, end, beneficiaryId, wishId, description,
                evidenceKeys, LogStatus.REJECTED, createdAt, fingerprint, by, Verifier.STAFF, at, reason, 0, rating);
    }

    /** The beneficiary's rating of this service, on its way to the member's aggregates; its id derives from the log. */
    public RatingEvent ratingEvent() {
        return new RatingEvent(Ids.derived("rte", "log", id), RatingKind.SERVICE, id, memberId, memberName, community.code(),
                VolunteerTime.year(rating.at()), VolunteerTime.month(rating.at()), rating.score(), rating.at());
    }
}
