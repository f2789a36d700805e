package org.linli.volunteer.wishes;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.linli.core.Conflict;
import org.linli.core.Ids;
import org.linli.core.NotFound;
import org.linli.core.Page;
import org.linli.core.RateLimit;
import org.linli.core.ValidationFailed;
import org.linli.core.format.NodeCode;
import org.linli.core.format.Phone;
import org.linli.identity.Principal;
import org.linli.json.JsonInput.TextRule;
import org.linli.json.JsonInput;
import org.linli.volunteer.Audience;
import org.linli.volunteer.Inputs;
import org.linli.volunteer.Rating;
import org.linli.volunteer.VolunteerRules;
import org.linli.volunteer.VolunteerTime;
import org.linli.volunteer.membership.Communities;
import org.linli.volunteer.membership.Community;
import org.linli.volunteer.membership.MemberStore;
import org.linli.volunteer.membership.Membership;
import org.linli.volunteer.membership.Memberships;
import org.linli.volunteer.points.AwardOutcome;
import org.linli.volunteer.points.Points;
import org.linli.volunteer.points.PointsAward;
import org.linli.volunteer.points.PointsRule;
import org.linli.volunteer.points.PointsStore;
import org.linli.volunteer.points.RatingQueue;

/** The micro-wish loop (the six orders), each step a guarded transition of {@link Wish}. */
public final class Wishes {
    private final WishStore store;
    private final MemberStore members;
    private final Communities communities;
    private final RatingQueue ratings;
    private final Points points;
    private final VolunteerRules rules;
    private final Clock clock;
    private final RateLimit placements;

    public Wishes(WishStore store, MemberStore members, Communities communities, RatingQueue ratings, PointsStore pointsStore,
                  VolunteerRules rules, Clock clock) {
        this(store, members, communities, ratings, pointsStore, rules, clock, null);
    }

    /** {@code placements}: how many wishes one resident may place per window (null: no limit). */
    public Wishes(WishStore store, MemberStore members, Communities communities, RatingQueue ratings, PointsStore pointsStore,
                  VolunteerRules rules, Clock clock, RateLimit placements) {
        this.placements = placements;
        this.store = store;
        this.members = members;
        this.communities = communities;
        this.ratings = ratings;
        this.points = new Points(pointsStore);
        this.rules = rules;
        this.clock = clock;
    }

    /** A result and whether it repeats an earlier identical request. */
    public record Outcome(Wish wish, boolean replayed) {}

    // ---------------------------------------------------------------- 群众点单: place

    public Outcome place(Principal me, JsonNode body, String idempotencyKey) {
        Instant now = clock.instant();
        JsonInput in = JsonInput.root(body, Set.of("community", "title", "detail", "wantedBy", "place", "photoKeys", "contact"));
        String code = in.requiredMatch("community", NodeCode.PATTERN, "must be a community code");
        String title = in.requiredString("title", 1, 50, TextRule.SINGLE_LINE);
        String detail = in.requiredString("detail", 1, 500, TextRule.MULTI_LINE);
        Instant wantedBy = Inputs.instant(in, "wantedBy", true);
        String place = in.requiredString("place", 1, 100, TextRule.SINGLE_LINE);
        List<String> photos = in.optionalPhotoKeys("photoKeys");
        String contactName = null;
        String contactPhone = null;
        JsonInput c = in.requiredObject("contact", Set.of("name", "phone"));
        if (c != null) {
            contactName = c.optionalString("name", 1, 50, TextRule.SINGLE_LINE);
            contactPhone = c.requiredMatch("phone", Phone.PATTERN, Phone.RULE);
        }
        checkDate(in, "wantedBy", wantedBy, now);
        Community community = code == null ? null : communities.find(code).orElse(null);
        if (code != null && community == null) in.error("community", "is not a community of the current map");
        in.throwIfInvalid();

        WishContent content = new WishContent(title, detail, wantedBy, place, photos == null ? List.of() : photos,
                contactName, contactPhone);
        String fingerprint = Ids.derived("fp", code, title, detail, wantedBy.toString(), place, String.join(",", content.photoKeys()),
                String.valueOf(contactName), contactPhone);
        String id = idempotencyKey == null ? Ids.random("wsh", now) : Ids.derived("wsh", me.userId(), idempotencyKey);
        Wish wish = Wish.placed(id, community, me.userId(), content, fingerprint, now);
        var existing = store.insertNew(wish, placements == null ? null : placements.charge(me.userId(), now));
        if (existing.isEmpty()) return new Outcome(wish, false);
        Wish first = existing.get();
        if (!first.residentId().equals(me.userId()) || !first.fingerprint().equals(fingerprint)) {
            throw new Conflict("IDEMPOTENCY_KEY_REUSED", "This Idempotency-Key was already used for a different wish.",
                    Map.of("wishId", first.id()));
        }
        return new Outcome(first, true);
    }

