package org.linli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linli.adapters.dynamo.cases.DynamoPersonalData;
import org.linli.core.Times;
import org.linli.local.LocalCloud;
import org.linli.privacy.Retention;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * PIPL (issue 13): the recorded contact reveal and the access log, erasure of one's own account
 * (and by an administrator), and the retention of closed cases - over HTTP through the local
 * gateway, the retention job on the real tables with a clock 181 days on.
 */
class PrivacyIntegrationTest {
    private static LocalCloud cloud;
    private static Api api;

    @BeforeAll
    static void start() {
        cloud = LinliCloud.get();
        api = new Api(cloud.baseUrl());
    }

    private static JsonNode login(String code) {
        return api.wechatLogin(code);
    }

    /** A report filed over HTTP with a contact; its id and its case's id once assigned. */
    private static String[] report(String token, double lat, double lng) {
        Api.Answer filed = api.call("POST", "/reports", token, """
                {"category":"sanitation","description":"楼道堆放杂物","location":{"lat":%s,"lng":%s,"datum":"GCJ02"},
                 "contact":{"name":"李雷","phone":"13912345678"}}""".formatted(lat, lng),
                Map.of("Content-Type", "application/json", "Idempotency-Key", UUID.randomUUID().toString()));
        assertEquals(202, filed.status(), filed.body());
        String reportId = filed.json().path("reportId").asText();
        String caseId = Eventually.await(Duration.ofSeconds(20), () -> api.get("/reports/" + reportId, token).json(),
                j -> j.path("case").path("caseId").isTextual(), "the report's case").path("case").path("caseId").asText();
        return new String[] {reportId, caseId};
    }

    @Test
    void aRevealShowsTheContactToTheHandlingStaffAndIsInTheAccessLog() {
        String resident = login("privacy_" + UUID.randomUUID().toString().replace("-", "")).path("accessToken").asText();
        String[] r = report(resident, 37.8481, 113.5452);
        String admin = api.login("admin");
        String dispatcher = api.login("dispatcher-DEMO-W1");
        String dispatcherId = api.get("/me", dispatcher).json().path("userId").asText();

        Api.Answer shown = api.call("POST", "/cases/" + r[1] + "/contact-reveals", dispatcher,
                "{\"reportId\":\"" + r[0] + "\",\"reason\":\"电话回访\"}", Map.of("Content-Type", "application/json", "Idempotency-Key", "rv-" + r[0]));
        assertEquals(200, shown.status(), shown.body());
        assertEquals("13912345678", shown.json().path("contact").path("phone").asText(), shown.body());
        // A retry (the same Idempotency-Key) answers the same reveal id; it showed the contact again, so it is recorded again under it.
        assertEquals(shown.json().path("revealId"), api.call("POST", "/cases/" + r[1] + "/contact-reveals", dispatcher,
                "{\"reportId\":\"" + r[0] + "\",\"reason\":\"电话回访\"}", Map.of("Content-Type", "application/json", "Idempotency-Key",
                        "rv-" + r[0])).json().path("revealId"));
        // Staff who see the case masked (a micro-grid leader) are not shown it.
        assertEquals(403, api.post("/cases/" + r[1] + "/contact-reveals", api.login("leader-DEMO-W1-G1-M2"),
                "{\"reportId\":\"" + r[0] + "\",\"reason\":\"看看\"}").status());
        // The handling staff's ordinary view with the contact whole is recorded too.
        assertEquals("13912345678", api.get("/reports/" + r[0], dispatcher).json().path("contact").path("phone").asText());

        JsonNode bySubject = api.get("/admin/access-log?subject=report:" + r[0], admin).json();
        assertEquals(3, bySubject.path("items").size(), bySubject.toString());
        assertEquals("HANDLING", bySubject.path("items").get(0).path("purpose").asText(), "newest first: " + bySubject);
        assertEquals(bySubject.path("items").get(1).path("entryId"), bySubject.path("items").get(2).path("entryId"), "the retry");
        JsonNode reveal = bySubject.path("items").get(2);
        assertEquals("REVEAL", reveal.path("purpose").asText());
        assertEquals(dispatcherId, reveal.path("viewerId").asText());
        assertEquals("电话回访", reveal.path("reason").asText());
        assertTrue(reveal.path("subjects").toString().contains("case:" + r[1]), reveal.toString());
        JsonNode byViewer = api.get("/admin/access-log?viewer=" + dispatcherId + "&limit=200", admin).json();
        assertTrue(byViewer.toString().contains(shown.json().path("revealId").asText()), byViewer.toString());
        JsonNode caseReveals = api.get("/cases/" + r[1] + "/contact-reveals", dispatcher).json();
        assertEquals(shown.json().path("revealId").asText(), caseReveals.path("items").get(2).path("revealId").asText(), caseReveals.toString());
        assertEquals(400, api.get("/admin/access-log", admin).status(), "subject or viewer");
        assertEquals(403, api.get("/admin/access-log?viewer=" + dispatcherId, dispatcher).status(), "administrators only");
        // The resident's own view is not an access by staff.
        api.get("/reports/" + r[0], resident);
        assertEquals(3, api.get("/admin/access-log?subject=report:" + r[0], admin).json().path("items").size());
    }

