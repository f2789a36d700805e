package org.linli.volunteer.servicelog;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.linli.core.Conflict;
import org.linli.core.FieldError;
import org.linli.core.Forbidden;
import org.linli.core.Ids;
import org.linli.core.NotFound;
import org.linli.core.Page;
import org.linli.core.ValidationFailed;
import org.linli.core.format.NodeCode;
import org.linli.identity.Principal;
import org.linli.json.JsonInput.TextRule;
import org.linli.json.JsonInput;
import org.linli.volunteer.Audience;
import org.linli.volunteer.Inputs;
import org.linli.volunteer.Rating;
import org.linli.volunteer.VolunteerRules;
import org.linli.volunteer.VolunteerTime;
import org.linli.volunteer.membership.Community;
import org.linli.volunteer.membership.Membership;
import org.linli.volunteer.membership.Memberships;
import org.linli.volunteer.points.AwardOutcome;
import org.linli.volunteer.points.Points;
import org.linli.volunteer.points.PointsAward;
import org.linli.volunteer.points.PointsRule;
import org.linli.volunteer.points.PointsStore;
import org.linli.volunteer.points.RatingQueue;
import org.linli.volunteer.wishes.Wish;
import org.linli.volunteer.wishes.WishStore;

/**
 * The service log: a member logs what he did; staff of the community or the person served verify
 * it, and only then does it count - hours and points, once, however often it is verified.
 */
public final class ServiceLogs {
    private static final Pattern ANY = Pattern.compile("[\\s\\S]*");
    private static final int DAY_ATTEMPTS = 3;

    private final ServiceLogStore store;
    private final WishStore wishes;
    private final RatingQueue ratings;
    private final Points points;
    private final VolunteerRules rules;
    private final Clock clock;

    public ServiceLogs(ServiceLogStore store, WishStore wishes, RatingQueue ratings, PointsStore pointsStore,
                       VolunteerRules rules, Clock clock) {
        this.store = store;
        this.wishes = wishes;
        this.ratings = ratings;
        this.points = new Points(pointsStore);
        this.rules = rules;
        this.clock = clock;
    }

    /** A result and whether it repeats an earlier identical request. */
    public record Outcome(ServiceLog log, boolean replayed) {}

    // ---------------------------------------------------------------- log

    public LogDraft parse(String memberId, JsonNode body, Instant now) {
        JsonInput in = JsonInput.root(body, Set.of("community", "type", "start", "end", "beneficiaryId", "wishId",
                "description", "evidencePhotoKeys"));
        String community = in.requiredMatch("community", NodeCode.PATTERN, "must be a community code");
        String type = in.requiredString("type", 1, 40, TextRule.SINGLE_LINE);
        if (type != null && !rules.logs().types().containsKey(type)) {
            in.error("type", "must be one of " + String.join(", ", rules.logs().types().keySet()));
        }
        Instant start = Inputs.instant(in, "start", true);
        Instant end = Inputs.instant(in, "end", true);
        String beneficiary = Inputs.userId(in, "beneficiaryId", false);
        if (memberId.equals(beneficiary)) in.error("beneficiaryId", "must be someone else: you cannot be your own beneficiary");
        String wishId = in.optionalMatch("wishId", ANY, "");
        if (wishId != null && !Ids.looksLike(wishId, "wsh")) in.error("wishId", "must be a wish id (wsh_…)");
        String description = in.optionalString("description", 1, 500, TextRule.MULTI_LINE);
        List<String> evidence = in.optionalPhotoKeys("evidencePhotoKeys");
        for (FieldError e : LogChecks.times(start, end, now, rules.logs())) in.error(e.field(), e.message());
        in.throwIfInvalid();
        return new LogDraft(community, type, start, end, beneficiary, wishId, description, evidence == null ? List.of() : evidence);
    }