    private void checkDate(JsonInput in, String field, Instant wantedBy, Instant now) {
        if (wantedBy == null) return;
        if (wantedBy.isBefore(now.plus(rules.wishes().minLead()))) {
            in.error(field, "must be at least " + VolunteerTime.human(rules.wishes().minLead()) + " from now");
        } else if (wantedBy.isAfter(now.plus(rules.wishes().maxHorizon()))) {
            in.error(field, "must be within " + VolunteerTime.human(rules.wishes().maxHorizon()) + " from now");
        }
    }

    // ---------------------------------------------------------------- reading and who sees what

    public Wish find(String id) {
        if (!Ids.looksLike(id, "wsh")) throw new NotFound("wish", id);
        return store.find(id).orElseThrow(() -> new NotFound("wish", id));
    }

    /** What the caller may see of the wish; NotFound when nothing (he must not learn that it exists). */
    public Audience audience(Principal me, Wish w) {
        if (me.covers(w.community().path())) return Audience.STAFF;
        if (w.residentId().equals(me.userId())) return Audience.OWNER;
        if (w.claimedBy(me.userId()) && w.state().held()) return Audience.CLAIMANT;
        if (w.state() == WishState.PUBLISHED && (w.offeredTo() == null || w.offeredTo().equals(me.userId()))
                && members.membership(me.userId()).map(m -> m.approvedIn(w.community().code())).orElse(false)) {
            return Audience.MEMBER;
        }
        if (w.state() == WishState.FULFILLED) return Audience.PUBLIC;
        throw new NotFound("wish", w.id());
    }

    public Page<Wish> placedBy(Principal me, int limit, String cursor) {
        return store.byResident(me.userId(), limit, cursor);
    }

    public Page<Wish> claimedBy(Principal me, int limit, String cursor) {
        return store.byClaimant(me.userId(), limit, cursor);
    }

    /**
     * A community's wishes in a state. Staff see every state; approved members see what is open to
     * them. {@code overdue} is supervision: CLAIMED past the deadline, or PUBLISHED and unclaimed
     * for longer than the claim window.
     */
    public Page<Wish> inCommunity(Principal me, String code, WishState state, boolean overdue, int limit, String cursor) {
        Community c = community(code);
        boolean staff = me.covers(c.path());
        if (!staff) {
            if (!members.membership(me.userId()).map(m -> m.approvedIn(code)).orElse(false)) throw Memberships.notApproved(code);
            if (state != null && state != WishState.PUBLISHED) {
                throw ValidationFailed.of("state", "volunteers may list PUBLISHED wishes only");
            }
        }
        WishState s = state != null ? state : staff ? WishState.PENDING_REVIEW : WishState.PUBLISHED;
        Instant before = null;
        if (overdue) {
            Instant now = clock.instant();
            if (s == WishState.CLAIMED) before = now;
            else if (s == WishState.PUBLISHED) before = now.minus(rules.wishes().claimWindow());
            else throw ValidationFailed.of("overdue", "applies to PUBLISHED and CLAIMED wishes");
        }
        Page<Wish> page = store.byState(code, s, before, limit, cursor);
        if (staff) return page;
        // A wish dispatched to one member is not open to the others.
        return new Page<>(page.items().stream().filter(w -> w.offeredTo() == null || w.offeredTo().equals(me.userId())).toList(),
                page.nextCursor());
    }

