package org.linli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linli.adapters.dynamo.cycle.DynamoCommunityActivity;
import org.linli.adapters.dynamo.cycle.DynamoCycleStore;
import org.linli.adapters.dynamo.kpi.DynamoKpiStore;
import org.linli.adapters.dynamo.organisations.DynamoOrganisationStore;
import org.linli.core.Times;
import org.linli.cycle.MonthlySummary;
import org.linli.cycle.Summaries;
import org.linli.local.LocalCloud;
import org.linli.organisations.OrganisationHours;
import org.linli.organisations.ServiceHours;
import org.linli.tools.DemoTerritory;
import org.linli.volunteer.membership.Community;
import org.linli.wiring.VolunteerPorts;

/**
 * Issue 18 items 3-4 through the local gateway. 议事协商: a 难事 (illegal construction, in the street's
 * queue) goes through a consultation - opened by the street, notice in the resident's inbox,
 * attendance, the vote and decision - which summons the police station on the case through the
 * case workflow and is published to the community without personal data; a resident can neither
 * open nor decide, staff of another community see nothing. Organisations: registered by the
 * community's staff, contact masked for residents; a linked volunteer's verified hours appear per
 * organisation in the year-end view and, by the same path, in the month's summary.
 */
class ConsultationIntegrationTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static LocalCloud cloud;
    private static Api api;
    private static Cases cases;

    @BeforeAll
    static void start() {
        cloud = LinliCloud.get();
        api = new Api(cloud.baseUrl());
        cases = new Cases(cloud);
    }

    private static String body(Api.Answer a) {
        return a.status() + " " + a.body();
    }

    private static String meetingAt() {
        return Times.api(cloud.clock().instant().plus(Duration.ofDays(2)));
    }

    @Test
    void aHardMatterGoesThroughAConsultationWhoseDecisionMovesTheCaseAndIsPublishedMasked() {
        String resident = api.login("resident");
        String street = api.login("street-DEMO-W");
        String dispatcherW1 = api.login("dispatcher-DEMO-W1");
        String dispatcherE1 = api.login("dispatcher-DEMO-E1");
        String neighbour = api.login("resident2");
        String caseId = cases.open("illegal_construction", 37.8532, 113.5487, "resident");
        JsonNode before = api.get("/cases/" + caseId, street).json();
        assertEquals("UNASSIGNED", before.path("status").asText(), before.toString());
        assertEquals("HARD", before.path("matterType").asText(), before.toString());

        // the property manager of the compound, registered by the community
        Api.Answer org = api.post("/communities/DEMO-W1/organisations", dispatcherW1, "{\"kind\":\"PROPERTY_MANAGER\",\"name\":\"柳园物业\","
                + "\"contact\":{\"name\":\"赵建国\",\"phone\":\"13911112222\"}}");
        assertEquals(201, org.status(), body(org));
        String orgId = org.json().path("organisationId").asText();

        String open = "{\"caseId\":\"" + caseId + "\",\"topic\":\"王芳反映楼顶违章搭建（13812341234）\",\"place\":\"柳园社区议事厅\","
                + "\"meetingAt\":\"" + meetingAt() + "\",\"options\":[\"限期拆除\",\"补办手续后保留\"],\"participants\":["
                + "{\"kind\":\"RESIDENT_REPRESENTATIVE\",\"name\":\"王芳\",\"userId\":\"" + DemoTerritory.userId("resident") + "\"},"
                + "{\"kind\":\"PROPERTY_MANAGER\",\"organisationId\":\"" + orgId + "\"},"
                + "{\"kind\":\"OWNERS_COMMITTEE\",\"name\":\"业委会李主任\"},"
                + "{\"kind\":\"DEPARTMENT\",\"department\":\"DEMO-PS-W\"}]}";
        // a resident cannot open one; nor can the community's staff on a case the street owns
        assertEquals(403, api.post("/consultations", resident, open).status());
        assertEquals(403, api.post("/consultations", dispatcherW1, open).status());
        Api.Answer opened = api.post("/consultations", street, open);
        assertEquals(201, opened.status(), body(opened));
        String id = opened.json().path("consultationId").asText();
        assertEquals("OPEN", opened.json().path("state").asText());

        // staff of another community see nothing of it
        assertEquals(403, api.get("/consultations/" + id, dispatcherE1).status());
        assertEquals(403, api.get("/communities/DEMO-W1/consultations", dispatcherE1).status());
        assertEquals(200, api.get("/consultations/" + id, dispatcherW1).status(), "the community's own staff do");

        Api.Answer notified = api.post("/consultations/" + id + "/notices", street, "{}");
        assertEquals("NOTIFIED", notified.json().path("state").asText(), body(notified));
        JsonNode notice = Eventually.await(Duration.ofSeconds(30), () -> api.get("/me/notifications", resident).json(),
                inbox -> find(inbox.path("items"), "kind", "consultation.notice") != null, "the meeting notice in the resident's inbox");
        JsonNode n = find(notice.path("items"), "kind", "consultation.notice");
        assertFalse(n.toString().contains("13812341234"), "no phone in the notice: " + n);

        Api.Answer met = api.post("/consultations/" + id + "/attendance", street, "{\"present\":[\"p1\",\"p2\",\"p3\",\"p4\"]}");
        assertEquals("MET", met.json().path("state").asText(), body(met));

        String decision = "{\"chosen\":1,\"votes\":[3,1],\"abstained\":0,\"summary\":\"由西城派出所会同物业限期拆除，王芳监督\","
                + "\"minutes\":\"王芳：一周内拆除。李主任：同意。\",\"outcome\":\"REDIRECTED\",\"departments\":[\"DEMO-PS-W\"]}";
        assertEquals(403, api.post("/consultations/" + id + "/decision", resident, decision).status(), "a resident cannot decide");
        Api.Answer decided = api.post("/consultations/" + id + "/decision", street, decision);
        assertEquals(200, decided.status(), body(decided));
        assertEquals("DECIDED", decided.json().path("state").asText());

        // the case moved by the decision, through the case workflow: summoned, the department's task open, both steps audited
        JsonNode after = api.get("/cases/" + caseId, street).json();
        assertEquals("COORDINATING", after.path("status").asText(), after.toString());
        assertTrue(after.toString().contains("DEMO-PS-W"), after.toString());
        JsonNode audit = api.get("/cases/" + caseId + "/audit", street).json();
        List<String> actions = new ArrayList<>();
        audit.path("items").forEach(e -> actions.add(e.path("action").asText()));
        assertTrue(actions.containsAll(List.of("add-note", "summon")) || actions.containsAll(List.of("ADD_NOTE", "SUMMON")), audit.toString());
        assertTrue(audit.toString().contains(id), "the case's trail names the consultation: " + audit);
        // and a decided consultation takes no second decision
        assertEquals(409, api.post("/consultations/" + id + "/decision", street, decision).status());

        // published to the community: any resident reads it, with nothing personal in it
        Api.Answer published = api.get("/communities/DEMO-W1/decisions", neighbour);
        assertEquals(200, published.status(), body(published));
        JsonNode d = find(published.json().path("items"), "consultationId", id);
        assertNotNull(d, published.body());
        String text = d.toString();
        for (String personal : List.of("王芳", "13812341234", "李主任", "赵建国", "13911112222", "一周内拆除")) {
            assertFalse(text.contains(personal), personal + " in the published decision: " + text);
        }
        assertEquals("限期拆除", d.path("decision").asText());
        assertEquals("[3,1]", d.path("votes").toString());
        assertEquals(4, d.path("present").asInt());
        assertTrue(text.contains("柳园物业"), "organisations by name: " + text);
        assertEquals("REDIRECTED", d.path("outcome").asText());
    }

    @Test
    void aRejectingDecisionRejectsTheCaseWithItsReasonThroughTheWorkflow() {
        String street = api.login("street-DEMO-W");
        String caseId = cases.open("illegal_construction", 37.8534, 113.5489, "resident");
        Api.Answer opened = api.post("/consultations", street, "{\"caseId\":\"" + caseId + "\",\"topic\":\"车棚改建\",\"place\":\"议事亭\","
                + "\"meetingAt\":\"" + meetingAt() + "\",\"options\":[\"不予受理\",\"受理\"],\"participants\":[{\"kind\":\"STAFF\",\"name\":\"街道干部\"}]}");
        assertEquals(201, opened.status(), body(opened));
        String id = opened.json().path("consultationId").asText();
        api.post("/consultations/" + id + "/notices", street, "{}");
        api.post("/consultations/" + id + "/attendance", street, "{\"present\":[\"p1\"]}");
        Api.Answer missingReason = api.post("/consultations/" + id + "/decision", street,
                "{\"chosen\":1,\"votes\":[1,0],\"summary\":\"不予受理\",\"outcome\":\"REJECTED\"}");
        assertEquals(400, missingReason.status(), body(missingReason));
        assertEquals("UNASSIGNED", api.get("/cases/" + caseId, street).json().path("status").asText(), "a refused decision moves nothing");
        Api.Answer decided = api.post("/consultations/" + id + "/decision", street,
                "{\"chosen\":1,\"votes\":[1,0],\"summary\":\"不予受理\",\"outcome\":\"REJECTED\",\"reason\":\"属合法审批的建设项目\"}");
        assertEquals(200, decided.status(), body(decided));
        JsonNode c = api.get("/cases/" + caseId, street).json();
        assertEquals("REJECTED", c.path("status").asText(), c.toString());
    }

    @Test
    void organisationsShowTheirContactToTheCommunitysStaffOnlyAndSumTheirVolunteersHoursInTheYearAndTheMonth() {
        String dispatcher = api.login("dispatcher-DEMO-W1");
        String resident = api.login("resident");
        Api.Answer created = api.post("/communities/DEMO-W1/organisations", dispatcher, "{\"kind\":\"UNIT\",\"name\":\"市供电公司第"
                + System.nanoTime() % 1000 + "党支部\",\"contact\":{\"name\":\"钱卫东\",\"phone\":\"13855556666\"},\"address\":\"柳园路9号\"}");
        assertEquals(201, created.status(), body(created));
        String orgId = created.json().path("organisationId").asText();
        assertEquals(403, api.post("/communities/DEMO-W1/organisations", resident, "{\"kind\":\"SHOP\",\"name\":\"x\","
                + "\"contact\":{\"name\":\"x\",\"phone\":\"13800000000\"}}").status(), "a resident registers nothing");

        // a volunteer of the community, with verified service, linked to the unit
        MatrixWorld world = new MatrixWorld(cloud);
        String member = world.member("DEMO-W1").userId();
        Api.Answer linked = api.post("/communities/DEMO-W1/organisations/" + orgId + "/members", dispatcher, "{\"memberId\":\"" + member + "\"}");
        assertEquals(200, linked.status(), body(linked));
        String logId = world.verifiedLog("DEMO-W1", member, org.linli.core.Ids.random("usr", cloud.clock().instant()));
        VolunteerPorts ports = new VolunteerFixtures(cloud).ports(cloud.clock());
        var log = ports.logs().find(logId).orElseThrow();
        YearMonth month = YearMonth.from(log.start().atZone(SHANGHAI));

        JsonNode staffView = find(api.get("/communities/DEMO-W1/organisations", dispatcher).json().path("items"), "organisationId", orgId);
        assertEquals("钱卫东", staffView.path("contact").path("name").asText());
        assertEquals("13855556666", staffView.path("contact").path("phone").asText());
        assertEquals(1, staffView.path("memberCount").asInt());
        JsonNode publicView = find(api.get("/communities/DEMO-W1/organisations", resident).json().path("items"), "organisationId", orgId);
        assertEquals("钱*", publicView.path("contact").path("name").asText());
        assertEquals("138****6666", publicView.path("contact").path("phone").asText());
        assertFalse(publicView.toString().contains("柳园路9号") || publicView.toString().contains(member), publicView.toString());

        // the year-end view (the grade sheet) and the month's summary: the same minutes, from the same ServiceHours path
        int year = month.getYear();
        api.post("/communities/DEMO-W1/grades/" + year, dispatcher, "{}");
        Api.Answer sheet = api.get("/communities/DEMO-W1/grades/" + year, dispatcher);
        assertEquals(200, sheet.status(), body(sheet));
        JsonNode yearRow = find(sheet.json().path("organisations"), "organisationId", orgId);
        assertNotNull(yearRow, sheet.body());
        assertEquals(log.minutes(), yearRow.path("minutes").asInt(), yearRow.toString());
        assertEquals(1, yearRow.path("activeMembers").asInt());

        var hours = new ServiceHours(new DynamoOrganisationStore(cloud.dynamo(), cloud.tableName("VolunteerTable")),
                ports.points()::leaderboard);
        var summaries = new Summaries(ports.wishes(), new DynamoCommunityActivity(cloud.dynamo(), cloud.tableName("VolunteerTable")),
                new DynamoKpiStore(cloud.dynamo(), cloud.tableName("KpiTable")),
                new DynamoCycleStore(cloud.dynamo(), cloud.tableName("CycleTable")), hours, cloud.clock());
        Community w1 = ports.communities().find("DEMO-W1").orElseThrow();
        MonthlySummary s = summaries.compute(w1, month);
        OrganisationHours monthRow = s.organisations().stream().filter(h -> h.organisationId().equals(orgId)).findFirst().orElseThrow();
        assertEquals(log.minutes(), monthRow.minutes());
    }

    private static JsonNode find(JsonNode items, String field, String value) {
        for (JsonNode i : items) if (value.equals(i.path(field).asText())) return i;
        return null;
    }
}