    public Outcome record(Principal me, JsonNode body, String idempotencyKey) {
        Instant now = clock.instant();
        LogDraft d = parse(me.userId(), body, now);
        String beneficiary = d.beneficiaryId();
        if (d.wishId() != null) beneficiary = beneficiaryOfWish(me.userId(), d);
        String fingerprint = Ids.derived("fp", d.community(), d.type(), d.start().toString(), d.end().toString(),
                String.valueOf(beneficiary), String.valueOf(d.wishId()), String.valueOf(d.description()),
                String.join(",", d.evidenceKeys()));
        String id = idempotencyKey == null ? Ids.random("log", now) : Ids.derived("log", me.userId(), idempotencyKey);
        for (int attempt = 0; attempt < DAY_ATTEMPTS; attempt++) {
            ServiceLogStore.LogContext ctx = store.context(me.userId(), VolunteerTime.day(d.start()));
            if (ctx.day().entries().containsKey(id)) return replay(me, id, fingerprint);
            List<FieldError> errors = LogChecks.againstDay(d, ctx.membership(), ctx.day(), rules.logs());
            if (!errors.isEmpty()) throw new ValidationFailed("The service log is refused: " + errors.size() + " field(s) need attention.", errors);
            Membership m = ctx.membership().orElseThrow();
            ServiceLog log = new ServiceLog(id, me.userId(), m.name(), m.community(), d.type(), d.start(), d.end(), beneficiary,
                    d.wishId(), d.description(), d.evidenceKeys(), LogStatus.PENDING, now, fingerprint, null, null, null, null, 0, null);
            switch (store.insert(log, ctx.day())) {
                case STORED:
                    return new Outcome(log, false);
                case ID_TAKEN:
                    return replay(me, id, fingerprint);
                case DAY_CHANGED:
                    continue;
                default:
                    throw new IllegalStateException();
            }
        }
        throw new Conflict("LOG_DAY_BUSY", "Other logs of yours for that day were being written; try again.", Map.of());
    }

    private String beneficiaryOfWish(String memberId, LogDraft d) {
        Wish w = wishes.find(d.wishId()).orElse(null);
        if (w == null || !w.claimedBy(memberId) || !w.state().held() || !w.community().code().equals(d.community())) {
            throw ValidationFailed.of("wishId", "is not a wish of this community that you hold");
        }
        if (d.beneficiaryId() != null && !d.beneficiaryId().equals(w.residentId())) {
            throw ValidationFailed.of("beneficiaryId", "differs from the resident of the wish; leave it out");
        }
        return w.residentId();
    }

    private Outcome replay(Principal me, String id, String fingerprint) {
        ServiceLog first = store.find(id).orElseThrow(() -> new Conflict("LOG_DAY_BUSY", "Try again.", Map.of()));
        if (!first.memberId().equals(me.userId()) || !first.fingerprint().equals(fingerprint)) {
            throw new Conflict("IDEMPOTENCY_KEY_REUSED", "This Idempotency-Key was already used for a different log.",
                    Map.of("logId", first.id()));
        }
        return new Outcome(first, true);
    }

    // ---------------------------------------------------------------- read

    public ServiceLog find(String id) {
        if (!Ids.looksLike(id, "log")) throw new NotFound("service log", id);
        return store.find(id).orElseThrow(() -> new NotFound("service log", id));
    }

    /** The member, his beneficiary and staff of the community see a log; nobody else learns it exists. */
    public Audience audience(Principal me, ServiceLog log) {
        if (me.covers(log.community().path())) return Audience.STAFF;
        if (log.memberId().equals(me.userId())) return Audience.CLAIMANT;
        if (me.userId().equals(log.beneficiaryId())) return Audience.OWNER;
        throw new NotFound("service log", log.id());
    }

    public Page<ServiceLog> mine(Principal me, int limit, String cursor) {
        return store.byMember(me.userId(), limit, cursor);
    }

    public Page<ServiceLog> received(Principal me, int limit, String cursor) {
        return store.byBeneficiary(me.userId(), limit, cursor);
    }

    public Page<ServiceLog> inCommunity(Principal staff, Community c, LogStatus status, int limit, String cursor) {
        Memberships.requireStaffOf(staff, c);
        return store.byCommunity(c.code(), status == null ? LogStatus.PENDING : status, limit, cursor);
    }

    // ---------------------------------------------------------------- verify

