package org.linli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.linli.core.Times;
import org.linli.local.LocalCloud;
import org.linli.local.lambda.LocalLog;
import org.linli.tools.FakeWeChatServer;
import org.linli.tools.OpenKeys;

/**
 * No personal information in any log line: a full scenario through the local gateway - WeChat
 * login and refresh, a report with a contact and an address, its assignment, handling, feedback
 * and the reporter's verdict, a micro-wish with a contact claimed and completed by a volunteer, a
 * volunteer registration, an Open311 request, refusals carrying a phone in the wrong place, and a
 * failing WeChat - while every line written to stdout and stderr is captured: the functions' log,
 * the local cloud's own lines and the gateway's request log (switched on for the scenario). Then
 * every line is searched for the scenario's phone numbers (as sent, masked, digits only), names,
 * addresses, exact coordinates, openids, unionid, session key and tokens.
 */
class LogCaptureIntegrationTest {
    private static final String REPORT_PHONE = "13987654321";
    private static final String WISH_PHONE = "13700009876";
    private static final String VOLUNTEER_PHONE = "15811112222";
    private static final String OPEN311_PHONE = "13655554444";
    private static final String REPORTER_NAME = "欧阳娜娜";
    private static final String WISH_NAME = "司马光明";
    private static final String VOLUNTEER_NAME = "诸葛亮亮";
    private static final String OPEN311_NAME = "Wang Fangfang";
    private static final String ORG_CONTACT = "上官建国";
    private static final String ORG_PHONE = "13566667777";
    private static final String PARTICIPANT = "慕容雪梅";
    private static final String REPORT_ADDRESS = "柳园小区7号楼2单元301室";
    private static final String WISH_ADDRESS = "杏花小区12号楼3单元502室";
    private static final String LAT = "37.852137";
    private static final String HOUSEHOLD_NAME = "上官婉儿";
    private static final String LEDGER_NAME = "慕容复明";
    private static final String HOUSEHOLD_PHONE = "13566667777";
    private static final String LNG = "113.566712";