    /** The public feed (平台晒单): fulfilled wishes, newest first; views mask them. */
    public Page<Wish> feed(String code, int limit, String cursor) {
        community(code);
        return store.byState(code, WishState.FULFILLED, null, limit, cursor);
    }

    private Community community(String code) {
        return communities.require(code);
    }

    // ---------------------------------------------------------------- 支部派单: review

    public Wish review(Principal staff, String id, JsonNode body) {
        Instant now = clock.instant();
        JsonInput in = JsonInput.root(body, Set.of("decision", "reason", "edits", "dispatchTo"));
        Review decision = in.requiredEnum("decision", Review.class);
        String reason = in.optionalString("reason", 1, 500, TextRule.MULTI_LINE);
        String dispatchTo = Inputs.userId(in, "dispatchTo", false);
        String title = null;
        String detail = null;
        Instant wantedBy = null;
        String place = null;
        JsonInput edits = in.optionalObject("edits", Set.of("title", "detail", "wantedBy", "place"));
        if (edits != null) {
            title = edits.optionalString("title", 1, 50, TextRule.SINGLE_LINE);
            detail = edits.optionalString("detail", 1, 500, TextRule.MULTI_LINE);
            wantedBy = Inputs.instant(edits, "wantedBy", false);
            place = edits.optionalString("place", 1, 100, TextRule.SINGLE_LINE);
            checkDate(edits, "wantedBy", wantedBy, now);
        }
        if (decision == Review.DECLINE && reason == null) in.error("reason", "is required to decline");
        if (decision == Review.EDIT && edits == null) in.error("edits", "is required to edit");
        if (decision != Review.APPROVE && dispatchTo != null) in.error("dispatchTo", "goes with APPROVE only");
        in.throwIfInvalid();

        Wish w = find(id);
        Memberships.requireStaffOf(staff, w.community());
        requireState(w, WishState.PENDING_REVIEW);
        Wish next = w;
        if (edits != null) next = next.edited(w.content().edited(title, detail, wantedBy, place), staff.userId(), reason, now);
        if (decision == Review.DECLINE) next = next.declined(reason, staff.userId(), now);
        if (decision == Review.APPROVE) {
            if (!next.content().wantedBy().isAfter(now)) {
                throw ValidationFailed.of("edits.wantedBy", "the wish's date has passed: set a new one to approve it");
            }
            if (dispatchTo != null) {
                if (dispatchTo.equals(w.residentId())) throw ValidationFailed.of("dispatchTo", "is the resident who placed the wish");
                if (!members.membership(dispatchTo).map(m -> m.approvedIn(w.community().code())).orElse(false)) {
                    throw ValidationFailed.of("dispatchTo", "is not an approved volunteer of this community");
                }
            }
            next = next.published(dispatchTo, staff.userId(), reason, now);
        }
        return saveOrConflict(withVersion(next, w));
    }

    /** Several transitions in one review still make one write over the version read. */
    private static Wish withVersion(Wish next, Wish read) {
        return new Wish(next.id(), next.community(), next.residentId(), next.content(), next.state(), next.createdAt(),
                next.updatedAt(), next.fingerprint(), next.publishedAt(), next.offeredTo(), next.claim(), next.completion(),
                next.rating(), next.declineReason(), next.history(), read.version() + 1);
    }

    // ---------------------------------------------------------------- 党员接单: claim

