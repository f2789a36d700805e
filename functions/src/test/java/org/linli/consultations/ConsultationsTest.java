package org.linli.consultations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.linli.cases.Case;
import org.linli.cases.CaseAction;
import org.linli.cases.CaseEvent;
import org.linli.cases.CaseStatus;
import org.linli.core.Conflict;
import org.linli.core.Forbidden;
import org.linli.core.ValidationFailed;
import org.linli.identity.Principal;
import org.linli.identity.Role;
import org.linli.json.Json;
import org.linli.organisations.Contact;
import org.linli.organisations.InMemoryOrganisationStore;
import org.linli.organisations.Organisation;
import org.linli.organisations.OrganisationKind;
import org.linli.testing.CaseWorld;
import org.linli.testing.RecordingOutbox;
import org.linli.volunteer.membership.Community;

/**
 * A consultation through its steps against the real case workflow (in-memory tables): the
 * decision moves the case by the case rules, leaves its trail in the case's audit and is
 * published without personal data; who may do what.
 */
class ConsultationsTest {
    private static final String REP = "usr_0000000000000000000000000R";
    private final CaseWorld world = new CaseWorld();
    private final InMemoryConsultationStore store = new InMemoryConsultationStore();
    private final InMemoryOrganisationStore orgs = new InMemoryOrganisationStore();
    private final RecordingOutbox outbox = new RecordingOutbox();
    private final Consultations consultations = new Consultations(store, world.table.caseStore, world.workflow,
            code -> code.equals("C1") ? Optional.of(new Community("C1", "第一社区", List.of("D", "S1", "C1")))
                    : code.equals("C2") ? Optional.of(new Community("C2", "第二社区", List.of("D", "S1", "C2"))) : Optional.empty(),
            orgs, world.departments, outbox, world.clock);
    private final Principal street = CaseWorld.actor(Role.STREET_STAFF).principal();

    ConsultationsTest() {
        Instant t = world.clock.instant();
        orgs.register(new Organisation("org_00000000000000000000000001", "C1", OrganisationKind.PROPERTY_MANAGER, "安居物业",
                new Contact("赵经理", "13911112222"), null, t, "x", t, "x", 1));
    }

    private JsonNode openBody(String caseId) {
        return Json.parse("""
                {"caseId":"%s","topic":"王芳反映的楼道堆物问题 13812341234","place":"社区议事厅",
                 "meetingAt":"2026-11-25T09:30:00+08:00","options":["物业限期清理","拆除后由社区统一管理"],
                 "participants":[{"kind":"RESIDENT_REPRESENTATIVE","name":"王芳","userId":"%s"},
                   {"kind":"PROPERTY_MANAGER","organisationId":"org_00000000000000000000000001"},
                   {"kind":"DEPARTMENT","department":"DEPT-P"},
                   {"kind":"PARTY_MEMBER","name":"李党员"}]}""".formatted(caseId, REP));
    }

    private Consultation held(Case c) {
        Consultation opened = consultations.open(street, openBody(c.id()), "k1").consultation();
        consultations.notifyParticipants(street, opened.id(), Json.object());
        return consultations.recordAttendance(street, opened.id(), Json.parse("{\"present\":[\"p1\",\"p2\",\"p3\",\"p4\"]}"));
    }

    @Test
    void aDecisionToRedirectSummonsTheDepartmentsThroughTheCaseWorkflowAndIsPublishedMasked() {
        Case c = world.fixture(CaseStatus.ESCALATED);
        Consultation held = held(c);
        assertEquals(ConsultationState.MET, held.state());
        assertEquals(1, outbox.sent.size(), "one participant is a user: one inbox notice");
        assertEquals(REP, outbox.sent.get(0).userId());
        assertFalse(outbox.sent.get(0).title().contains("13812341234"), "the notice carries no phone");

        Consultation decided = consultations.decide(street, held.id(), Json.parse("""
                {"chosen":1,"votes":[3,1],"abstained":0,"summary":"由派出所会同物业处置，王芳监督",
                 "minutes":"王芳：要求一周内清理。","outcome":"REDIRECTED","departments":["DEPT-P"]}""")).consultation();

        assertEquals(ConsultationState.DECIDED, decided.state());
        Case after = world.table.cases.get(c.id());
        assertEquals(CaseStatus.COORDINATING, after.status());
        assertEquals("DEPT-P", after.tasks().get(0).department());
        List<CaseAction> trail = world.table.audit.get(c.id()).stream().map(CaseEvent::action).toList();
        assertEquals(List.of(CaseAction.OPEN, CaseAction.ADD_NOTE, CaseAction.SUMMON), trail);
        assertEquals(List.of("OPEN", "NOTIFY", "RECORD_ATTENDANCE", "DECIDE"), decided.audit().stream().map(AuditEntry::action).toList());

        PublicDecision p = consultations.decisions("C1", 10, null).items().get(0);
        String published = Json.write(org.linli.views.consultations.ConsultationViews.published(p));
        assertFalse(published.contains("王芳"), published);
        assertFalse(published.contains("13812341234"), published);
        assertFalse(published.contains("李党员"), published);
        assertFalse(published.contains("要求一周内清理"), "minutes are not published: " + published);
        assertTrue(published.contains("安居物业") && published.contains("东街道派出所"), published);
        assertEquals(4, p.present());
        assertEquals(List.of(3, 1), p.votes());
    }

