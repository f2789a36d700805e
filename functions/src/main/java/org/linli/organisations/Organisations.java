package org.linli.organisations;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.linli.core.Conflict;
import org.linli.core.Ids;
import org.linli.core.NotFound;
import org.linli.core.ValidationFailed;
import org.linli.core.format.Phone;
import org.linli.identity.Principal;
import org.linli.json.JsonInput;
import org.linli.json.JsonInput.TextRule;
import org.linli.volunteer.membership.Communities;
import org.linli.volunteer.membership.Community;
import org.linli.volunteer.membership.MemberStore;
import org.linli.volunteer.membership.Membership;
import org.linli.volunteer.membership.Memberships;

/**
 * Registering, listing and updating a community's organisations and linking its volunteers to
 * them. Writes are for the staff whose territory covers the community; the list is for anyone
 * signed in, with the contact person masked for all but those staff.
 */
public final class Organisations {
    private static final Set<String> FIELDS = Set.of("kind", "name", "contact", "address");
    private static final Set<String> UPDATE_FIELDS = Set.of("kind", "name", "contact", "address", "version");
    private static final Set<String> CONTACT_FIELDS = Set.of("name", "phone");

    private final OrganisationStore store;
    private final Communities communities;
    private final MemberStore members;
    private final Clock clock;

    public Organisations(OrganisationStore store, Communities communities, MemberStore members, Clock clock) {
        this.store = store;
        this.communities = communities;
        this.members = members;
        this.clock = clock;
    }

    /** What a reader sees of the community's organisations; {@code staff}: contacts whole. */
    public record Listing(Community community, boolean staff, OrganisationStore.Roster roster) {}

    public record Registered(Organisation organisation, boolean replayed) {}

    public Registered register(Principal p, String communityCode, JsonNode body, String idempotencyKey) {
        Community c = staffCommunity(p, communityCode);
        Form f = read(body, false);
        Instant now = clock.instant();
        String id = idempotencyKey == null ? Ids.random("org", now) : Ids.derived("org", c.code(), p.userId(), idempotencyKey);
        Organisation o = new Organisation(id, c.code(), f.kind(), f.name(), f.contact(), f.address(), now, p.userId(), now,
                p.userId(), 1);
        return store.register(o).map(existing -> new Registered(existing, true)).orElseGet(() -> new Registered(o, false));
    }

    public Listing list(Principal p, String communityCode) {
        Community c = communities.require(communityCode);
        return new Listing(c, p.covers(c.path()), store.roster(c.code()));
    }

    public Organisation update(Principal p, String communityCode, String organisationId, JsonNode body) {
        Community c = staffCommunity(p, communityCode);
        Form f = read(body, true);
        Organisation before = find(c, organisationId);
        if (f.version() != before.version()) throw stale(before);
        Organisation after = before.updated(f.kind(), f.name(), f.contact(), f.address(), p.userId(), clock.instant());
        if (!store.update(after, before.version())) throw stale(store.find(c.code(), organisationId).orElse(before));
        return after;
    }

    /** Links an approved member of the community to the organisation (moving him from another one). */
    public MemberLink link(Principal p, String communityCode, String organisationId, JsonNode body) {
        Community c = staffCommunity(p, communityCode);
        JsonInput in = JsonInput.root(body, Set.of("memberId"));
        String memberId = in.requiredMatch("memberId", java.util.regex.Pattern.compile("[\\s\\S]*"), "");
        if (memberId != null && !Ids.looksLike(memberId, "usr")) in.error("memberId", "must be a member's user id (usr_…)");
        in.throwIfInvalid();
        Organisation o = find(c, organisationId);
        Membership m = members.membership(memberId).orElse(null);
        if (m == null || !m.approvedIn(c.code())) {
            throw ValidationFailed.of("memberId", "is not an approved volunteer of community " + c.code());
        }
        MemberLink link = new MemberLink(c.code(), memberId, o.id(), clock.instant(), p.userId());
        if (!store.link(link)) throw new NotFound("organisation", organisationId);
        return link;
    }

    private Organisation find(Community c, String organisationId) {
        if (!Ids.looksLike(organisationId, "org")) throw new NotFound("organisation", String.valueOf(organisationId));
        return store.find(c.code(), organisationId).orElseThrow(() -> new NotFound("organisation", organisationId));
    }

    private Community staffCommunity(Principal p, String code) {
        Community c = communities.require(code);
        Memberships.requireStaffOf(p, c);
        return c;
    }

    private static Conflict stale(Organisation current) {
        return new Conflict("VERSION_CONFLICT", "The organisation has changed; here is its current version.",
                java.util.Map.of("organisationId", current.id(), "version", current.version()));
    }

    private record Form(OrganisationKind kind, String name, Contact contact, String address, long version) {}

    private static Form read(JsonNode body, boolean update) {
        JsonInput in = JsonInput.root(body, update ? UPDATE_FIELDS : FIELDS);
        OrganisationKind kind = in.requiredEnum("kind", OrganisationKind.class);
        String name = in.requiredString("name", 1, 100, TextRule.SINGLE_LINE);
        String address = in.optionalString("address", 1, 200, TextRule.SINGLE_LINE);
        JsonInput contact = in.requiredObject("contact", CONTACT_FIELDS);
        String person = contact == null ? null : contact.requiredString("name", 1, 50, TextRule.SINGLE_LINE);
        String phone = contact == null ? null : contact.requiredMatch("phone", Phone.PATTERN, Phone.RULE);
        Integer version = update ? in.optionalInt("version", 1, Integer.MAX_VALUE) : Integer.valueOf(0);
        if (update && version == null && !in.has("version")) in.error("version", "is required: the version you read");
        in.throwIfInvalid();
        return new Form(kind, name, new Contact(person, phone), address, version);
    }

    /** The organisations' names by id, for the views of what refers to them (consultations). */
    public static java.util.Map<String, Organisation> byId(List<Organisation> all) {
        java.util.Map<String, Organisation> out = new java.util.LinkedHashMap<>();
        for (Organisation o : all) out.put(o.id(), o);
        return out;
    }
}