    /**
     * Exactly one claim wins: one conditional write on the wish's state. The read before it (the
     * member's registration and the wish, one round trip) gives precise refusals and the deadline.
     */
    public Outcome claim(Principal me, String id) {
        if (!Ids.looksLike(id, "wsh")) throw new NotFound("wish", id);
        WishStore.ClaimContext ctx = store.claimContext(me.userId(), id);
        Wish w = ctx.wish().orElseThrow(() -> new NotFound("wish", id));
        Membership m = ctx.membership().filter(x -> x.approvedIn(w.community().code())).orElse(null);
        if (m == null) {
            // A claim tells no more than a GET: who may not see the wish is told it is not found,
            // not which community it belongs to (issue 13 defect 6); who sees it, why he may not claim.
            audience(me, w);
            throw Memberships.notApproved(w.community().code());
        }
        if (w.claimedBy(me.userId()) && w.state() == WishState.CLAIMED) return new Outcome(w, true);
        if (w.residentId().equals(me.userId())) throw new Conflict("OWN_WISH", "You cannot take a wish you placed.");
        if (w.state() != WishState.PUBLISHED) throw notOpen(w);
        if (w.offeredTo() != null && !w.offeredTo().equals(me.userId())) {
            throw new Conflict("DISPATCHED_TO_ANOTHER", "This wish was dispatched to another volunteer.", Map.of());
        }
        Instant now = clock.instant();
        Wish claimed = w.claimed(new Claim(m.memberId(), m.name(), now, serveBy(w, now)));
        WishStore.ClaimResult r = store.claim(claimed);
        if (r.won()) return new Outcome(claimed, false);
        Wish current = r.current().orElseThrow(() -> new NotFound("wish", id));
        if (current.claimedBy(me.userId()) && current.state() == WishState.CLAIMED) return new Outcome(current, true);
        throw notOpen(current);
    }

    private Instant serveBy(Wish w, Instant now) {
        Instant window = now.plus(rules.wishes().serveWindow());
        return w.content().wantedBy().isBefore(window) ? w.content().wantedBy() : window;
    }

    private static Conflict notOpen(Wish w) {
        String code = w.state() == WishState.CLAIMED || w.state().held() ? "ALREADY_CLAIMED" : "WISH_NOT_OPEN";
        return new Conflict(code, code.equals("ALREADY_CLAIMED") ? "Another volunteer has taken this wish."
                : "This wish is " + w.state() + ", not open for claims.", Map.of("state", w.state().name()));
    }

    // ---------------------------------------------------------------- serve and report completion

    public Wish complete(Principal me, String id, JsonNode body) {
        JsonInput in = JsonInput.root(body, Set.of("note", "evidencePhotoKeys"));
        String note = in.optionalString("note", 1, 500, TextRule.MULTI_LINE);
        List<String> evidence = in.optionalPhotoKeys("evidencePhotoKeys");
        if (evidence != null && evidence.isEmpty()) in.error("evidencePhotoKeys", "needs at least one photo");
        if (!in.has("evidencePhotoKeys")) in.error("evidencePhotoKeys", "is required: at least one photo of the service");
        in.throwIfInvalid();
        Wish w = find(id);
        if (!w.claimedBy(me.userId()) || !w.state().held()) {
            // Those who see the wish (staff, its resident) learn why; nobody else learns it exists.
            if (me.covers(w.community().path()) || w.residentId().equals(me.userId())) {
                throw new Conflict("NOT_YOUR_WISH", "Only the volunteer holding the wish reports it done.");
            }
            throw new NotFound("wish", id);
        }
        requireState(w, WishState.CLAIMED);
        return saveOrConflict(w.completed(new Completion(clock.instant(), note, evidence)));
    }

    // ---------------------------------------------------------------- 群众评单: confirm and rate