    @Test
    void aResidentErasesHisAccountHisOpenReportKeepsGoingWithoutTheContact() {
        JsonNode login = login("erase_" + UUID.randomUUID().toString().replace("-", ""));
        String token = login.path("accessToken").asText();
        String userId = login.path("user").path("userId").asText();
        String[] r = report(token, 37.8491, 113.5462);

        Api.Answer erased = api.call("DELETE", "/me", token, null, Map.of());
        assertEquals(202, erased.status(), erased.body());
        assertEquals("DONE", erased.json().path("erasure").path("state").asText(), erased.body());
        assertEquals(1, erased.json().path("erasure").path("reportsAnonymised").asInt(), erased.body());
        assertEquals(202, api.call("DELETE", "/me", token, null, Map.of()).status(), "asking again answers the record");

        String dispatcher = api.login("dispatcher-DEMO-W1");
        JsonNode seen = api.get("/reports/" + r[0], dispatcher).json();
        assertFalse(seen.path("contact").has("phone"), seen.toString());
        assertFalse(seen.path("contact").has("name"), seen.toString());
        Api.Answer note = api.call("POST", "/cases/" + r[1] + "/actions/add-note", dispatcher, "{\"note\":\"居民已注销，无联系方式\"}",
                Map.of("Content-Type", "application/json", "Idempotency-Key", UUID.randomUUID().toString()));
        assertEquals(200, note.status(), "the open case keeps going for staff: " + note.body());
        JsonNode account = api.get("/admin/users/" + userId, api.login("admin")).json();
        assertEquals("ERASED", account.path("status").asText(), account.toString());
        assertEquals("DONE", account.path("erasure").path("state").asText(), account.toString());
        assertFalse(account.has("displayName"));
        // The old token writes nothing any more.
        Api.Answer after = api.call("POST", "/reports", token, "{\"category\":\"noise\",\"description\":\"x\",\"location\":{\"lat\":37.8481,"
                + "\"lng\":113.5452,\"datum\":\"GCJ02\"}}", Map.of("Content-Type", "application/json"));
        assertEquals(403, after.status(), after.body());
    }

    @Test
    void aResidentsWishesLoseTheirContactAndHisVolunteerRegistrationItsNameAndPhone() {
        JsonNode login = login("erasevol_" + UUID.randomUUID().toString().replace("-", ""));
        String token = login.path("accessToken").asText();
        String userId = login.path("user").path("userId").asText();
        String wantedBy = Times.api(LinliCloud.now().plus(Duration.ofDays(2)));
        Api.Answer placed = api.post("/wishes", token, "{\"community\":\"DEMO-W1\",\"title\":\"帮忙买菜\",\"detail\":\"腿脚不便\","
                + "\"wantedBy\":\"" + wantedBy + "\",\"place\":\"3号楼2单元\",\"contact\":{\"name\":\"韩梅梅\",\"phone\":\"13712345678\"}}");
        assertEquals(201, placed.status(), placed.body());
        String wishId = placed.json().path("wishId").asText();
        Api.Answer registered = api.post("/volunteers", token, "{\"community\":\"DEMO-W1\",\"name\":\"韩梅梅\",\"phone\":\"13712345678\","
                + "\"partyOrganisation\":\"第一党支部\"}");
        assertEquals(201, registered.status(), registered.body());
        String dispatcher = api.login("dispatcher-DEMO-W1");
        assertEquals("13712345678", api.get("/wishes/" + wishId, dispatcher).json().path("contact").path("phone").asText(), "before: staff see it");

        Api.Answer erased = api.call("DELETE", "/me", token, null, Map.of());
        assertEquals(202, erased.status(), erased.body());
        assertEquals("DONE", erased.json().path("erasure").path("state").asText(), erased.body());

        // The wish keeps working for staff, without the contact.
        JsonNode wish = api.get("/wishes/" + wishId, dispatcher).json();
        assertEquals(wishId, wish.path("wishId").asText(), wish.toString());
        assertFalse(wish.toString().contains("13712345678"), wish.toString());
        assertFalse(wish.toString().contains("韩梅梅"), wish.toString());
        assertEquals("3号楼2单元", wish.path("place").asText(), "the place stays: a volunteer still has to go there");
        Api.Answer reviewed = api.post("/wishes/" + wishId + "/review", dispatcher, "{\"decision\":\"APPROVE\"}");
        assertEquals(200, reviewed.status(), reviewed.body());
        assertEquals("PUBLISHED", reviewed.json().path("state").asText(), reviewed.body());

        // The registration keeps its id and standing under a pseudonym, without phone.
        Api.Answer decided = api.post("/volunteers/" + userId + "/decision", dispatcher, "{\"decision\":\"APPROVE\"}");
        assertEquals(200, decided.status(), decided.body());
        assertEquals(userId, decided.json().path("memberId").asText(), decided.body());
        assertEquals("已注销", decided.json().path("name").asText(), decided.body());
        assertTrue(decided.json().path("phone").isMissingNode() || decided.json().path("phone").isNull(), decided.body());
        assertFalse(decided.body().contains("13712345678"), decided.body());
    }

