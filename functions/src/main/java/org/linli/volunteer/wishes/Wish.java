package org.linli.volunteer.wishes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.linli.core.Ids;
import org.linli.volunteer.Rating;
import org.linli.volunteer.VolunteerTime;
import org.linli.volunteer.membership.Community;
import org.linli.volunteer.points.RatingEvent;
import org.linli.volunteer.points.RatingKind;

/**
 * A resident's micro-wish (微心愿). Transitions return a new wish one version on, with the step
 * appended to its history; stores write it only over the version it was read at, except the
 * claim, which is conditional on the state itself so that exactly one of many claims wins.
 */
public record Wish(String id, Community community, String residentId, WishContent content, WishState state,
                   Instant createdAt, Instant updatedAt, String fingerprint, Instant publishedAt, String offeredTo,
                   Claim claim, Completion completion, Rating rating, String declineReason, List<WishEvent> history,
                   long version) {
    public Wish {
        history = List.copyOf(history);
    }

    public static Wish placed(String id, Community community, String residentId, WishContent content, String fingerprint,
                              Instant now) {
        return new Wish(id, community, residentId, content, WishState.PENDING_REVIEW, now, now, fingerprint, null, null,
                null, null, null, null, List.of(new WishEvent("PLACED", residentId, now, null)), 1);
    }

    public Wish edited(WishContent newContent, String by, String note, Instant now) {
        return next(newContent, state, publishedAt, offeredTo, claim, completion, rating, declineReason,
                new WishEvent("EDITED", by, now, note), now);
    }

    public Wish published(String dispatchTo, String by, String note, Instant now) {
        return next(content, WishState.PUBLISHED, now, dispatchTo, null, null, null, null,
                new WishEvent(dispatchTo == null ? "APPROVED" : "DISPATCHED", by, now, note), now);
    }

    public Wish declined(String reason, String by, Instant now) {
        return next(content, WishState.DECLINED, publishedAt, offeredTo, null, null, null, reason,
                new WishEvent("DECLINED", by, now, reason), now);
    }

    public Wish claimed(Claim c) {
        return next(content, WishState.CLAIMED, publishedAt, offeredTo, c, null, null, null,
                new WishEvent("CLAIMED", c.memberId(), c.claimedAt(), null), c.claimedAt());
    }

    /** Back to the pool; {@code newWantedBy} moves the date when the old one has passed. */
    public Wish released(String by, String reason, Instant newWantedBy, Instant now) {
        WishContent c = newWantedBy == null ? content : content.edited(null, null, newWantedBy, null);
        return next(c, WishState.PUBLISHED, now, null, null, null, null, null, new WishEvent("RELEASED", by, now, reason), now);
    }

    public Wish reassigned(Claim c, String by, String reason) {
        return next(content, WishState.CLAIMED, publishedAt, offeredTo, c, null, null, null,
                new WishEvent("REASSIGNED", by, c.claimedAt(), reason), c.claimedAt());
    }

    public Wish completed(Completion done) {
        return next(content, WishState.COMPLETED, publishedAt, offeredTo, claim, done, null, null,
                new WishEvent("COMPLETED", claim.memberId(), done.at(), null), done.at());
    }

    /** The resident says it was not done: back to the member, who must serve it again. */
    public Wish disputed(String reason, Instant now) {
        return next(content, WishState.CLAIMED, publishedAt, offeredTo, claim, null, null, null,
                new WishEvent("DISPUTED", residentId, now, reason), now);
    }

    public Wish fulfilled(Rating r) {
        return next(content, WishState.FULFILLED, publishedAt, offeredTo, claim, completion, r, null,
                new WishEvent("FULFILLED", residentId, r.at(), null), r.at());
    }

    public boolean claimedBy(String memberId) {
        return claim != null && claim.memberId().equals(memberId);
    }

    /** CLAIMED past its deadline. */
    public boolean overdue(Instant now) {
        return state == WishState.CLAIMED && claim != null && now.isAfter(claim.serveBy());
    }

    private Wish next(WishContent c, WishState s, Instant published, String offered, Claim cl, Completion done, Rating r,
                      String decline, WishEvent event, Instant now) {
        List<WishEvent> h = new ArrayList<>(history);
        h.add(event);
        return new Wish(id, community, residentId, c, s, createdAt, now, fingerprint, published, offered, cl, done, r,
                decline, h, version + 1);
    }

    /** The resident's rating of the fulfilled wish, on its way to the member's aggregates; its id derives from the wish. */
    public RatingEvent ratingEvent(Instant at) {
        return new RatingEvent(Ids.derived("rte", "wish", id), RatingKind.WISH, id, claim().memberId(), claim().memberName(),
                community().code(), VolunteerTime.year(at), VolunteerTime.month(at), rating().score(), at);
    }
}