    /** The resident confirms (and rates) the service, or says it was not done. Points go to the member; the rating to the queue. */
    public Outcome confirm(Principal me, String id, JsonNode body) {
        JsonInput in = JsonInput.root(body, Set.of("accepted", "score", "comment", "reason"));
        Boolean acceptedField = in.optionalBoolean("accepted");
        boolean accepted = acceptedField == null || acceptedField;
        Integer score = null;
        String comment = null;
        String reason = null;
        if (accepted) {
            score = Inputs.score(in, "score");
            comment = in.optionalString("comment", 1, 200, TextRule.MULTI_LINE);
            if (in.has("reason")) in.error("reason", "goes with accepted=false only");
        } else {
            reason = in.requiredString("reason", 1, 500, TextRule.MULTI_LINE);
            if (in.has("score")) in.error("score", "goes with accepted=true only");
        }
        in.throwIfInvalid();
        Wish w = find(id);
        if (!w.residentId().equals(me.userId())) {
            if (me.covers(w.community().path()) || w.claimedBy(me.userId())) {
                throw new Conflict("NOT_YOUR_WISH", "Only the resident who placed the wish confirms it.");
            }
            throw new NotFound("wish", id);
        }
        Instant now = clock.instant();
        if (w.state() == WishState.FULFILLED && accepted && w.rating().score() == score) {
            // A retry: the first attempt wrote the wish; make sure its rating reached the queue.
            ratings.send(w.ratingEvent(w.rating().at()));
            return new Outcome(w, true);
        }
        requireState(w, WishState.COMPLETED);
        if (!accepted) return new Outcome(saveOrConflict(w.disputed(reason, now)), false);

        Wish fulfilled = w.fulfilled(new Rating(score, comment, now));
        PointsAward wanted = PointsAward.of(w.claim().memberId(), w.claim().memberName(), w.community().code(),
                VolunteerTime.month(now), PointsRule.FULFILLED_WISH, w.id(), rules.points().perFulfilledWish(), 0,
                rules.points().monthlyCap(), now);
        Points.Granted g = points.grant(wanted, a -> store.fulfil(fulfilled, a));
        if (g.outcome() != AwardOutcome.DONE) throw changed();
        ratings.send(fulfilled.ratingEvent(now));
        return new Outcome(fulfilled, false);
    }

    // ---------------------------------------------------------------- 多方督单: release, reassign

    public Wish release(Principal staff, String id, JsonNode body) {
        Instant now = clock.instant();
        JsonInput in = JsonInput.root(body, Set.of("reason", "wantedBy"));
        String reason = in.requiredString("reason", 1, 500, TextRule.MULTI_LINE);
        Instant wantedBy = Inputs.instant(in, "wantedBy", false);
        checkDate(in, "wantedBy", wantedBy, now);
        in.throwIfInvalid();
        Wish w = find(id);
        Memberships.requireStaffOf(staff, w.community());
        requireState(w, WishState.CLAIMED);
        return saveOrConflict(w.released(staff.userId(), reason, wantedBy, now));
    }

    public Wish reassign(Principal staff, String id, JsonNode body) {
        Instant now = clock.instant();
        JsonInput in = JsonInput.root(body, Set.of("memberId", "reason"));
        String memberId = Inputs.userId(in, "memberId", true);
        String reason = in.requiredString("reason", 1, 500, TextRule.MULTI_LINE);
        in.throwIfInvalid();
        Wish w = find(id);
        Memberships.requireStaffOf(staff, w.community());
        requireState(w, WishState.CLAIMED);
        if (w.claimedBy(memberId)) throw ValidationFailed.of("memberId", "already holds this wish");
        if (memberId.equals(w.residentId())) throw ValidationFailed.of("memberId", "is the resident who placed the wish");
        Membership m = members.membership(memberId).filter(x -> x.approvedIn(w.community().code()))
                .orElseThrow(() -> ValidationFailed.of("memberId", "is not an approved volunteer of this community"));
        return saveOrConflict(w.reassigned(new Claim(m.memberId(), m.name(), now, serveBy(w, now)), staff.userId(), reason));
    }

    // ---------------------------------------------------------------- helpers

    private Wish saveOrConflict(Wish next) {
        if (!store.save(next)) throw changed();
        return next;
    }

    private static Conflict changed() {
        return new Conflict("WISH_CHANGED", "The wish changed meanwhile; read it again and retry.", Map.of());
    }

    private static void requireState(Wish w, WishState expected) {
        if (w.state() != expected) {
            throw new Conflict("WRONG_STATE", "This wish is " + w.state() + "; this step needs " + expected + ".",
                    Map.of("state", w.state().name()));
        }
    }

    /** A staff review's decision. */
    public enum Review { APPROVE, DECLINE, EDIT }
}