    @Test
    void aDecisionToResolveAcceptsAQueuedCaseThenResolvesItWithTheSummary() {
        Case c = world.fixture(CaseStatus.ESCALATED);
        Consultation held = held(c);
        consultations.decide(street, held.id(), Json.parse("""
                {"chosen":2,"votes":[1,3],"summary":"拆除后由社区统一管理","outcome":"RESOLVED"}"""));
        Case after = world.table.cases.get(c.id());
        assertEquals(CaseStatus.RESOLVED, after.status());
        assertEquals("拆除后由社区统一管理", after.resolution().result());
        assertEquals(List.of(CaseAction.OPEN, CaseAction.ADD_NOTE, CaseAction.ACCEPT, CaseAction.RESOLVE),
                world.table.audit.get(c.id()).stream().map(CaseEvent::action).toList());
    }

    @Test
    void aDecisionToRejectRejectsTheCaseWithTheReason() {
        Case c = world.fixture(CaseStatus.ESCALATED);
        Consultation held = held(c);
        consultations.decide(street, held.id(), Json.parse("""
                {"chosen":1,"votes":[4,0],"summary":"不属于公共事务","outcome":"REJECTED","reason":"属业主私人纠纷，建议诉讼"}"""));
        assertEquals(CaseStatus.REJECTED, world.table.cases.get(c.id()).status());
        CaseEvent last = world.table.audit.get(c.id()).get(world.table.audit.get(c.id()).size() - 1);
        assertEquals("属业主私人纠纷，建议诉讼", last.details().get("reason"));
    }

    @Test
    void votesMustFitTheAttendanceAndTheChosenOptionMustLead() {
        Case c = world.fixture(CaseStatus.ESCALATED);
        Consultation held = held(c);
        ValidationFailed tooMany = assertThrows(ValidationFailed.class, () -> consultations.decide(street, held.id(),
                Json.parse("{\"chosen\":1,\"votes\":[4,1],\"summary\":\"x\",\"outcome\":\"RESOLVED\"}")));
        assertEquals("votes", tooMany.fields().get(0).field());
        ValidationFailed notLeading = assertThrows(ValidationFailed.class, () -> consultations.decide(street, held.id(),
                Json.parse("{\"chosen\":1,\"votes\":[2,2],\"summary\":\"x\",\"outcome\":\"RESOLVED\"}")));
        assertEquals("chosen", notLeading.fields().get(0).field());
        assertThrows(ValidationFailed.class, () -> consultations.decide(street, held.id(),
                Json.parse("{\"chosen\":1,\"votes\":[3,0],\"summary\":\"x\",\"outcome\":\"REJECTED\"}")), "a rejection needs its reason");
        assertEquals(CaseStatus.ESCALATED, world.table.cases.get(c.id()).status(), "nothing moved");
        assertEquals(ConsultationState.MET, store.consultations.get(held.id()).state());
    }

    @Test
    void stepsOutOfOrderAreRefusedWithTheStateAndTheAllowedActions() {
        Case c = world.fixture(CaseStatus.ESCALATED);
        Consultation opened = consultations.open(street, openBody(c.id()), "k2").consultation();
        Conflict early = assertThrows(Conflict.class, () -> consultations.decide(street, opened.id(),
                Json.parse("{\"chosen\":1,\"votes\":[0,0],\"summary\":\"x\",\"outcome\":\"RESOLVED\"}")));
        assertEquals("INVALID_TRANSITION", early.code());
        assertEquals(List.of("NOTIFY", "CANCEL"), early.details().get("allowedActions"));
        consultations.cancel(street, opened.id(), Json.parse("{\"reason\":\"改期\"}"));
        assertThrows(Conflict.class, () -> consultations.notifyParticipants(street, opened.id(), Json.object()));
    }

    @Test
    void openingTwiceWithOneKeyReplaysAndTheCaseIsNotedOnce() {
        Case c = world.fixture(CaseStatus.ESCALATED);
        Consultations.Opened first = consultations.open(street, openBody(c.id()), "same");
        Consultations.Opened again = consultations.open(street, openBody(c.id()), "same");
        assertFalse(first.replayed());
        assertTrue(again.replayed());
        assertEquals(first.consultation().id(), again.consultation().id());
        assertEquals(2, world.table.audit.get(c.id()).size());
    }

    @Test
    void onlyTheCaseOwnersOpenOnItAndOtherCommunitiesStaffSeeNothing() {
        Case c = world.fixture(CaseStatus.ESCALATED); // at the street: community staff do not own it
        Principal community = CaseWorld.actor(Role.COMMUNITY_STAFF).principal();
        assertThrows(Forbidden.class, () -> consultations.open(community, openBody(c.id()), "k3"));
        Consultation opened = consultations.open(street, openBody(c.id()), "k4").consultation();
        Principal otherCommunity = CaseWorld.principal("usr_0000000000000000000000000O", Role.COMMUNITY_STAFF, "C2");
        assertThrows(Forbidden.class, () -> consultations.get(otherCommunity, opened.id()));
        assertThrows(Forbidden.class, () -> consultations.byCommunity(otherCommunity, "C1", 10, null));
        assertEquals(opened.id(), consultations.get(community, opened.id()).id(), "the community's own staff see it");
    }

    @Test
    void participantsMustNameKnownOrganisationsAndDepartments() {
        Case c = world.fixture(CaseStatus.ESCALATED);
        JsonNode body = Json.parse("""
                {"caseId":"%s","topic":"t","place":"p","meetingAt":"2026-11-25T09:30:00+08:00","options":["a","b"],
                 "participants":[{"kind":"PROPERTY_MANAGER","organisationId":"org_0000000000000000000000000Z"},
                   {"kind":"DEPARTMENT","department":"NOPE"}]}""".formatted(c.id()));
        ValidationFailed e = assertThrows(ValidationFailed.class, () -> consultations.open(street, body, "k5"));
        assertEquals(List.of("participants[0].organisationId", "participants[1].department"),
                e.fields().stream().map(org.linli.core.FieldError::field).toList());
        assertTrue(store.consultations.isEmpty());
    }
}