    @Test
    void aFullScenarioWritesNoPersonalInformationToAnyLogLine() {
        LocalCloud cloud = LinliCloud.get();
        Api api = new Api(cloud.baseUrl());
        String run = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String code = "logcap_" + run;
        String unionCode = "union_logcap" + run + "_1";
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("openid", FakeWeChatServer.openIdFor(code));
        secrets.put("unionid", FakeWeChatServer.unionIdFor(unionCode));
        secrets.put("union openid", FakeWeChatServer.openIdFor(unionCode));
        secrets.put("session key", "local-session-key");
        for (String phone : List.of(REPORT_PHONE, WISH_PHONE, VOLUNTEER_PHONE, OPEN311_PHONE, ORG_PHONE)) {
            secrets.put("phone " + phone, phone);
            secrets.put("masked phone " + phone, phone.substring(0, 3) + "****" + phone.substring(7));
            secrets.put("spaced phone " + phone, phone.substring(0, 3) + " " + phone.substring(3, 7) + " " + phone.substring(7));
        }
        for (String name : List.of(REPORTER_NAME, WISH_NAME, VOLUNTEER_NAME, OPEN311_NAME, "Fangfang", ORG_CONTACT, PARTICIPANT)) {
            secrets.put("name " + name, name);
        }
        for (String a : List.of(REPORT_ADDRESS, WISH_ADDRESS, "7号楼2单元301", "12号楼3单元502")) secrets.put("address " + a, a);
        // Registers (issue 18): ID numbers, names and phones of a household and a ledger, and every care category.
        String householdId = Ledgers.id(run.hashCode() & 0x3ff, 7001);
        String ledgerId = Ledgers.id(run.hashCode() & 0x3ff, 7002);
        String badId = ledgerId.substring(0, 17) + (ledgerId.charAt(17) == '1' ? '2' : '1');
        for (String id : List.of(householdId, ledgerId, badId)) {
            secrets.put("ID number " + id, id);
            secrets.put("ID number digits " + id, id.substring(6, 14) + id.substring(14, 17));
        }
        for (String name : List.of(HOUSEHOLD_NAME, LEDGER_NAME)) secrets.put("name " + name, name);
        secrets.put("phone " + HOUSEHOLD_PHONE, HOUSEHOLD_PHONE);
        for (String care : List.of("独居", "空巢老人", "残疾", "低保", "特困", "留守儿童", "退役军人", "ELDERLY_ALONE", "LEFT_BEHIND_CHILD",
                "SUBSISTENCE", "VETERAN")) {
            secrets.put("care category " + care, care);
        }
        secrets.put("latitude", LAT);
        secrets.put("longitude", LNG);

        Capture capture = Capture.start();
        List<String> steps = new ArrayList<>();
        try {
            // Login, refresh, a second app's login with a unionid; a WeChat outage (502).
            JsonNode login = expect(steps, 200, api.post("/auth/wechat-login", null, "{\"code\":\"" + code + "\"}")).json();
            String token = login.path("accessToken").asText();
            String refresh = login.path("refreshToken").asText();
            JsonNode refreshed = expect(steps, 200, api.post("/auth/refresh", null, "{\"refreshToken\":\"" + refresh + "\"}")).json();
            expect(steps, 200, api.post("/auth/wechat-login", null, "{\"code\":\"" + unionCode + "\"}"));
            expect(steps, 502, api.post("/auth/wechat-login", null, "{\"code\":\"busy_" + run + "\"}"));
            secrets.put("access token", token);
            secrets.put("refresh token", refresh);
            secrets.put("refreshed access token", refreshed.path("accessToken").asText());
            secrets.put("second refresh token", refreshed.path("refreshToken").asText());
            token = refreshed.path("accessToken").asText();
            expect(steps, 200, api.get("/me", token));

            // A report with contact and address, assigned, handled, fed back and judged by its reporter.
            String reportId = expect(steps, 202, api.post("/reports", token, "{\"category\":\"sanitation\",\"description\":\"" + REPORT_ADDRESS
                    + "门口垃圾三天没人清运，请联系" + REPORT_PHONE + "\",\"location\":{\"lat\":" + LAT + ",\"lng\":" + LNG
                    + ",\"datum\":\"GCJ02\"},\"contact\":{\"name\":\"" + REPORTER_NAME + "\",\"phone\":\"" + REPORT_PHONE + "\"}}"))
                    .json().path("reportId").asText();
            String reporterToken = token;
            String caseId = Eventually.await(Duration.ofSeconds(30), () -> api.get("/reports/" + reportId, reporterToken).json(),
                    j -> j.path("case").path("caseId").isTextual(), "the report's case").path("case").path("caseId").asText();
            String dispatcher = api.login("dispatcher-DEMO-W1");
            String assignee = Eventually.await(Duration.ofSeconds(30), () -> api.get("/cases/" + caseId, dispatcher).json(),
                    j -> j.path("assignee").path("userId").isTextual(), "an assignee").path("assignee").path("userId").asText();
            String worker = api.login(assignee);
            expect(steps, 200, api.get("/cases/" + caseId, worker));
            for (String[] step : new String[][] {{"accept", "{}"}, {"start", "{}"},
                    {"add-note", "{\"note\":\"已联系" + REPORTER_NAME + "（" + REPORT_PHONE + "），" + REPORT_ADDRESS + "\"}"},
                    {"resolve", "{\"result\":\"已清运\"}"}, {"feed-back", "{}"}}) {
                expect(steps, 200, act(api, caseId, step[0], step[1], worker));
            }
            expect(steps, 200, act(api, caseId, "verdict", "{\"verdict\":\"SATISFIED\",\"comment\":\"谢谢，" + REPORTER_NAME + "\"}", token));
            expect(steps, 200, api.get("/cases/" + caseId + "/audit", dispatcher));
            // Staff elsewhere see it masked or not at all; the reporter reads it whole.
            api.get("/reports/" + reportId, api.login("street-DEMO-E"));
            expect(steps, 200, api.get("/reports/" + reportId, token));

            // A wish with contact and address: reviewed, claimed, completed, confirmed.
            String wantedBy = Times.api(LinliCloud.now().plus(Duration.ofDays(2)));
            String wishId = expect(steps, 201, api.post("/wishes", token, "{\"community\":\"DEMO-W1\",\"title\":\"帮忙买菜\",\"detail\":\"腿脚不便，"
                    + "电话" + WISH_PHONE + "\",\"wantedBy\":\"" + wantedBy + "\",\"place\":\"" + WISH_ADDRESS + "\",\"contact\":{\"name\":\""
                    + WISH_NAME + "\",\"phone\":\"" + WISH_PHONE + "\"}}")).json().path("wishId").asText();
            expect(steps, 200, api.post("/wishes/" + wishId + "/review", dispatcher, "{\"decision\":\"APPROVE\"}"));
            String volunteer = api.login("volunteer-DEMO-W1-1");
            expect(steps, 200, api.get("/communities/DEMO-W1/feed", volunteer));
            expect(steps, 200, api.post("/wishes/" + wishId + "/claim", volunteer, "{}"));
            expect(steps, 200, api.get("/wishes/" + wishId, volunteer));
            expect(steps, 200, api.post("/wishes/" + wishId + "/completion", volunteer, "{\"evidencePhotoKeys\":" + Photos.keys(cloud, org.linli.tools.DemoTerritory.userId("volunteer-DEMO-W1-1")) + "}"));
            expect(steps, 200, api.post("/wishes/" + wishId + "/confirmation", token, "{\"score\":5}"));

            // A volunteer registration with name and phone, read back by the community's staff.
            String newcomer = expect(steps, 200, api.post("/auth/wechat-login", null, "{\"code\":\"logcap_vol_" + run + "\"}"))
                    .json().path("accessToken").asText();
            secrets.put("newcomer token", newcomer);
            secrets.put("newcomer openid", FakeWeChatServer.openIdFor("logcap_vol_" + run));
            expect(steps, 201, api.post("/volunteers", newcomer, "{\"community\":\"DEMO-W1\",\"name\":\"" + VOLUNTEER_NAME + "\",\"phone\":\""
                    + VOLUNTEER_PHONE + "\",\"partyOrganisation\":\"第一党支部\"}"));
            expect(steps, 200, api.get("/communities/DEMO-W1/volunteers", dispatcher));

            // Open311: a request with the reporter's name, phone and e-mail.
            expect(steps, 200, api.call("POST", "/open311/v2/requests.json", null, "api_key=" + OpenKeys.DEMO_KEY
                    + "&service_code=leak&lat=37.8481&long=113.5452&description=" + url(WISH_ADDRESS + "漏水") + "&first_name=Fangfang"
                    + "&last_name=Wang&phone=" + OPEN311_PHONE + "&email=fangfang%40example.com", Map.of("Content-Type",
                    "application/x-www-form-urlencoded")));
            secrets.put("email", "fangfang@example.com");

            // An organisation's contact person (issue 18): registered, listed whole to staff and masked to a resident; a
            // consultation naming a participant, with his phone in the topic and his words in the minutes, decided.
            String orgId = expect(steps, 201, api.post("/communities/DEMO-W1/organisations", dispatcher, "{\"kind\":\"PROPERTY_MANAGER\","
                    + "\"name\":\"柳园物业\",\"contact\":{\"name\":\"" + ORG_CONTACT + "\",\"phone\":\"" + ORG_PHONE + "\"}}"))
                    .json().path("organisationId").asText();
            expect(steps, 200, api.get("/communities/DEMO-W1/organisations", dispatcher));
            expect(steps, 200, api.get("/communities/DEMO-W1/organisations", volunteer));
            String csl = expect(steps, 201, api.post("/consultations", dispatcher, "{\"community\":\"DEMO-W1\",\"topic\":\"" + PARTICIPANT
                    + "（" + ORG_PHONE + "）反映的停车问题\",\"place\":\"议事厅\",\"meetingAt\":\"" + wantedBy + "\",\"options\":[\"划线\",\"不划线\"],"
                    + "\"participants\":[{\"kind\":\"RESIDENT_REPRESENTATIVE\",\"name\":\"" + PARTICIPANT + "\",\"userId\":\""
                    + org.linli.tools.DemoTerritory.userId("resident2") + "\"},{\"kind\":\"PROPERTY_MANAGER\",\"organisationId\":\"" + orgId
                    + "\"}]}")).json().path("consultationId").asText();
            expect(steps, 200, api.post("/consultations/" + csl + "/notices", dispatcher, "{}"));
            expect(steps, 200, api.post("/consultations/" + csl + "/attendance", dispatcher, "{\"present\":[\"p1\",\"p2\"]}"));
            expect(steps, 200, api.post("/consultations/" + csl + "/decision", dispatcher, "{\"chosen\":1,\"votes\":[2,0],\"summary\":\"划线，"
                    + PARTICIPANT + "监督\",\"minutes\":\"" + PARTICIPANT + "：" + ORG_PHONE + "\"}"));
            expect(steps, 200, api.get("/communities/DEMO-W1/decisions", volunteer));

            // Refusals that carry a phone where it does not belong: body, query, path, an Open311 field.
            expect(steps, 400, api.post("/reports", token, "{\"category\":\"" + REPORT_PHONE + "\",\"description\":\"x\",\"location\":"
                    + "{\"buildingCode\":\"" + REPORT_PHONE + "\"},\"contact\":{\"phone\":\"" + REPORT_PHONE + "0\"}}"));
            expect(steps, 400, api.post("/reports", token, "{\"contact\":{\"name\":\"" + REPORTER_NAME + "\",\"phone\":\"" + REPORT_PHONE
                    + "\"},\"zz" + REPORT_PHONE + "\":1}"));
            expect(steps, 400, api.post("/reports", token, "{\"contact\":{\"phone\":\"" + REPORT_PHONE + "\"" + "}"));
            expect(steps, 400, api.get("/territory/locate?lat=" + REPORT_PHONE + "&lng=" + url(REPORTER_NAME) + "&datum=GCJ02", token));
            expect(steps, 404, api.get("/wishes/" + REPORT_PHONE, token));
            api.call("POST", "/open311/v2/requests.json", null, "api_key=" + OpenKeys.DEMO_KEY + "&service_code=" + OPEN311_PHONE
                    + "&phone=" + url(OPEN311_NAME), Map.of("Content-Type", "application/x-www-form-urlencoded"));
            // A forged token naming the reporter's phone as its subject.
            expect(steps, 401, api.get("/me", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMzk4NzY1NDMyMSJ9.c2ln"));

            // Registers (issue 18): a household with its ID number and care categories, a ledger with a bad row (dry run and
            // import), a binding, whole and masked reads, a refusal naming an ID number, the export, the access log.
            String keeper = api.login("dispatcher-DEMO-W1");
            String hh = expect(steps, 201, api.post("/communities/DEMO-W1/households", keeper, "{\"buildingCode\":\"DEMO-W1-G1-M2-B1\","
                    + "\"unit\":\"3\",\"room\":\"502\",\"members\":[{\"name\":\"" + HOUSEHOLD_NAME + "\",\"idNumber\":\"" + householdId
                    + "\",\"phone\":\"" + HOUSEHOLD_PHONE + "\"}],\"careCategories\":[\"独居/空巢老人\",\"残疾\",\"退役军人\"]}")).json()
                    .path("householdId").asText();
            expect(steps, 400, api.post("/communities/DEMO-W1/households", keeper, "{\"buildingCode\":\"DEMO-W1-G1-M2-B1\",\"members\":"
                    + "[{\"name\":\"" + HOUSEHOLD_NAME + "\",\"idNumber\":\"" + badId + "\"}],\"careCategories\":[\"留守儿童\"]}"));
            String ledger = Ledgers.HEADER + "L" + run + ",柳园小区3号楼,1,101," + LEDGER_NAME + "," + ledgerId + ",13566668888,户主,低保;留守儿童\n"
                    + "M" + run + ",柳园小区3号楼,1,102," + LEDGER_NAME + "," + badId + ",,户主,特困\n";
            for (boolean dry : List.of(true, false)) {
                String location = expect(steps, 202, api.post("/communities/DEMO-W1/household-imports", keeper,
                        org.linli.json.Json.write(org.linli.json.Json.object().put("csv", ledger).put("dryRun", dry)))).header("Location");
                Eventually.await(Duration.ofSeconds(30), () -> api.get(location, keeper).json(),
                        j -> j.path("state").asText().equals("PUBLISHED"), "the ledger import");
            }
            String hhWorker = api.login("worker-DEMO-W1-G1");
            expect(steps, 200, api.post("/communities/DEMO-W1/households/" + hh + "/binding", keeper,
                    "{\"userId\":\"" + org.linli.tools.DemoTerritory.userId("worker-DEMO-W1-G1") + "\"}"));
            expect(steps, 200, api.get("/me/households", hhWorker));
            expect(steps, 200, api.get("/communities/DEMO-W1/households/" + hh, hhWorker));
            expect(steps, 200, api.get("/communities/DEMO-W1/households/" + hh, api.login("street-DEMO-W")));
            expect(steps, 200, api.get("/communities/DEMO-W1/households?limit=50", keeper));
            expect(steps, 200, api.get("/communities/DEMO-W1/household-ledger", keeper));
            // 包联 visits: the bound worker logs one, his due list, the supervision list, the recompute.
            expect(steps, 201, api.post("/communities/DEMO-W1/households/" + hh + "/visits", hhWorker, "{\"visitedAt\":\""
                    + java.time.OffsetDateTime.ofInstant(cloud.clock().instant(), java.time.ZoneOffset.ofHours(8)).minusMinutes(2).withNano(0)
                    + "\",\"note\":\"走访\"}"));
            expect(steps, 200, api.get("/me/visits-due?all=true", hhWorker));
            expect(steps, 200, api.get("/communities/DEMO-W1/visit-supervision", keeper));
            expect(steps, 200, api.post("/communities/DEMO-W1/visit-recompute", api.login("admin"), "{\"month\":\""
                    + org.linli.kpi.CaseFacts.monthOf(cloud.clock().instant()) + "\"}"));

            // PIPL (issue 13): the access log read by an administrator, then the reporter erases his account and
            // an administrator erases the newcomer's; the erasures run to the end while the logs are captured.
            String admin = api.login("admin");
            expect(steps, 200, api.get("/admin/access-log?subject=report:" + reportId, admin));
            expect(steps, 200, api.get("/admin/access-log?viewer=" + assignee, admin));
            expect(steps, 202, api.call("DELETE", "/me", token, null, Map.of()));
            expect(steps, 202, api.call("DELETE", "/me", token, null, Map.of()));
            String newcomerId = api.get("/me", newcomer).json().path("userId").asText();
            expect(steps, 202, api.post("/admin/users/" + newcomerId + "/erasure", admin, "{\"reason\":\"本人来电申请删除，" + VOLUNTEER_NAME
                    + "\"}"));
            String reporterId = api.get("/reports/" + reportId, dispatcher).json().path("reportId").asText();
            for (String who : List.of(login.path("user").path("userId").asText(), newcomerId)) {
                Eventually.await(Duration.ofSeconds(30), () -> api.get("/admin/users/" + who, admin).json(),
                        j -> j.path("erasure").path("state").asText().equals("DONE"), "the erasure of " + reporterId);
            }
            System.out.println("logcapture: scenario done");
        } finally {
            capture.stop();
        }

        List<String> lines = capture.lines();
        System.out.println("log capture: " + lines.size() + " lines captured over " + steps.size() + " checked steps");
        // The functions log one JSON object per line (observability.Log): this is the request log of POST /reports.
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("{") && l.contains("\"message\":\"api.request\"")
                        && l.contains("\"routeKey\":\"POST /reports\"") && l.contains("\"status\":202")),
                "the functions' log was captured");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("[local] POST /reports -> 202")), "the gateway's request log was captured");
        assertTrue(lines.contains("logcapture: scenario done"), "stdout was captured");
        List<String> hits = new ArrayList<>();
        for (String line : lines) {
            for (var s : secrets.entrySet()) {
                if (s.getValue() != null && !s.getValue().isEmpty() && line.contains(s.getValue())) {
                    hits.add(s.getKey() + " in: " + (line.length() > 300 ? line.substring(0, 300) + "..." : line));
                }
            }
        }
        System.out.println("log capture: searched " + lines.size() + " lines for " + secrets.size() + " values: " + hits.size() + " hits");
        assertEquals(List.of(), hits, "personal information or credentials in the logs");
    }

    private static Api.Answer act(Api api, String caseId, String action, String body, String token) {
        return api.call("POST", "/cases/" + caseId + "/actions/" + action, token, body, Map.of("Content-Type", "application/json",
                "Idempotency-Key", "logcap-" + UUID.randomUUID()));
    }

    private static Api.Answer expect(List<String> steps, int status, Api.Answer a) {
        assertEquals(status, a.status(), a.body());
        steps.add(String.valueOf(status));
        return a;
    }

    private static String url(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /**
     * Every byte written to System.out and System.err while it runs (still passed through), with
     * the gateway's per-request lines switched on.
     */
    static final class Capture {
        private final PrintStream out = System.out;
        private final PrintStream err = System.err;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        static Capture start() {
            Capture c = new Capture();
            System.setOut(new PrintStream(c.tee(c.out), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(c.tee(c.err), true, StandardCharsets.UTF_8));
            LocalLog.setQuiet(false);
            return c;
        }

        private OutputStream tee(PrintStream target) {
            return new OutputStream() {
                @Override
                public void write(int b) {
                    synchronized (bytes) {
                        bytes.write(b);
                    }
                    target.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    synchronized (bytes) {
                        bytes.write(b, off, len);
                    }
                    target.write(b, off, len);
                }
            };
        }

        void stop() {
            // Background work of the scenario (assignment, events, notifications) logs a moment later.
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            LocalLog.setQuiet(true);
            System.setOut(out);
            System.setErr(err);
        }

        List<String> lines() {
            synchronized (bytes) {
                return List.of(bytes.toString(StandardCharsets.UTF_8).split("\\R"));
            }
        }
    }
}
