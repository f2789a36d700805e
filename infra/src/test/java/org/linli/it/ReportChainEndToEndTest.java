package org.linli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linli.local.LocalCloud;
import org.linli.tools.DemoTerritory;
import org.linli.tools.FakeWeChatServer;

/**
 * The first chain, end to end over HTTP through the local gateway, exactly as a mini-program
 * uses it: HTTP → authorizer → ReportsApi → DynamoDB → SQS → AssignmentFunction → DynamoDB → GET.
 */
class ReportChainEndToEndTest {
    private static LocalCloud cloud;
    private static Api api;
    private static String resident;

    private static final String REPORT = """
            {"category":"sanitation","description":"楼道堆放杂物，堵塞消防通道",
             "location":{"lat":37.8481,"lng":113.5452,"datum":"GCJ02"},
             "contact":{"name":"王芳","phone":"13812341234"}}""";

    @BeforeAll
    static void start() {
        cloud = LinliCloud.get();
        api = new Api(cloud.baseUrl());
        resident = api.login("resident");
    }

    private static JsonNode awaitStatus(String reportId, String token, String status) {
        return Eventually.await(Duration.ofSeconds(10), () -> api.get("/reports/" + reportId, token).json(),
                j -> status.equals(j.path("status").asText()), reportId + " " + status);
    }

    @Test
    void aReportIsAssignedToTheGridWorkerWithinTwoSeconds() {
        // A spot of 柳园社区第1网格 (same micro-grid) no other test reports at: a nearby open case of the same
        // category would take this report in, and a report's status is then its case's, possibly ACCEPTED already.
        String body = REPORT.replace("37.8481", "37.8505").replace("113.5452", "113.5430");
        long t0 = System.nanoTime();
        Api.Answer posted = api.post("/reports", resident, body);
        assertEquals(202, posted.status(), posted.body());
        String id = posted.json().get("reportId").asText();
        assertEquals("/reports/" + id, posted.header("Location"));
        assertEquals("RECEIVED", posted.json().get("status").asText());

        JsonNode report = Eventually.await(Duration.ofSeconds(2), () -> api.get("/reports/" + id, resident).json(),
                j -> "ASSIGNED".equals(j.path("status").asText()), "ASSIGNED within 2 s");
        long millis = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("e2e: POST -> ASSIGNED in " + millis + " ms");
        JsonNode c = report.get("case");
        assertEquals("DEMO-W1-G1", c.path("grid").path("code").asText());
        assertEquals("柳园社区第1网格", c.path("grid").path("name").asText());
        assertEquals(DemoTerritory.userId("worker-DEMO-W1-G1"), c.path("assignee").path("userId").asText());
        assertEquals("ON_DUTY", c.path("assignee").path("rule").asText());
        // The demo map is version 1; territory tests in the same run may have imported newer ones.
        assertTrue(c.path("placement").path("mapVersion").asInt() >= 1, c.toString());
        assertEquals("13812341234", report.path("contact").path("phone").asText(), "the reporter sees his own contact");

        // The worker finds it in his queue; another resident cannot see it at all.
        String worker = api.login("worker-DEMO-W1-G1");
        JsonNode queue = api.get("/me/cases", worker).json();
        assertTrue(queue.path("items").findValuesAsText("caseId").contains(c.path("caseId").asText()), queue.toString());
        assertEquals(200, api.get("/reports/" + id, worker).status(), "staff covering the grid may read it");
        assertEquals(404, api.get("/reports/" + id, api.login("resident2")).status());
        assertEquals(403, api.get("/reports/" + id, api.login("worker-DEMO-E1-G1")).status(), "a worker of another grid");
    }

    @Test
    void theSameIdempotencyKeyStoresOneReport() {
        String key = "wx-" + UUID.randomUUID();
        Map<String, String> headers = Map.of("Content-Type", "application/json", "Idempotency-Key", key);
        String body = REPORT.replace("楼道", "楼道" + key);
        Api.Answer first = api.call("POST", "/reports", resident, body, headers);
        Api.Answer second = api.call("POST", "/reports", resident, body, headers);
        assertEquals(202, first.status());
        assertEquals(202, second.status());
        assertEquals(first.json().get("reportId"), second.json().get("reportId"));
        assertEquals("true", second.header("Idempotent-Replayed"));
        long mine = api.get("/me/reports?limit=50", resident).json().path("items").findValuesAsText("reportId").stream()
                .filter(r -> r.equals(first.json().get("reportId").asText())).count();
        assertEquals(1, mine);

        Api.Answer reused = api.call("POST", "/reports", resident, body.replace("堵塞", "占用"), headers);
        assertEquals(409, reused.status());
        assertEquals("IDEMPOTENCY_KEY_REUSED", reused.errorCode());
    }

