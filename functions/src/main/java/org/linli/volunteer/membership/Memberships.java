package org.linli.volunteer.membership;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.linli.core.Conflict;
import org.linli.core.Forbidden;
import org.linli.core.Ids;
import org.linli.core.NotFound;
import org.linli.core.Page;
import org.linli.core.format.NodeCode;
import org.linli.core.format.Phone;
import org.linli.identity.Principal;
import org.linli.json.JsonInput.TextRule;
import org.linli.json.JsonInput;

/**
 * Registration (双报到) and its review: a party member registers with one community; staff whose
 * territory covers it approve, or decline with a reason. Only an approved member claims wishes,
 * logs service or earns points there - {@link #requireApproved} is that gate.
 */
public final class Memberships {
    private static final Pattern TAG = Pattern.compile("[^\\p{Cntrl}]{1,20}");

    private final MemberStore store;
    private final Communities communities;
    private final Clock clock;

    public Memberships(MemberStore store, Communities communities, Clock clock) {
        this.store = store;
        this.communities = communities;
        this.clock = clock;
    }

    public Membership register(String userId, JsonNode body) {
        JsonInput in = JsonInput.root(body, Set.of("community", "name", "phone", "skills", "availability", "partyOrganisation"));
        String code = in.requiredMatch("community", NodeCode.PATTERN, "must be a community code");
        String name = in.requiredString("name", 1, 50, TextRule.SINGLE_LINE);
        String phone = in.requiredMatch("phone", Phone.PATTERN, Phone.RULE);
        List<String> skills = in.optionalStringList("skills", 10, 20, TAG, "must be a skill of 1-20 characters");
        String availability = in.optionalString("availability", 1, 200, TextRule.SINGLE_LINE);
        String organisation = in.requiredString("partyOrganisation", 1, 100, TextRule.SINGLE_LINE);
        Community community = null;
        if (code != null) {
            community = communities.find(code).orElse(null);
            if (community == null) in.error("community", "is not a community of the current map");
        }
        in.throwIfInvalid();
        Membership pending = new Membership(userId, community, name, phone, skills == null ? List.of() : skills, availability,
                organisation, MembershipStatus.PENDING, clock.instant(), null, null, null, 0, 0);
        store.register(pending).ifPresent(existing -> {
            throw new Conflict("ALREADY_REGISTERED", "You are already registered with " + existing.community().name()
                    + " (" + existing.status() + ").", Map.of("community", existing.community().code(),
                    "status", existing.status().name()));
        });
        return pending;
    }

    /** Staff approve or decline a pending registration. */
    public Membership decide(Principal staff, String memberId, JsonNode body) {
        JsonInput in = JsonInput.root(body, Set.of("decision", "reason"));
        Decision decision = in.requiredEnum("decision", Decision.class);
        String reason = in.optionalString("reason", 1, 500, TextRule.MULTI_LINE);
        if (decision == Decision.DECLINE && reason == null && in.errors().isEmpty()) in.error("reason", "is required to decline");
        in.throwIfInvalid();
        // Not a user id: not a member either (and never a key the store would refuse as too long).
        if (!Ids.looksLike(memberId, "usr")) throw new NotFound("volunteer", memberId);
        Membership m = store.membership(memberId).orElseThrow(() -> new NotFound("volunteer", memberId));
        requireStaffOf(staff, m.community());
        if (m.status() != MembershipStatus.PENDING) {
            throw new Conflict("ALREADY_DECIDED", "This registration is already " + m.status() + ".", Map.of("status", m.status().name()));
        }
        Instant now = clock.instant();
        Membership decided = m.decided(decision == Decision.APPROVE ? MembershipStatus.APPROVED : MembershipStatus.DECLINED,
                staff.userId(), decision == Decision.DECLINE ? reason : null, now);
        if (!store.decide(decided)) throw new Conflict("ALREADY_DECIDED", "This registration was decided meanwhile.", Map.of());
        return decided;
    }

    /** A community's registrations in one status (PENDING by default), for its staff. */
    public Page<Membership> inCommunity(Principal staff, String code, MembershipStatus status, int limit, String cursor) {
        Community c = communities.require(code);
        requireStaffOf(staff, c);
        return store.byStatus(code, status == null ? MembershipStatus.PENDING : status, limit, cursor);
    }

    public Membership mine(String userId) {
        return store.membership(userId).orElseThrow(() -> new NotFound("You have not registered as a volunteer."));
    }

    /** The caller's membership when he is approved in {@code communityCode}; Forbidden otherwise. */
    public Membership requireApproved(String memberId, String communityCode) {
        Membership m = store.membership(memberId).orElse(null);
        if (m == null || !m.approvedIn(communityCode)) throw notApproved(communityCode);
        return m;
    }

    public static Forbidden notApproved(String communityCode) {
        return new Forbidden("You are not an approved volunteer of community " + communityCode + ".");
    }

    /** Staff whose territory covers the community (administrators always). */
    public static void requireStaffOf(Principal p, Community c) {
        if (!p.covers(c.path())) throw new Forbidden("Community " + c.code() + " is outside your territory.");
    }

    /** A staff decision on a registration. */
    public enum Decision { APPROVE, DECLINE }
}
