package org.linli.volunteer.points;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.linli.core.Conflict;
import org.linli.core.Ids;
import org.linli.core.NotFound;
import org.linli.identity.Principal;
import org.linli.json.JsonInput;
import org.linli.volunteer.Inputs;
import org.linli.volunteer.PointsRules;
import org.linli.volunteer.VolunteerTime;
import org.linli.volunteer.membership.MemberStore;
import org.linli.volunteer.membership.Membership;
import org.linli.volunteer.membership.MembershipStatus;

/**
 * Ratings into aggregates. The consumer side folds each event once (the event id is the record's
 * key), with its bonus or deduction under the points rules; the API side takes residents' year-end
 * appraisals of members, which travel the same queue.
 */
public final class Ratings {
    private final PointsStore store;
    private final MemberStore members;
    private final RatingQueue queue;
    private final Points points;
    private final PointsRules rules;
    private final Clock clock;

    public Ratings(PointsStore store, MemberStore members, RatingQueue queue, PointsRules rules, Clock clock) {
        this.store = store;
        this.members = members;
        this.queue = queue;
        this.points = new Points(store);
        this.rules = rules;
        this.clock = clock;
    }

    /** Folds one event; false when it had been folded before (a redelivery: nothing changed). */
    public boolean fold(RatingEvent e) {
        int bonus = e.kind().byBeneficiary() ? rules.forRating(e.score()) : 0;
        if (bonus == 0) return store.fold(e, null) == AwardOutcome.DONE;
        PointsAward wanted = PointsAward.of(e.memberId(), e.memberName(), e.community(), e.month(), PointsRule.RATING,
                e.eventId(), bonus, 0, rules.monthlyCap(), e.at());
        return points.grant(wanted, a -> store.fold(e, a)).outcome() == AwardOutcome.DONE;
    }

    /** A resident appraises an approved member for this year or the last (群众评议): once per member and year. */
    public boolean appraise(Principal me, String memberId, JsonNode body) {
        JsonInput in = JsonInput.root(body, Set.of("year", "score"));
        Instant now = clock.instant();
        int thisYear = VolunteerTime.year(now);
        Integer year = in.optionalInt("year", thisYear - 1, thisYear);
        if (year == null && !in.has("year")) in.error("year", "is required: " + (thisYear - 1) + " or " + thisYear);
        Integer score = Inputs.score(in, "score");
        in.throwIfInvalid();
        if (memberId.equals(me.userId())) throw new Conflict("OWN_APPRAISAL", "You cannot appraise yourself.");
        if (!Ids.looksLike(memberId, "usr")) throw new NotFound("volunteer", memberId);
        Membership m = members.membership(memberId).filter(x -> x.status() == MembershipStatus.APPROVED)
                .orElseThrow(() -> new NotFound("volunteer", memberId));
        RatingEvent e = RatingEvent.appraisal(me.userId(), m, year, score, now);
        var earlier = store.appraise(e);
        if (earlier.isPresent() && earlier.get() != score.intValue()) {
            throw new Conflict("ALREADY_APPRAISED", "You have appraised this volunteer for " + year + " already.",
                    Map.of("score", earlier.get()));
        }
        // First time, or a retry of the same appraisal whose send may have failed: the consumer folds it once.
        queue.send(e);
        return earlier.isPresent();
    }
}