    @Test
    void aReportOutsideEveryGridIsUnassignedAndVisibleToTheStreetDispatcher() {
        // The park strip of 西城街道: inside the street, outside every community and grid.
        String body = REPORT.replace("37.8481", "37.876").replace("113.5452", "113.555");
        String id = api.post("/reports", resident, body).json().get("reportId").asText();
        JsonNode report = awaitStatus(id, resident, "UNASSIGNED");
        JsonNode c = report.get("case");
        assertEquals("DEMO-W", c.path("queueNode").asText());
        assertTrue(c.path("assignee").isNull());

        String street = api.login("street-DEMO-W");
        JsonNode queue = api.get("/dispatch/DEMO-W/unassigned", street).json();
        assertTrue(queue.path("items").findValuesAsText("caseId").contains(c.path("caseId").asText()));
        assertEquals(403, api.get("/dispatch/DEMO-W/unassigned", api.login("street-DEMO-E")).status());

        // Outside the whole map: the district's dispatcher.
        String far = REPORT.replace("37.8481", "39.9").replace("113.5452", "116.4");
        String farId = api.post("/reports", resident, far).json().get("reportId").asText();
        assertEquals(DemoTerritory.ROOT, awaitStatus(farId, resident, "UNASSIGNED").path("case").path("queueNode").asText());
    }

    @Test
    void aWgs84ReportLandsOnTheSameGridAsItsGcj02Twin() {
        var gcj = new org.linli.geo.GeoPoint(37.8481, 113.5652, org.linli.geo.Datum.GCJ02);
        var wgs = gcj.in(org.linli.geo.Datum.WGS84);
        String body = REPORT.replace("37.8481", Double.toString(wgs.lat())).replace("113.5452", Double.toString(wgs.lng()))
                .replace("GCJ02", "WGS84");
        String id = api.post("/reports", resident, body).json().get("reportId").asText();
        assertEquals("DEMO-W1-G3", awaitStatus(id, resident, "ASSIGNED").path("case").path("grid").path("code").asText());
    }

    @Test
    void aBuildingCodeFromThePickerIsEnough() {
        String body = """
                {"category":"leak","description":"楼上漏水","location":{"buildingCode":"DEMO-E1-G3-M2-B1"},"contact":{"phone":"0353-1234567"}}""";
        String id = api.post("/reports", resident, body).json().get("reportId").asText();
        JsonNode c = awaitStatus(id, resident, "ASSIGNED").path("case");
        assertEquals("DEMO-E1-G3", c.path("grid").path("code").asText());
        assertEquals("BUILDING", c.path("placement").path("method").asText());
    }

    @Test
    void badInputGetsTheErrorFormatAndStoresNothing() {
        // What is stored, not how it stands: a report's status is its case's, which moves in the background.
        java.util.List<String> before = myReportIds();
        Api.Answer malformed = api.post("/reports", resident, "{\"category\": \"sanitation\",");
        assertEquals(400, malformed.status());
        assertEquals("INVALID_JSON", malformed.errorCode());
        assertTrue(malformed.json().path("error").path("fields").isArray());

        Api.Answer invalid = api.post("/reports", resident, "{\"category\":\"sanitation\",\"description\":\"x\",\"location\":{\"lat\":95,\"lng\":113,\"datum\":\"GCJ02\"},\"contact\":{\"phone\":\"13812341234\"}}");
        assertEquals(400, invalid.status());
        assertEquals("location.lat", invalid.json().path("error").path("fields").get(0).path("field").asText());

        Api.Answer notJson = api.call("POST", "/reports", resident, REPORT, Map.of("Content-Type", "text/plain"));
        assertEquals(415, notJson.status());
        assertEquals("UNSUPPORTED_MEDIA_TYPE", notJson.errorCode());

        Api.Answer huge = api.post("/reports", resident, "{\"description\":\"" + "长".repeat(40_000) + "\"}");
        assertEquals(413, huge.status());
        assertEquals("PAYLOAD_TOO_LARGE", huge.errorCode());

        Api.Answer badUtf8 = api.send("POST", "/reports", resident,
                "{\"description\":\"\u00ff\u00fe\"}".getBytes(StandardCharsets.ISO_8859_1), Map.of("Content-Type", "application/json"));
        assertTrue(badUtf8.status() == 400, badUtf8.status() + " " + badUtf8.body());

        assertEquals(before, myReportIds(), "nothing stored");
    }

