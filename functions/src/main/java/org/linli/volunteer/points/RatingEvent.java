package org.linli.volunteer.points;

import java.time.Instant;
import java.time.YearMonth;
import org.linli.core.Ids;
import org.linli.volunteer.membership.Membership;

/**
 * A rating on its way to the member's aggregates. The id derives from what was rated (a wish, a
 * service log, or resident + member + year for an appraisal), so the same rating sent twice is
 * the same event and folds once. {@code month} is when it counts for points; appraisals carry no
 * points and count in {@code year}. No comment travels: it stays on the rated record.
 */
public record RatingEvent(String eventId, RatingKind kind, String subjectId, String memberId, String memberName,
                          String community, int year, YearMonth month, int score, Instant at) {

    public static RatingEvent appraisal(String residentId, Membership member, int year, int score, Instant at) {
        return new RatingEvent(Ids.derived("rte", "appraisal", residentId, member.memberId(), Integer.toString(year)),
                RatingKind.APPRAISAL, residentId, member.memberId(), member.name(), member.community().code(), year, null,
                score, at);
    }
}