    public Outcome verify(Principal me, String id, JsonNode body) {
        JsonInput in = JsonInput.root(body, Set.of("decision", "reason"));
        Decision decision = in.requiredEnum("decision", Decision.class);
        String reason = in.optionalString("reason", 1, 500, TextRule.MULTI_LINE);
        if (decision == Decision.REJECT && reason == null && in.errors().isEmpty()) in.error("reason", "is required to reject");
        in.throwIfInvalid();
        ServiceLog log = find(id);
        boolean staff = me.covers(log.community().path());
        boolean beneficiary = me.userId().equals(log.beneficiaryId());
        if (log.memberId().equals(me.userId())) throw new Forbidden("You cannot verify your own service.");
        if (!staff && !beneficiary) throw new NotFound("service log", id);
        if (decision == Decision.REJECT && !staff) throw new Forbidden("Only community staff reject a service log.");
        if (log.status() == LogStatus.VERIFIED && decision == Decision.VERIFY) return new Outcome(log, true);
        if (log.status() != LogStatus.PENDING) {
            throw new Conflict("ALREADY_" + log.status(), "This log is already " + log.status() + ".", Map.of("status", log.status().name()));
        }
        Instant now = clock.instant();
        if (decision == Decision.REJECT) {
            ServiceLog rejected = log.rejected(me.userId(), reason, now);
            if (store.reject(rejected)) return new Outcome(rejected, false);
            return afterRace(id, decision);
        }
        Verifier via = staff ? Verifier.STAFF : Verifier.BENEFICIARY;
        PointsAward wanted = PointsAward.of(log.memberId(), log.memberName(), log.community().code(),
                VolunteerTime.month(log.start()), PointsRule.VERIFIED_SERVICE, log.id(),
                rules.points().forVerifiedMinutes(log.minutes()), log.minutes(), rules.points().monthlyCap(), now);
        Points.Granted g = points.grant(wanted, a -> store.verify(log.verified(me.userId(), via, now, a.points()), a));
        if (g.outcome() == AwardOutcome.DONE) return new Outcome(log.verified(me.userId(), via, now, g.award().points()), false);
        return afterRace(id, decision);
    }

    /** Someone else decided the log between our read and our write: the same verdict is a replay. */
    private Outcome afterRace(String id, Decision decision) {
        ServiceLog now = find(id);
        if (decision == Decision.VERIFY && now.status() == LogStatus.VERIFIED) return new Outcome(now, true);
        if (decision == Decision.REJECT && now.status() == LogStatus.REJECTED) return new Outcome(now, true);
        throw new Conflict("ALREADY_" + now.status(), "This log is already " + now.status() + ".", Map.of("status", now.status().name()));
    }

    // ---------------------------------------------------------------- rate

    public Outcome rate(Principal me, String id, JsonNode body) {
        JsonInput in = JsonInput.root(body, Set.of("score", "comment"));
        Integer score = Inputs.score(in, "score");
        String comment = in.optionalString("comment", 1, 200, TextRule.MULTI_LINE);
        in.throwIfInvalid();
        if (!Ids.looksLike(id, "log")) throw new NotFound("service log", id);
        ServiceLogStore.RateResult r = store.rate(id, me.userId(), new Rating(score, comment, clock.instant()));
        ServiceLog log = r.log().orElseThrow(() -> new NotFound("service log", id));
        if (r.rated()) {
            ratings.send(log.ratingEvent());
            return new Outcome(log, false);
        }
        if (!me.userId().equals(log.beneficiaryId())) {
            if (me.covers(log.community().path()) || me.userId().equals(log.memberId())) {
                throw new Forbidden("Only the person served rates a service.");
            }
            throw new NotFound("service log", id);
        }
        if (log.status() != LogStatus.VERIFIED) {
            throw new Conflict("NOT_VERIFIED", "Only a verified service can be rated; this one is " + log.status() + ".",
                    Map.of("status", log.status().name()));
        }
        if (log.rating() != null && log.rating().score() == score) {
            ratings.send(log.ratingEvent()); // a retry: make sure the first rating reached the queue
            return new Outcome(log, true);
        }
        throw new Conflict("ALREADY_RATED", "You have rated this service already.", Map.of("score", log.rating().score()));
    }

    /** A verification's verdict. */
    public enum Decision { VERIFY, REJECT }
}