    @Test
    void anAdministratorErasesAnAccount() {
        String userId = login("erased_" + UUID.randomUUID().toString().replace("-", "")).path("user").path("userId").asText();
        String admin = api.login("admin");
        assertEquals(400, api.post("/admin/users/" + userId + "/erasure", admin, "{}").status(), "a reason is required");
        Api.Answer erased = api.post("/admin/users/" + userId + "/erasure", admin, "{\"reason\":\"本人书面申请\"}");
        assertEquals(202, erased.status(), erased.body());
        assertFalse(erased.json().path("erasure").path("bySelf").asBoolean());
        assertEquals("DONE", api.get("/admin/users/" + userId, admin).json().path("erasure").path("state").asText());
        assertEquals(403, api.post("/admin/users/" + userId + "/erasure", api.login("district"), "{\"reason\":\"x\"}").status());
    }

    @Test
    void aClosedCaseLosesItsContactsAndExactPlaceAfterTheRetentionPeriodWithoutAScan() {
        Cases cases = new Cases(cloud);
        String caseId = cases.open("illegal_construction", 37.87791, 113.58453, "resident");
        Cases.Who east = new Cases.Who("street-DEMO-E", "RESIDENT,STREET_STAFF", "DEMO-E");
        assertEquals(200, cases.act(caseId, "reject", "{\"reason\":\"不属于受理范围\"}", east).status());
        var data = new DynamoPersonalData(cloud.dynamo(), cloud.tableName("CasesTable"));
        LocalDate day = LocalDate.ofInstant(LinliCloud.now(), Times.CHINA);
        // The case-event consumer notes the case under the day it closed.
        Eventually.await(Duration.ofSeconds(20), () -> data.closedOn(day, 1000), ids -> ids.contains(caseId), "the retention note");
        String reportId = cases.get(caseId, east).body().path("reportIds").path(0).asText(null);

        // Not yet due: 179 days on, nothing happens.
        Retention early = new Retention(data, data, Duration.ofDays(180), Clock.fixed(LinliCloud.now().plus(Duration.ofDays(179)), ZoneOffset.UTC));
        early.run();
        assertTrue(data.closedOn(day, 1000).contains(caseId));
        Retention due = new Retention(data, data, Duration.ofDays(180), Clock.fixed(LinliCloud.now().plus(Duration.ofDays(181)), ZoneOffset.UTC));
        Retention.Result result = due.run();
        assertTrue(result.anonymised() >= 1, result.toString());
        assertFalse(data.closedOn(day, 1000).contains(caseId), "the note is gone once dealt with");

        Map<String, AttributeValue> item = cloud.dynamo().getItem(b -> b.tableName(cloud.tableName("CasesTable"))
                .key(Map.of("pk", AttributeValue.fromS("CASE#" + caseId), "sk", AttributeValue.fromS("CASE"))).consistentRead(true)).item();
        assertEquals("37.878", item.get("lat").n(), "coarsened to about 100 m");
        assertEquals("REJECTED", item.get("status").s(), "the case itself, its status and times stay for statistics");
        var reports = new org.linli.adapters.dynamo.cases.DynamoReportStore(cloud.dynamo(), cloud.tableName("CasesTable"));
        var report = reports.find(reportId).orElseThrow();
        assertFalse(report.content().contact().present(), "contact erased");
        assertEquals(37.878, report.content().point().lat(), 1e-9);
        // The audit trail still reads.
        assertEquals(200, cases.get(caseId, east).status());
    }
}
