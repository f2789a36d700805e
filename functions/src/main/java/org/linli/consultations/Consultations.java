package org.linli.consultations;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.linli.cases.Actor;
import org.linli.cases.Case;
import org.linli.cases.CaseAction;
import org.linli.cases.CaseStore;
import org.linli.cases.CaseWorkflow;
import org.linli.cases.Command;
import org.linli.cases.Department;
import org.linli.cases.DepartmentDirectory;
import org.linli.cases.Party;
import org.linli.cases.Standing;
import org.linli.categories.MatterType;
import org.linli.core.Conflict;
import org.linli.core.Forbidden;
import org.linli.core.Ids;
import org.linli.core.Masking;
import org.linli.core.NotFound;
import org.linli.core.Page;
import org.linli.core.ValidationFailed;
import org.linli.core.format.NodeCode;
import org.linli.identity.Principal;
import org.linli.json.JsonInput;
import org.linli.json.JsonInput.TextRule;
import org.linli.notify.Notification;
import org.linli.notify.Outbox;
import org.linli.organisations.Organisation;
import org.linli.organisations.OrganisationStore;
import org.linli.territory.Level;
import org.linli.volunteer.membership.Communities;
import org.linli.volunteer.membership.Community;

/**
 * Opening a consultation and taking it through its steps (see {@link ConsultationRules}). Only
 * staff act, and only staff whose territory covers the consultation's community see it; a
 * consultation on a case is opened and decided by staff who own the case at its tier (the same
 * standing the case workflow asks of them). The decision moves the case through
 * {@link CaseWorkflow} - its rules, its audit trail, its events - with request ids derived from the
 * consultation, so a decision retried after the case moved replays instead of acting twice.
 */
public final class Consultations {
    public static final int MAX_PARTICIPANTS = 50;
    public static final int MAX_OPTIONS = 10;
    public static final String NOTICE_KIND = "consultation.notice";
    private static final Pattern ANY = Pattern.compile("[\\s\\S]*");
    private static final Set<String> OPEN_FIELDS = Set.of("caseId", "community", "topic", "place", "meetingAt", "participants", "options");
    private static final Set<String> PARTICIPANT_FIELDS = Set.of("kind", "name", "userId", "organisationId", "department");
    private static final Set<String> DECISION_FIELDS = Set.of("chosen", "votes", "abstained", "summary", "minutes", "outcome",
            "departments", "reason");

    private final ConsultationStore store;
    private final CaseStore cases;
    private final CaseWorkflow workflow;
    private final Communities communities;
    private final OrganisationStore organisations;
    private final DepartmentDirectory departments;
    private final Outbox outbox;
    private final Clock clock;

