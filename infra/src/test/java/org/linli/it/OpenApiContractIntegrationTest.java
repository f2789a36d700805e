package org.linli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linli.kpi.CaseFacts;
import org.linli.local.LocalCloud;
import org.linli.tools.OpenKeys;

/**
 * Contract tests: real requests to the local cloud, every answer checked against docs/openapi.yaml
 * - its status must be one the operation declares, and its body must conform to the declared
 * schema for that status and media type. Every route of the document is called at least once.
 */
class OpenApiContractIntegrationTest {
    private static LocalCloud cloud;
    private static Api api;
    private static final Set<String> CALLED = new TreeSet<>();
    private static final List<String> FAILURES = new ArrayList<>();

    @BeforeAll
    static void start() {
        cloud = LinliCloud.get();
        api = new Api(cloud.baseUrl());
    }

    @AfterAll
    static void coverage() {
        System.out.println("contract: " + CALLED.size() + " routes called");
    }

    /** Calls {@code path} (which {@code routeKey} serves) and checks the answer against the document. */
    private static Api.Answer check(String routeKey, String path, String token, String body, Map<String, String> headers) {
        String method = routeKey.substring(0, routeKey.indexOf(' '));
        Api.Answer a = api.call(method, path, token, body, headers);
        CALLED.add(routeKey);
        String type = a.header("Content-Type") == null ? "" : a.header("Content-Type").split(";")[0].trim();
        JsonNode schema = OpenApi.responseSchema(routeKey, a.status(), type);
        if (schema == null) {
            FAILURES.add(routeKey + " " + path + ": " + a.status() + " " + type + " is not declared (" + a.body() + ")");
            return a;
        }
        if (type.equals("application/json")) {
            var messages = OpenApi.validate(schema, a.json());
            if (!messages.isEmpty()) FAILURES.add(routeKey + " " + path + " " + a.status() + ": " + messages + " in " + a.body());
        }
        return a;
    }

    private static Api.Answer get(String routeKey, String path, String token) {
        return check(routeKey, path, token, null, Map.of());
    }

    private static Api.Answer post(String routeKey, String path, String token, String json) {
        return check(routeKey, path, token, json, Map.of("Content-Type", "application/json", "Idempotency-Key", UUID.randomUUID().toString()));
    }