    private static java.util.List<String> myReportIds() {
        Api.Answer mine = api.get("/me/reports?limit=50", resident);
        assertEquals(200, mine.status(), mine.body());
        java.util.List<String> ids = new java.util.ArrayList<>();
        mine.json().path("items").forEach(item -> ids.add(item.path("reportId").asText()));
        return ids;
    }

    @Test
    void unknownRoutesAndMethodsAnswerInTheErrorFormat() {
        Api.Answer missing = api.get("/nowhere", null);
        assertEquals(404, missing.status());
        assertEquals("NOT_FOUND", missing.errorCode());
        Api.Answer wrongMethod = api.call("DELETE", "/reports/rpt_01", resident, null, Map.of());
        assertEquals(405, wrongMethod.status());
        assertEquals("METHOD_NOT_ALLOWED", wrongMethod.errorCode());
        assertEquals("GET", wrongMethod.header("Allow"));
        Api.Answer unknownReport = api.get("/reports/rpt_00000000000000000000000000", resident);
        assertEquals(404, unknownReport.status());
        assertEquals("NOT_FOUND", unknownReport.errorCode());
    }

    @Test
    void tokensAreCheckedAndBadOnesGet401InTheErrorFormat() {
        // No header at all: API Gateway itself answers (its own shape), before Linli runs.
        assertEquals(401, api.get("/me", null).status());
        Api.Answer forged = api.get("/me", resident.substring(0, resident.length() - 4) + "AAAA");
        assertEquals(401, forged.status());
        assertEquals("TOKEN_INVALID", forged.errorCode());
        Api.Answer garbage = api.get("/me", "not.a.token");
        assertEquals(401, garbage.status());
        assertEquals("TOKEN_INVALID", garbage.errorCode());
        assertEquals(200, api.get("/me", resident).status());
    }

    @Test
    void weChatLoginCreatesAResidentWhoCanReportAndRefresh() {
        FakeWeChatServer wechat = LinliCloud.setup().wechat();
        String code = "code-" + UUID.randomUUID();
        Api.Answer login = api.post("/auth/wechat-login", null, "{\"code\":\"" + code + "\"}");
        assertEquals(200, login.status(), login.body());
        assertTrue(login.json().get("newUser").asBoolean());
        assertEquals("RESIDENT", login.json().path("user").path("roles").get(0).asText());
        String token = login.json().get("accessToken").asText();
        assertNotNull(wechat.calls("/sns/jscode2session").stream().filter(c -> code.equals(c.query().get("js_code"))).findFirst().orElse(null));
        assertTrue(wechat.calls().stream().noneMatch(c -> c.query().containsKey("secret")), "the app secret is never recorded");

        assertEquals(202, api.post("/reports", token, REPORT).status());
        Api.Answer again = api.post("/auth/wechat-login", null, "{\"code\":\"" + code + "\"}");
        assertEquals(login.json().path("user").path("userId"), again.json().path("user").path("userId"), "same openid, same user");

        String refresh = login.json().get("refreshToken").asText();
        Api.Answer refreshed = api.post("/auth/refresh", null, "{\"refreshToken\":\"" + refresh + "\"}");
        assertEquals(200, refreshed.status());
        Api.Answer reused = api.post("/auth/refresh", null, "{\"refreshToken\":\"" + refresh + "\"}");
        assertEquals(401, reused.status());
        assertEquals("REFRESH_TOKEN_INVALID", reused.errorCode());

        Api.Answer bad = api.post("/auth/wechat-login", null, "{\"code\":\"invalid-123\"}");
        assertEquals(401, bad.status());
        assertEquals("INVALID_LOGIN_CODE", bad.errorCode());
        wechat.failNext("/sns/jscode2session", -1);
        assertEquals(502, api.post("/auth/wechat-login", null, "{\"code\":\"any-1\"}").status());
    }
}