    public Consultations(ConsultationStore store, CaseStore cases, CaseWorkflow workflow, Communities communities,
                         OrganisationStore organisations, DepartmentDirectory departments, Outbox outbox, Clock clock) {
        this.store = store;
        this.cases = cases;
        this.workflow = workflow;
        this.communities = communities;
        this.organisations = organisations;
        this.departments = departments;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** An opened consultation, whether it was a replay, and the organisations it names (read once, for its view). */
    public record Opened(Consultation consultation, boolean replayed, Map<String, Organisation> organisations) {}

    /** A consultation after a step and the organisations it names (read once per request). */
    public record Shown(Consultation consultation, Map<String, Organisation> organisations) {}

    // ---------------------------------------------------------------- open

    public Opened open(Principal p, JsonNode body, String idempotencyKey) {
        JsonInput in = JsonInput.root(body, OPEN_FIELDS);
        String caseId = in.optionalMatch("caseId", ANY, "");
        if (caseId != null && !Ids.looksLike(caseId, "case")) in.error("caseId", "must be a case id (case_…)");
        String communityCode = in.optionalMatch("community", NodeCode.PATTERN, "must be a community code");
        if (caseId == null && communityCode == null && !in.has("caseId") && !in.has("community")) {
            in.error("community", "is required when the consultation is on no case");
        }
        String topic = in.requiredString("topic", 1, 200, TextRule.SINGLE_LINE);
        String place = in.requiredString("place", 1, 100, TextRule.SINGLE_LINE);
        Instant meetingAt = in.instant("meetingAt", true);
        List<String> options = in.optionalStringList("options", MAX_OPTIONS, 200, ANY, "must be at most 200 characters");
        if (options != null) {
            List<String> kept = new ArrayList<>();
            for (int i = 0; i < options.size(); i++) {
                String o = options.get(i).trim();
                String problem = o.isEmpty() ? "must not be empty" : TextRule.SINGLE_LINE.problem(o);
                if (problem != null) in.error("options[" + i + "]", problem);
                else kept.add(o);
            }
            options = kept;
        }
        if (options == null && !in.has("options")) in.error("options", "is required: 2 to " + MAX_OPTIONS + " options to vote on");
        else if (options != null && options.size() < 2 && in.errors().stream().noneMatch(e -> e.field().startsWith("options"))) {
            in.error("options", "must hold at least 2 options");
        }
        List<JsonInput> people = in.optionalObjectList("participants", MAX_PARTICIPANTS, PARTICIPANT_FIELDS);
        if (people.isEmpty() && !in.has("participants")) in.error("participants", "is required: who sits at the table");
        List<Participant> participants = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) participants.add(participant(people.get(i), i));
        in.throwIfInvalid();

        Instant now = clock.instant();
        Case c = null;
        Community community;
        if (caseId != null) {
            c = cases.find(caseId).orElseThrow(() -> ValidationFailed.of("caseId", "is not a case"));
            requireOwner(p, c);
            if (!c.status().open()) throw ValidationFailed.of("caseId", "is " + c.status() + "; consult on an open case");
            if (c.matterType() == MatterType.PERSONAL) {
                throw ValidationFailed.of("caseId", "is a personal matter (个事): the resident's own, not one for a consultation");
            }
            String code = c.placement() == null ? null : c.placement().codeAt(Level.COMMUNITY);
            if (code == null) throw ValidationFailed.of("caseId", "is placed in no community");
            if (communityCode != null && !communityCode.equals(code)) {
                throw ValidationFailed.of("community", "must be the case's community " + code + " (or left out)");
            }
            community = communities.find(code).orElseThrow(() -> ValidationFailed.of("caseId", "is placed in no community of the current map"));
        } else {
            community = communities.find(communityCode).orElseThrow(() -> ValidationFailed.of("community", "is not a community"));
            if (!p.covers(community.path())) throw new Forbidden("Community " + community.code() + " is outside your territory.");
        }
        Map<String, Organisation> named = checkReferences(community, participants);

        String id = idempotencyKey == null ? Ids.random("csl", now) : Ids.derived("csl", p.userId(), idempotencyKey);
        Consultation opened = new Consultation(id, community.code(), community.path(), caseId, topic, place, meetingAt,
                participants, options, ConsultationState.OPEN, null, null,
                List.of(new AuditEntry(now, p.userId(), "OPEN", null)), now, p.userId(), 1);
        Optional<Consultation> existing = store.open(opened);
        if (existing.isPresent()) return new Opened(existing.get(), true, organisationsOf(existing.get()));
        if (c != null) {
            // The case's own trail says a consultation was called on it (a note, which keeps its state).
            caseStep(c.id(), opened.id(), CaseAction.ADD_NOTE, "议事协商 " + opened.id() + " opened", null, null, List.of(), p);
        }
        return new Opened(opened, false, named);
    }

    private Participant participant(JsonInput in, int i) {
        ParticipantKind kind = in.requiredEnum("kind", ParticipantKind.class);
        String name = in.optionalString("name", 1, 50, TextRule.SINGLE_LINE);
        String userId = in.optionalMatch("userId", ANY, "");
        if (userId != null && !Ids.looksLike(userId, "usr")) {
            in.error("userId", "must be a user id (usr_…)");
            userId = null;
        }
        String organisationId = in.optionalMatch("organisationId", ANY, "");
        if (organisationId != null && !Ids.looksLike(organisationId, "org")) {
            in.error("organisationId", "must be an organisation id (org_…)");
            organisationId = null;
        }
        String department = in.optionalMatch("department", NodeCode.PATTERN, "must be a department code");
        if (name == null && userId == null && organisationId == null && department == null
                && !in.has("name") && !in.has("userId") && !in.has("organisationId") && !in.has("department")) {
            in.error("name", "is required when no userId, organisationId or department says who it is");
        }
        return new Participant("p" + (i + 1), kind, name, userId, organisationId, department, null);
    }