    @Test
    void everyRouteAnswersAsDocumented() {
        String resident = api.login("resident");
        String worker = api.login("worker-DEMO-W1-G3");
        String dispatcher = api.login("dispatcher-DEMO-W1");
        String street = api.login("street-DEMO-W");
        String district = api.login("district");
        String admin = api.login("admin");
        String volunteer = api.login("volunteer-DEMO-W1-1");
        String police = api.login("dept-DEMO-PS-W");
        String month = CaseFacts.monthOf(LinliCloud.now()).toString();

        // auth
        Api.Answer login = post("POST /auth/wechat-login", "/auth/wechat-login", null, "{\"code\":\"contract-code\"}");
        post("POST /auth/refresh", "/auth/refresh", null, "{\"refreshToken\":\"" + login.json().path("refreshToken").asText() + "\"}");
        get("GET /me", "/me", resident);
        post("POST /auth/wechat-login", "/auth/wechat-login", null, "{}");
        post("POST /auth/refresh", "/auth/refresh", null, "{\"refreshToken\":\"rt_spent\"}");

        // user administration (issue 7): grant, read with its history, revoke; refused to others and for unknown users
        String promoted = api.get("/me", login.json().path("accessToken").asText()).json().path("userId").asText();
        post("POST /admin/users/{userId}/grants", "/admin/users/" + promoted + "/grants", admin,
                "{\"role\":\"GRID_WORKER\",\"nodes\":[\"DEMO-W1-G2\"],\"reason\":\"契约测试\"}");
        get("GET /admin/users/{userId}", "/admin/users/" + promoted, admin);
        get("GET /admin/users", "/admin/users?role=GRID_WORKER&node=DEMO-W1-G2&limit=20", admin);
        post("POST /admin/users/{userId}/revocations", "/admin/users/" + promoted + "/revocations", admin,
                "{\"role\":\"GRID_WORKER\",\"reason\":\"契约测试\"}");
        post("POST /admin/users/{userId}/grants", "/admin/users/" + promoted + "/grants", admin, "{\"role\":\"MAYOR\"}");
        String leaver = post("POST /auth/wechat-login", "/auth/wechat-login", null, "{\"code\":\"contract-leaver-" + UUID.randomUUID() + "\"}")
                .json().path("user").path("userId").asText();
        post("POST /admin/users/{userId}/disable", "/admin/users/" + leaver + "/disable", admin, "{\"reason\":\"契约测试\"}");
        post("POST /admin/users/{userId}/grants", "/admin/users/" + promoted + "/grants", resident,
                "{\"role\":\"ADMIN\",\"reason\":\"x\"}");
        get("GET /admin/users/{userId}", "/admin/users/usr_00000000000000000000000000", admin);

        // photos: a grant, the photo's state, a refused grant
        Api.Answer grant = post("POST /uploads", "/uploads", resident, "{\"purpose\":\"REPORT\",\"contentType\":\"image/png\",\"size\":4096}");
        get("GET /uploads/{photoKey}", "/uploads/" + grant.json().path("photoKey").asText(), resident);
        get("GET /uploads/{photoKey}", "/uploads/" + Photos.validated(cloud, org.linli.tools.DemoTerritory.userId("resident")), resident);
        get("GET /uploads/{photoKey}", "/uploads/pho_00000000000000000000000000", resident);
        post("POST /uploads", "/uploads", resident, "{\"purpose\":\"REPORT\",\"contentType\":\"application/pdf\",\"size\":0}");

        // reports and cases
        Api.Answer report = post("POST /reports", "/reports", resident, """
                {"category":"sanitation","description":"契约测试：垃圾未清运","location":{"lat":37.8521,"lng":113.5667,"datum":"GCJ02"},
                 "contact":{"name":"王芳","phone":"13812341234"}}""");
        String reportId = report.json().path("reportId").asText();
        get("GET /me/reports", "/me/reports", resident);
        String caseId = Eventually.await(Duration.ofSeconds(20), () -> get("GET /reports/{reportId}", "/reports/" + reportId, resident).json(),
                j -> j.path("case").path("caseId").isTextual(), "the report's case").path("case").path("caseId").asText();
        String assignee = get("GET /cases/{caseId}", "/cases/" + caseId, dispatcher).json().path("assignee").path("userId").asText();
        assertNotNull(assignee);
        get("GET /cases/{caseId}/audit", "/cases/" + caseId + "/audit", dispatcher);
        post("POST /cases/{caseId}/actions/{action}", "/cases/" + caseId + "/actions/add-note", dispatcher, "{\"note\":\"已联系\"}");
        post("POST /cases/{caseId}/actions/{action}", "/cases/" + caseId + "/actions/resolve", resident, "{\"result\":\"x\"}");
        get("GET /cases/{caseId}", "/cases/case_00000000000000000000000000", dispatcher);

        // privacy (issue 13, PIPL): a recorded reveal, the case's reveals, the access log, erasures
        post("POST /cases/{caseId}/contact-reveals", "/cases/" + caseId + "/contact-reveals", dispatcher,
                "{\"reportId\":\"" + reportId + "\",\"reason\":\"电话回访\"}");
        post("POST /cases/{caseId}/contact-reveals", "/cases/" + caseId + "/contact-reveals", dispatcher, "{\"reportId\":\"x\"}");
        get("GET /cases/{caseId}/contact-reveals", "/cases/" + caseId + "/contact-reveals", dispatcher);
        get("GET /admin/access-log", "/admin/access-log?subject=report:" + reportId, admin);
        get("GET /admin/access-log", "/admin/access-log", admin);
        Api.Answer quitter = post("POST /auth/wechat-login", "/auth/wechat-login", null, "{\"code\":\"contract-quitter-" + UUID.randomUUID() + "\"}");
        check("DELETE /me", "/me", quitter.json().path("accessToken").asText(), null, Map.of());
        String erasedId = post("POST /auth/wechat-login", "/auth/wechat-login", null, "{\"code\":\"contract-erased-" + UUID.randomUUID() + "\"}")
                .json().path("user").path("userId").asText();
        post("POST /admin/users/{userId}/erasure", "/admin/users/" + erasedId + "/erasure", admin, "{\"reason\":\"契约测试\"}");
        get("GET /admin/users/{userId}", "/admin/users/" + erasedId, admin);
        get("GET /cases", "/cases?status=ASSIGNED,ACCEPTED&limit=5", street);
        post("POST /auth/wechat-web-login", "/auth/wechat-web-login", null, "{\"code\":\"web_street-DEMO-W_7\",\"state\":\"c\"}");
        post("POST /auth/wechat-web-login", "/auth/wechat-web-login", null, "{\"code\":\"web_resident_8\",\"state\":\"c\"}");
        post("POST /auth/wechat-web-login", "/auth/wechat-web-login", null, "{\"code\":\"nope\"}");
        get("GET /cases", "/cases?unit=DEMO-W1&phoneLast4=1234", dispatcher);
        get("GET /cases", "/cases?openedFrom=2026-13-01&phoneLast4=12", street);
        get("GET /me/cases", "/me/cases", worker);
        get("GET /dispatch/{nodeCode}/unassigned", "/dispatch/DEMO-W/unassigned", street);
        get("GET /supervision/{nodeCode}/overdue", "/supervision/DEMO-W/overdue?level=COMMUNITY", street);
        get("GET /departments/{departmentCode}/tasks", "/departments/DEMO-PS-W/tasks", police);
        get("GET /me/notifications", "/me/notifications", resident);
        // Monthly summaries (issue 6): none stored yet for this month in the shared cloud, so a list and a 404.
        get("GET /communities/{code}/summaries", "/communities/DEMO-W1/summaries", dispatcher);
        get("GET /communities/{code}/summaries/{month}", "/communities/DEMO-W1/summaries/2020-01", dispatcher);
        // Territory (issue 3): reads for the mini-program, versions and an import job for staff.
        get("GET /territory/nodes/{code}", "/territory/nodes/DEMO-W1-G1", resident);
        get("GET /territory/nodes/{code}/buildings", "/territory/nodes/DEMO-W1-G1-M1/buildings", resident);
        get("GET /territory/locate", "/territory/locate?lat=37.8481&lng=113.5452&datum=GCJ02", resident);
        get("GET /territory/versions", "/territory/versions", admin);
        get("GET /territory/departments", "/territory/departments", dispatcher);
        String job = post("POST /territory/imports", "/territory/imports", admin, "{\"note\":\"contract\"}").json().path("jobId").asText();
        check("PUT /territory/imports/{jobId}/parts/{partId}", "/territory/imports/" + job + "/parts/territory-0001", admin,
                "{\"type\":\"FeatureCollection\",\"features\":[]}", Map.of("Content-Type", "application/json"));
        get("GET /territory/imports/{jobId}", "/territory/imports/" + job, admin);
        post("POST /territory/imports/{jobId}/commit", "/territory/imports/nope/commit", admin, "{}");
        post("POST /me/notifications/{notificationId}/read", "/me/notifications/ntf_00000000000000000000000000/read", resident, "{}");

        // volunteers, wishes, grading
        post("POST /volunteers", "/volunteers", api.login("resident2"), "{}");
        get("GET /me/volunteer", "/me/volunteer", volunteer);
        get("GET /communities/{code}/volunteers", "/communities/DEMO-W1/volunteers", dispatcher);
        post("POST /volunteers/{memberId}/decision", "/volunteers/usr_00000000000000000000000000/decision", dispatcher, "{}");
        post("POST /volunteers/{memberId}/appraisals", "/volunteers/usr_00000000000000000000000000/appraisals", resident, "{}");
        get("GET /me/points", "/me/points", volunteer);
        post("POST /service-logs", "/service-logs", volunteer, "{}");
        get("GET /me/service-logs", "/me/service-logs", volunteer);
        get("GET /me/received-services", "/me/received-services", resident);
        get("GET /service-logs/{logId}", "/service-logs/log_00000000000000000000000000", volunteer);
        post("POST /service-logs/{logId}/verification", "/service-logs/log_00000000000000000000000000/verification", dispatcher, "{}");
        post("POST /service-logs/{logId}/rating", "/service-logs/log_00000000000000000000000000/rating", resident, "{}");
        get("GET /communities/{code}/service-logs", "/communities/DEMO-W1/service-logs", dispatcher);
        post("POST /wishes", "/wishes", resident, "{}");
        get("GET /wishes/{wishId}", "/wishes/wsh_00000000000000000000000000", resident);
        get("GET /me/wishes", "/me/wishes", resident);
        get("GET /me/claims", "/me/claims", volunteer);
        get("GET /communities/{code}/wishes", "/communities/DEMO-W1/wishes", dispatcher);
        for (String step : List.of("review", "claim", "completion", "confirmation", "release", "reassign")) {
            post("POST /wishes/{wishId}/" + step, "/wishes/wsh_00000000000000000000000000/" + step, dispatcher, "{}");
        }
        get("GET /communities/{code}/feed", "/communities/DEMO-W1/feed", resident);
        post("POST /communities/{code}/assessments", "/communities/{code}/assessments".replace("{code}", "DEMO-W1"), dispatcher, "{}");
        post("POST /communities/{code}/grades/{year}", "/communities/DEMO-W1/grades/2024", dispatcher, "{}");
        get("GET /communities/{code}/grades/{year}", "/communities/DEMO-W1/grades/2024", dispatcher);
        post("POST /communities/{code}/grades/{year}/adjustments", "/communities/DEMO-W1/grades/2024/adjustments", dispatcher, "{}");
        post("POST /communities/{code}/grades/{year}/publish", "/communities/DEMO-W1/grades/2024/publish", dispatcher, "{}");
        get("GET /communities/{code}/leaderboard", "/communities/DEMO-W1/leaderboard", resident);
        get("GET /communities/{code}/stars/{month}", "/communities/DEMO-W1/stars/" + month, resident);

        // KPIs and patrols
        get("GET /kpis/{unit}", "/kpis/DEMO?month=" + month, district);
        get("GET /kpis/{unit}", "/kpis/DEMO-W1?format=csv", district);
        get("GET /kpis/{unit}", "/kpis/DEMO-E1", street);
        get("GET /kpis/{unit}/ranking", "/kpis/DEMO/ranking", district);
        get("GET /kpis/{unit}/ranking", "/kpis/DEMO/ranking?among=departments&format=csv", district);
        get("GET /kpis/{unit}/months", "/kpis/DEMO-W/months", district);
        post("POST /kpis/recompute", "/kpis/recompute", admin, "{\"month\":\"" + month + "\"}");
        post("POST /kpis/recompute", "/kpis/recompute", admin, "{\"month\":\"nope\"}");
        String visitedAt = OffsetDateTime.ofInstant(LinliCloud.now(), ZoneOffset.ofHours(8)).minusMinutes(3).withNano(0).toString();
        Api.Answer patrol = post("POST /patrols", "/patrols", worker, "{\"place\":{\"microGrid\":\"DEMO-W1-G3-M1\"},\"visitedAt\":\""
                + visitedAt + "\",\"findings\":[{\"note\":\"一切正常\"}]}");
        get("GET /patrols/{patrolId}", "/patrols/" + patrol.json().path("patrolId").asText(), worker);
        get("GET /me/patrols", "/me/patrols", worker);

        // 包联 visits (a household of DEMO-W1 bound to the worker, visited; his due list; supervision; the recompute)
        String visitedHousehold = "{\"buildingCode\":\"DEMO-W1-G3-M2-B2\",\"unit\":\"1\",\"room\":\"101\",\"members\":[{\"name\":\"王五\","
                + "\"idNumber\":\"11010519491231002X\"}],\"careCategories\":[\"独居/空巢老人\"]}";
        String visitedPath = "/communities/DEMO-W1/households/" + api.post("/communities/DEMO-W1/households", dispatcher, visitedHousehold)
                .json().path("householdId").asText();
        api.post(visitedPath + "/binding", dispatcher,
                "{\"userId\":\"" + org.linli.tools.DemoTerritory.userId("worker-DEMO-W1-G3") + "\",\"rhythm\":\"MONTHLY\"}");
        get("GET /me/visits-due", "/me/visits-due", worker);
        post("POST /communities/{code}/households/{householdId}/visits", visitedPath + "/visits", worker, "{\"visitedAt\":\"" + visitedAt
                + "\",\"findings\":[{\"note\":\"楼道灯坏了\",\"report\":{\"category\":\"sanitation\"}}]}");
        post("POST /communities/{code}/households/{householdId}/visits", visitedPath + "/visits", worker, "{\"visitedAt\":\"nope\"}");
        get("GET /me/visits-due", "/me/visits-due?all=true", worker);
        get("GET /communities/{code}/visit-supervision", "/communities/DEMO-W1/visit-supervision", dispatcher);
        post("POST /communities/{code}/visit-recompute", "/communities/DEMO-W1/visit-recompute", admin, "{\"month\":\"" + month + "\"}");
        post("POST /communities/{code}/visit-recompute", "/communities/DEMO-W1/visit-recompute", admin, "{\"month\":\"nope\"}");

        // The 12345 hotline: a signed order, the same again (409), a forged one (401), a bad one (400)
        String order = org.linli.tools.HotlineClient.order("CT" + System.nanoTime(), "环境卫生", 37.8470, 113.5790);
        check("POST /hotline/orders", "/hotline/orders", null, order,
                org.linli.tools.HotlineClient.headers(org.linli.tools.LocalSetup.HOTLINE_KEY, order, LinliCloud.now()));
        check("POST /hotline/orders", "/hotline/orders", null, order,
                org.linli.tools.HotlineClient.headers(org.linli.tools.LocalSetup.HOTLINE_KEY, order, LinliCloud.now()));
        check("POST /hotline/orders", "/hotline/orders", null, order,
                org.linli.tools.HotlineClient.headers("forged", order, LinliCloud.now()));
        check("POST /hotline/orders", "/hotline/orders", null, "{\"orderNo\":\"x\"}",
                org.linli.tools.HotlineClient.headers(org.linli.tools.LocalSetup.HOTLINE_KEY, "{\"orderNo\":\"x\"}", LinliCloud.now()));

        // organisations and 议事协商 (a topic of DEMO-W1: no case moves here; ConsultationIntegrationTest moves one)
        Map<String, String> jsonType = Map.of("Content-Type", "application/json");
        Api.Answer unit = post("POST /communities/{code}/organisations", "/communities/DEMO-W1/organisations", dispatcher,
                "{\"kind\":\"SHOP\",\"name\":\"便民超市\",\"contact\":{\"name\":\"孙店主\",\"phone\":\"13822223333\"}}");
        String orgId = unit.json().path("organisationId").asText();
        post("POST /communities/{code}/organisations", "/communities/DEMO-W1/organisations", dispatcher, "{\"kind\":\"NOPE\"}");
        get("GET /communities/{code}/organisations", "/communities/DEMO-W1/organisations", resident);
        get("GET /communities/{code}/organisations", "/communities/DEMO-W1/organisations", dispatcher);
        check("PUT /communities/{code}/organisations/{organisationId}", "/communities/DEMO-W1/organisations/" + orgId, dispatcher,
                "{\"version\":1,\"kind\":\"SHOP\",\"name\":\"便民超市（柳园店）\",\"contact\":{\"name\":\"孙店主\",\"phone\":\"13822223333\"}}", jsonType);
        check("PUT /communities/{code}/organisations/{organisationId}", "/communities/DEMO-W1/organisations/" + orgId, dispatcher,
                "{\"version\":1,\"kind\":\"SHOP\",\"name\":\"x\",\"contact\":{\"name\":\"孙店主\",\"phone\":\"13822223333\"}}", jsonType);
        post("POST /communities/{code}/organisations/{organisationId}/members", "/communities/DEMO-W1/organisations/" + orgId + "/members",
                dispatcher, "{\"memberId\":\"" + org.linli.tools.DemoTerritory.userId("volunteer-DEMO-W1-1") + "\"}");
        String consultationBody = "{\"community\":\"DEMO-W1\",\"topic\":\"停车位规划\",\"place\":\"议事亭\",\"meetingAt\":\"2026-12-20T09:30:00+08:00\","
                + "\"options\":[\"划线\",\"不划线\"],\"participants\":[{\"kind\":\"RESIDENT_REPRESENTATIVE\",\"name\":\"居民代表\"},"
                + "{\"kind\":\"SHOP\"}]}";
        post("POST /consultations", "/consultations", dispatcher, consultationBody);
        Api.Answer csl = post("POST /consultations", "/consultations", dispatcher, consultationBody.replace("{\"kind\":\"SHOP\"}",
                "{\"kind\":\"ORGANISATION\",\"organisationId\":\"" + orgId + "\"}"));
        String cslId = csl.json().path("consultationId").asText();
        get("GET /consultations/{consultationId}", "/consultations/" + cslId, dispatcher);
        get("GET /consultations/{consultationId}", "/consultations/csl_00000000000000000000000000", dispatcher);
        post("POST /consultations/{consultationId}/attendance", "/consultations/" + cslId + "/attendance", dispatcher, "{\"present\":[\"p1\"]}");
        post("POST /consultations/{consultationId}/notices", "/consultations/" + cslId + "/notices", dispatcher, "{}");
        post("POST /consultations/{consultationId}/attendance", "/consultations/" + cslId + "/attendance", dispatcher, "{\"present\":[\"p1\",\"p2\"]}");
        post("POST /consultations/{consultationId}/decision", "/consultations/" + cslId + "/decision", dispatcher,
                "{\"chosen\":1,\"votes\":[2,0],\"summary\":\"划线\"}");
        Api.Answer other = post("POST /consultations", "/consultations", dispatcher, consultationBody.replace("{\"kind\":\"SHOP\"}",
                "{\"kind\":\"STAFF\",\"name\":\"社区主任\"}"));
        post("POST /consultations/{consultationId}/cancellation", "/consultations/" + other.json().path("consultationId").asText()
                + "/cancellation", dispatcher, "{\"reason\":\"改期\"}");
        get("GET /communities/{code}/consultations", "/communities/DEMO-W1/consultations", dispatcher);
        get("GET /communities/{code}/decisions", "/communities/DEMO-W1/decisions", resident);

        // households and care registers (docs/registers.md): a household, its 包联 binding, the worker's list, a ledger's dry run, the export
        String household = "{\"buildingCode\":\"DEMO-W1-G3-M1-B1\",\"unit\":\"1\",\"room\":\"101\","
                + "\"members\":[{\"name\":\"孙七\",\"idNumber\":\"11010519491231002X\",\"phone\":\"13912345678\"}],"
                + "\"careCategories\":[\"VETERAN\"]}";
        Api.Answer hh = post("POST /communities/{code}/households", "/communities/DEMO-W1/households", dispatcher, household);
        post("POST /communities/{code}/households", "/communities/DEMO-W1/households", dispatcher, "{\"buildingCode\":\"NOPE\"}");
        String hhId = hh.json().path("householdId").asText();
        get("GET /communities/{code}/households", "/communities/DEMO-W1/households", dispatcher);
        get("GET /communities/{code}/households", "/communities/DEMO-W1/households", resident);
        get("GET /communities/{code}/households/{householdId}", "/communities/DEMO-W1/households/" + hhId, dispatcher);
        post("POST /communities/{code}/households/{householdId}/binding", "/communities/DEMO-W1/households/" + hhId + "/binding",
                dispatcher, "{\"userId\":\"" + org.linli.tools.DemoTerritory.userId("worker-DEMO-W1-G3") + "\"}");
        get("GET /me/households", "/me/households", worker);
        Api.Answer ledger = post("POST /communities/{code}/household-imports", "/communities/DEMO-W1/household-imports", dispatcher,
                "{\"csv\":\"户号,楼栋,单元,房号,姓名,身份证号\\nOA1,DEMO-W1-G3-M1-B1,1,102,周八,11010519491231002X\\n\",\"dryRun\":true}");
        post("POST /communities/{code}/household-imports", "/communities/DEMO-W1/household-imports", dispatcher, "{}");
        if (ledger.header("Location") != null) {
            get("GET /communities/{code}/household-imports/{jobId}", ledger.header("Location"), dispatcher);
        }
        get("GET /communities/{code}/household-imports/{jobId}", "/communities/DEMO-W1/household-imports/imp_00000000000000000000000000", dispatcher);
        get("GET /communities/{code}/household-ledger", "/communities/DEMO-W1/household-ledger", dispatcher);

        // Open311
        get("GET /open311/discovery.json", "/open311/discovery.json", null);
        get("GET /open311/discovery.xml", "/open311/discovery.xml", null);
        get("GET /open311/v2/services.json", "/open311/v2/services.json", null);
        get("GET /open311/v2/services.xml", "/open311/v2/services.xml", null);
        get("GET /open311/v2/services/{serviceCode}", "/open311/v2/services/noise.json", null);
        get("GET /open311/v2/services/{serviceCode}", "/open311/v2/services/nope.json", null);
        Map<String, String> form = Map.of("Content-Type", "application/x-www-form-urlencoded");
        Api.Answer created = check("POST /open311/v2/requests.json", "/open311/v2/requests.json", null,
                "api_key=" + OpenKeys.DEMO_KEY + "&service_code=leak&address_id=DEMO-W1-G3-M2-B2&description=%E6%BC%8F%E6%B0%B4", form);
        check("POST /open311/v2/requests.xml", "/open311/v2/requests.xml", null, "service_code=leak", form);
        check("POST /open311/v2/requests.json", "/open311/v2/requests.json", null, "api_key=" + OpenKeys.DEMO_KEY, form);
        get("GET /open311/v2/requests.json", "/open311/v2/requests.json", null);
        get("GET /open311/v2/requests.xml", "/open311/v2/requests.xml?status=open", null);
        get("GET /open311/v2/requests.json", "/open311/v2/requests.json?status=bogus", null);
        get("GET /open311/v2/requests/{requestId}", "/open311/v2/requests/" + caseId + ".json", null);
        get("GET /open311/v2/requests/{requestId}", "/open311/v2/requests/case_00000000000000000000000000.json", null);
        get("GET /open311/v2/tokens/{token}", "/open311/v2/tokens/" + org.linli.core.Ids.rebrand(created.json().get(0).path("service_request_id").asText(), "rpt") + ".json", null);

        assertEquals(List.of(), FAILURES, "answers that do not conform to docs/openapi.yaml");
        Set<String> notCalled = new TreeSet<>(OpenApi.operations().keySet());
        notCalled.removeAll(CALLED);
        assertEquals(Set.of(), notCalled, "routes the contract test does not call");
        assertTrue(CALLED.size() >= 64);
    }
}