    /** Organisations must be the community's, departments known: field errors naming the participant. Returns the organisations. */
    private Map<String, Organisation> checkReferences(Community community, List<Participant> participants) {
        Set<String> orgIds = new HashSet<>();
        Set<String> deptCodes = new LinkedHashSet<>();
        for (Participant each : participants) {
            if (each.organisationId() != null) orgIds.add(each.organisationId());
            if (each.department() != null) deptCodes.add(each.department());
        }
        Map<String, Organisation> known = orgIds.isEmpty() ? Map.of()
                : org.linli.organisations.Organisations.byId(organisations.roster(community.code()).organisations());
        Map<String, Department> depts = deptCodes.isEmpty() ? Map.of() : departments.find(deptCodes);
        List<org.linli.core.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < participants.size(); i++) {
            Participant each = participants.get(i);
            if (each.organisationId() != null && !known.containsKey(each.organisationId())) {
                errors.add(new org.linli.core.FieldError("participants[" + i + "].organisationId",
                        "is not an organisation of community " + community.code()));
            }
            if (each.department() != null && !depts.containsKey(each.department())) {
                errors.add(new org.linli.core.FieldError("participants[" + i + "].department", "is not a known department"));
            }
        }
        if (!errors.isEmpty()) throw new ValidationFailed("The request is invalid: " + errors.size() + " field(s) need attention.", errors);
        return known;
    }

    // ---------------------------------------------------------------- read

    /** A consultation for the staff covering its community. */
    public Consultation get(Principal p, String id) {
        if (!Ids.looksLike(id, "csl")) throw new NotFound("consultation", String.valueOf(id));
        Consultation c = store.find(id).orElseThrow(() -> new NotFound("consultation", id));
        if (!p.covers(c.communityPath())) throw new Forbidden("This consultation is outside your territory.");
        return c;
    }

    public Page<Consultation> byCommunity(Principal p, String communityCode, int limit, String cursor) {
        Community c = communities.require(communityCode);
        if (!p.covers(c.path())) throw new Forbidden("Community " + c.code() + " is outside your territory.");
        return store.byCommunity(c.code(), limit, cursor);
    }

    /** The published decisions: for anyone signed in, nothing personal in them. */
    public Page<PublicDecision> decisions(String communityCode, int limit, String cursor) {
        Community c = communities.require(communityCode);
        return store.decisions(c.code(), limit, cursor);
    }

    /** Names of the organisations a consultation refers to (for its views). */
    public Map<String, Organisation> organisationsOf(Consultation c) {
        boolean any = c.participants().stream().anyMatch(x -> x.organisationId() != null);
        return any ? org.linli.organisations.Organisations.byId(organisations.roster(c.community()).organisations()) : Map.of();
    }

    // ---------------------------------------------------------------- steps

    /** Sends the meeting notice to every participant who is a user, through the inbox. */
    public Consultation notifyParticipants(Principal p, String id, JsonNode body) {
        JsonInput.root(body, Set.of()).throwIfInvalid(); // nothing to say, and nothing else may be said
        Consultation c = get(p, id);
        ConsultationState to = next(c, ConsultationAction.NOTIFY);
        Instant now = clock.instant();
        List<Notification> notices = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("consultationId", c.id());
        values.put("meetingAt", org.linli.core.Times.api(c.meetingAt()));
        values.put("place", Masking.text(c.place(), names(c)));
        String topic = Masking.text(c.topic(), names(c));
        for (Participant each : c.participants()) {
            if (each.userId() == null || !seen.add(each.userId())) continue;
            notices.add(new Notification(Ids.derivedAt("ntf", now, c.id(), "notice", each.userId()), each.userId(), NOTICE_KIND,
                    "议事协商通知：" + topic, "会议时间 " + values.get("meetingAt") + "，地点 " + values.get("place"),
                    c.caseId(), null, null, null, null, c.community(), values, now, null));
        }
        Consultation after = c.step(to, c.participants(), null, null,
                new AuditEntry(now, p.userId(), ConsultationAction.NOTIFY.name(), notices.size() + " notice(s)"));
        save(c, after, null);
        if (!notices.isEmpty()) outbox.send(notices);
        return after;
    }

    /** Records who came: {@code present} lists participant ids; everyone else was absent. */
    public Consultation recordAttendance(Principal p, String id, JsonNode body) {
        Consultation c = get(p, id);
        ConsultationState to = next(c, ConsultationAction.RECORD_ATTENDANCE);
        JsonInput in = JsonInput.root(body, Set.of("present"));
        List<String> present = in.optionalStringList("present", MAX_PARTICIPANTS, 8, Pattern.compile("p[1-9][0-9]?"),
                "must be a participant id (p1, p2, …)");
        if (present == null && !in.has("present")) in.error("present", "is required: the ids of the participants who came");
        in.throwIfInvalid();
        Set<String> ids = new HashSet<>();
        c.participants().forEach(x -> ids.add(x.id()));
        for (int i = 0; i < present.size(); i++) {
            if (!ids.contains(present.get(i))) in.error("present[" + i + "]", "is not a participant of this consultation");
        }
        in.throwIfInvalid();
        List<Participant> marked = c.participants().stream().map(x -> x.attended(present.contains(x.id()))).toList();
        Instant now = clock.instant();
        Consultation after = c.step(to, marked, null, null, new AuditEntry(now, p.userId(), ConsultationAction.RECORD_ATTENDANCE.name(),
                new HashSet<>(present).size() + " of " + marked.size() + " present"));
        save(c, after, null);
        return after;
    }

    public Consultation cancel(Principal p, String id, JsonNode body) {
        Consultation c = get(p, id);
        ConsultationState to = next(c, ConsultationAction.CANCEL);
        JsonInput in = JsonInput.root(body, Set.of("reason"));
        String reason = in.requiredString("reason", 1, 500, TextRule.MULTI_LINE);
        in.throwIfInvalid();
        Consultation after = c.step(to, c.participants(), null, reason,
                new AuditEntry(clock.instant(), p.userId(), ConsultationAction.CANCEL.name(), reason));
        save(c, after, null);
        return after;
    }

    /**
     * Records the vote and the decision, moves the case by it (when there is one) and publishes it.
     * The case moves first: a decision the case workflow refuses (the case changed meanwhile) is
     * not recorded, and a retry after the case moved replays the case's steps instead of repeating them.
     */
    public Shown decide(Principal p, String id, JsonNode body) {
        Consultation c = get(p, id);
        ConsultationState to = next(c, ConsultationAction.DECIDE);
        Decision d = readDecision(c, body, p.userId());
        if (c.caseId() != null) {
            Case kase = cases.find(c.caseId()).orElseThrow(() -> new NotFound("case", c.caseId()));
            requireOwner(p, kase);
            moveCase(p, c, kase, d);
        }
        Consultation after = c.step(to, c.participants(), d, null,
                new AuditEntry(d.decidedAt(), p.userId(), ConsultationAction.DECIDE.name(),
                        "option " + (d.chosen() + 1) + (c.caseId() == null ? "" : ", case " + d.outcome())));
        Map<String, Organisation> orgs = organisationsOf(after);
        save(c, after, publish(after, orgs));
        return new Shown(after, orgs);
    }

    private Decision readDecision(Consultation c, JsonNode body, String by) {
        JsonInput in = JsonInput.root(body, DECISION_FIELDS);
        Integer chosen = in.optionalInt("chosen", 1, c.options().size());
        if (chosen == null && !in.has("chosen")) in.error("chosen", "is required: the number of the option decided (1 = the first)");
        List<Integer> votes = in.optionalIntList("votes", c.options().size(), 0, MAX_PARTICIPANTS);
        if (votes == null && !in.has("votes")) in.error("votes", "is required: the votes each option received, in order");
        Integer abstained = in.optionalInt("abstained", 0, MAX_PARTICIPANTS);
        String summary = in.requiredString("summary", 1, 1000, TextRule.MULTI_LINE);
        String minutes = in.optionalString("minutes", 1, 10_000, TextRule.MULTI_LINE);
        CaseOutcome outcome = c.caseId() == null ? in.optionalEnum("outcome", CaseOutcome.class) : in.requiredEnum("outcome", CaseOutcome.class);
        List<String> depts = in.optionalStringList("departments", 10, 64, NodeCode.PATTERN, "must be a department code");
        String reason = in.optionalString("reason", 1, 500, TextRule.MULTI_LINE);
        in.throwIfInvalid();
        if (c.caseId() == null && outcome != null) in.error("outcome", "is only for a consultation on a case");
        if (outcome == CaseOutcome.REDIRECTED && (depts == null || depts.isEmpty())) in.error("departments", "is required to redirect the case");
        if (outcome != CaseOutcome.REDIRECTED && depts != null) in.error("departments", "is only for a redirect");
        if (outcome == CaseOutcome.REJECTED && reason == null) in.error("reason", "is required to reject the case");
        int abstain = abstained == null ? 0 : abstained;
        int cast = votes.stream().mapToInt(Integer::intValue).sum() + abstain;
        if (cast > c.present()) in.error("votes", "count " + cast + " votes and abstentions, more than the " + c.present() + " present");
        int mine = votes.get(chosen - 1);
        for (int i = 0; i < votes.size(); i++) {
            if (i != chosen - 1 && votes.get(i) >= mine) {
                in.error("chosen", "must be the option with the most votes (option " + (i + 1) + " has " + votes.get(i) + ")");
                break;
            }
        }
        in.throwIfInvalid();
        return new Decision(chosen - 1, votes, abstain, summary, minutes, outcome, depts, reason, clock.instant(), by);
    }

    private void moveCase(Principal p, Consultation c, Case kase, Decision d) {
        String note = "议事协商 " + c.id() + " decided";
        switch (d.outcome()) {
            case RESOLVED -> {
                if (kase.status().inQueue()) caseStep(kase.id(), c.id(), CaseAction.ACCEPT, note, null, null, List.of(), p);
                caseStep(kase.id(), c.id(), CaseAction.RESOLVE, note, d.summary(), null, List.of(), p);
            }
            case REDIRECTED -> caseStep(kase.id(), c.id(), CaseAction.SUMMON, note, null, null, d.departments(), p);
            case REJECTED -> caseStep(kase.id(), c.id(), CaseAction.REJECT, note, null, d.reason(), List.of(), p);
        }
    }

    private void caseStep(String caseId, String consultationId, CaseAction action, String note, String result, String reason,
                          List<String> depts, Principal p) {
        String requestId = consultationId + ":" + action.wire();
        Command cmd = new Command(action, requestId, "consultation:" + consultationId + ":" + action.wire(), null, note, List.of(),
                null, reason, result, depts, null, null, null);
        workflow.act(caseId, cmd, Actor.of(p));
    }

    private static void requireOwner(Principal p, Case c) {
        Standing s = Standing.of(c, Actor.of(p));
        if (!s.is(Party.OWNER)) {
            if (!s.canRead()) throw new Forbidden("This case is outside your territory.");
            throw new Forbidden("Only staff who own the case at its level (" + c.tier() + " " + c.tierNode()
                    + ") consult on it and decide.");
        }
    }

    private ConsultationState next(Consultation c, ConsultationAction action) {
        return ConsultationRules.next(c.state(), action).orElseThrow(() -> new Conflict("INVALID_TRANSITION",
                "A consultation that is " + c.state() + " cannot take '" + action.name() + "'.",
                Map.of("consultationId", c.id(), "state", c.state().name(), "version", c.version(),
                        "allowedActions", ConsultationRules.allowed(c.state()).stream().map(Enum::name).toList())));
    }

    private void save(Consultation before, Consultation after, PublicDecision published) {
        if (!store.save(after, before.version(), published)) {
            Consultation fresh = store.find(before.id()).orElse(before);
            throw new Conflict("VERSION_CONFLICT", "The consultation changed at the same moment; here is its current state.",
                    Map.of("consultationId", fresh.id(), "state", fresh.state().name(), "version", fresh.version(),
                            "allowedActions", ConsultationRules.allowed(fresh.state()).stream().map(Enum::name).toList()));
        }
    }

    private static String[] names(Consultation c) {
        return c.participants().stream().map(Participant::name).filter(java.util.Objects::nonNull).toArray(String[]::new);
    }

    /** The decision as the community reads it: counted, named by organisation and department only, masked. */
    PublicDecision publish(Consultation c, Map<String, Organisation> orgs) {
        Decision d = c.decision();
        String[] names = names(c);
        Map<String, Integer> byKind = new TreeMap<>();
        c.participants().forEach(x -> byKind.merge(x.kind().name(), 1, Integer::sum));
        List<String> orgNames = c.participants().stream().map(Participant::organisationId).filter(java.util.Objects::nonNull)
                .distinct().map(o -> orgs.containsKey(o) ? orgs.get(o).name() : o).toList();
        Set<String> deptCodes = new LinkedHashSet<>();
        c.participants().stream().map(Participant::department).filter(java.util.Objects::nonNull).forEach(deptCodes::add);
        deptCodes.addAll(d.departments());
        Map<String, Department> known = deptCodes.isEmpty() ? Map.of() : departments.find(deptCodes);
        List<String> deptNames = deptCodes.stream().map(x -> known.containsKey(x) ? known.get(x).name() : x).toList();
        return new PublicDecision(c.id(), c.community(), c.caseId(), Masking.text(c.topic(), names), c.meetingAt(),
                c.options().stream().map(o -> Masking.text(o, names)).toList(), d.chosen(), d.votes(), d.abstained(),
                c.participants().size(), (int) c.present(), byKind, orgNames, deptNames, Masking.text(d.summary(), names),
                d.outcome(), d.reason() == null ? null : Masking.text(d.reason(), names), d.decidedAt());
    }
}
