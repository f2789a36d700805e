package org.linli.it;

import org.linli.tools.bench.CallCounter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linli.json.Json;
import org.linli.local.LocalCloud;
import org.linli.tools.DemoTerritory;

/**
 * The closed loop against the real template on DynamoDB Local and ElasticMQ: every action's AWS
 * calls counted (one write request, one send), two staff acting at once, the escalation chain
 * fired through the sweep schedule, a dissatisfied verdict sending a case back, the audit trail.
 * Each scenario uses its own place in 桃源社区 (DEMO-W2), away from the other tests' reports.
 */
class CaseWorkflowIntegrationTest {
    private static LocalCloud cloud;
    private static Cases cases;
    private static Api api;
    /** Calls per action, printed at the end for docs/workflow.md. */
    private static final Map<String, Map<String, Integer>> BUDGET = new TreeMap<>();

    @BeforeAll
    static void start() {
        cloud = LinliCloud.get();
        cases = new Cases(cloud);
        api = new Api(cloud.baseUrl());
    }

    @AfterAll
    static void print() {
        BUDGET.forEach((action, calls) -> System.out.println("budget: " + action + " " + calls));
    }

    /** Acts, counting calls: exactly one DynamoDB write request and one SQS send, whatever the action. */
    private static JsonNode counted(String caseId, String action, String body, Cases.Who who) {
        Cases.Answer[] answer = new Cases.Answer[1];
        var calls = CallCounter.INSTANCE.count(() -> answer[0] = cases.act(caseId, action, body, who));
        assertEquals(200, answer[0].status(), action + " → " + answer[0].body());
        assertEquals(1, calls.dynamoWrites(), action + " " + calls);
        assertEquals(1, calls.of("Sqs.SendMessage"), action + " " + calls);
        BUDGET.put(action, calls.byOperation());
        return answer[0].body();
    }

    @Test
    void everyActionCostsOneWriteRequestAndOneSend() {
        Cases.Who worker = Cases.worker("DEMO-W2-G1");
        String id = cases.open("dispute", 37.8600, 113.5430, "resident");
        assertEquals("ASSIGNED", cases.get(id, worker).body().path("status").asText());
        counted(id, "accept", "{}", worker);
        counted(id, "start", "{}", worker);
        counted(id, "add-note", "{\"note\":\"已上门调解\",\"photoKeys\":" + Photos.keys(cloud, worker.userId()) + "}", worker);
        counted(id, "resolve", "{\"result\":\"双方达成协议\"}", worker);
        counted(id, "feed-back", "{}", worker);
        JsonNode rework = counted(id, "verdict", "{\"verdict\":\"DISSATISFIED\",\"comment\":\"协议没有执行\"}", Cases.RESIDENT);
        assertEquals("REWORK", rework.path("status").asText());
        assertEquals(1, rework.path("reworkCount").asInt());
        JsonNode up = counted(id, "escalate", "{\"reason\":\"需要司法所介入\"}", worker);
        assertEquals("STREET", up.path("tier").asText());
        assertEquals("DEMO-W", up.path("queueNode").asText());
        counted(id, "summon", "{\"departments\":[\"DEMO-SF-W\"]}", Cases.STREET_W);
        counted(id, "check-in", "{}", Cases.department("DEMO-SF-W"));
        JsonNode resolved = counted(id, "complete-task", "{\"result\":\"人民调解协议已履行\"}", Cases.department("DEMO-SF-W"));
        assertEquals("RESOLVED", resolved.path("status").asText());
        counted(id, "return", "{\"reason\":\"缺少现场照片\"}", Cases.STREET_W);
        counted(id, "redispatch", "{\"assignee\":{\"userId\":\"" + DemoTerritory.userId("worker-DEMO-W2-G1") + "\"}}", Cases.STREET_W);
        cases.act(id, "accept", "{}", worker);
        cases.act(id, "resolve", "{\"result\":\"补充照片\",\"photoKeys\":" + Photos.keys(cloud, worker.userId()) + "}", worker);
        cases.act(id, "feed-back", "{}", worker);
        counted(id, "callback", "{\"outcome\":\"UNREACHABLE\",\"note\":\"电话未接\"}", Cases.STREET_W);
        counted(id, "close", "{\"note\":\"多次回访未接通，结案\"}", Cases.STREET_W);
        JsonNode reopened = counted(id, "reopen", "{\"reason\":\"又吵起来了\"}", Cases.RESIDENT);
        assertEquals("REWORK", reopened.path("status").asText());

        // Queue actions on hard matters (the street's queue).
        String a = cases.open("illegal_construction", 37.8620, 113.5440, "resident");
        String b = cases.open("illegal_construction", 37.8640, 113.5460, "resident2");
        String c = cases.open("illegal_construction", 37.8660, 113.5480, "resident2");
        counted(a, "dispatch", "{\"assignee\":{\"userId\":\"" + DemoTerritory.userId("worker-DEMO-W2-G1") + "\",\"name\":\"网格员\"}}",
                Cases.STREET_W);
        counted(b, "merge", "{\"into\":\"" + a + "\"}", Cases.STREET_W);
        assertTrue(cases.get(a, Cases.STREET_W).body().path("followers").asInt() >= 2);
        counted(c, "reject", "{\"reason\":\"属于规划部门审批事项\"}", Cases.STREET_W);

        // A replay reads, re-sends, writes nothing.
        var calls = CallCounter.INSTANCE.count(() -> {
            assertEquals(200, cases.act(a, "add-note", "{\"note\":\"x\"}", Cases.STREET_W, "same-request").status());
            assertEquals(200, cases.act(a, "add-note", "{\"note\":\"x\"}", Cases.STREET_W, "same-request").status());
        });
        assertEquals(1, calls.dynamoWrites(), "two calls with one request id: one write " + calls);
        assertEquals(2, calls.of("Sqs.SendMessage"), "the replay re-sends the event " + calls);
    }

    @Test
    void twoStaffActingAtOnceGetOne200AndOne409() throws Exception {
        Cases.Who district = Cases.DISTRICT;
        for (int round = 0; round < 3; round++) {
            String id = cases.open("illegal_construction", 37.8680 + round * 0.0008, 113.5520, "resident");
            // Both take the case from the street's queue at the same moment; neither sends a version.
            List<Cases.Answer> answers = race(() -> cases.act(id, "accept", "{}", Cases.STREET_W),
                    () -> cases.act(id, "accept", "{}", district));
            List<Integer> statuses = new ArrayList<>(answers.stream().map(Cases.Answer::status).sorted().toList());
            assertEquals(List.of(200, 409), statuses, answers.toString());
            Cases.Answer lost = answers.stream().filter(x -> x.status() == 409).findFirst().orElseThrow();
            assertEquals("ACCEPTED", lost.body().path("error").path("details").path("status").asText(), lost.toString());
            assertEquals(2, lost.body().path("error").path("details").path("version").asInt(), "the fresh state");
        }
        // And two dispatchers dispatching the same version to different people: one wins.
        String id = cases.open("illegal_construction", 37.8700, 113.5560, "resident");
        String to1 = "{\"version\":1,\"assignee\":{\"userId\":\"" + DemoTerritory.userId("worker-DEMO-W2-G2") + "\"}}";
        String to2 = "{\"version\":1,\"assignee\":{\"userId\":\"" + DemoTerritory.userId("backup-DEMO-W2-G2") + "\"}}";
        List<Cases.Answer> answers = race(() -> cases.act(id, "dispatch", to1, Cases.STREET_W), () -> cases.act(id, "dispatch", to2, district));
        assertEquals(List.of(200, 409), answers.stream().map(Cases.Answer::status).sorted().toList(), answers.toString());
        assertEquals("VERSION_CONFLICT", answers.stream().filter(x -> x.status() == 409).findFirst().orElseThrow().error());
    }

    /**
     * Issue 13 defect 5: sixteen copies of one request (the same Idempotency-Key) at once, on every
     * step of the loop: exactly one transition is stored and every copy answers 200 with the same
     * state - a retry never hears 409 (the case and request record are read in one BatchGetItem,
     * which is not a snapshot; a refused transition reads the record again).
     */
    @Test
    void sixteenCopiesOfOneRequestAtOnceAllAnswerTheSameAndStoreOnce() throws Exception {
        Cases.Who worker = Cases.worker("DEMO-W2-G1");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        int requests = 0;
        try {
            for (int n = 0; n < 4; n++) {
                String id = cases.open("dispute", 37.8580 + n * 0.0012, 113.5480, "resident");
                long version = cases.get(id, worker).body().path("version").asLong();
                String[][] steps = {{"accept", "{}"}, {"start", "{}"}, {"resolve", "{\"result\":\"已调解\"}"}, {"feed-back", "{}"},
                        {"verdict", "{\"verdict\":\"SATISFIED\"}"}};
                for (String[] step : steps) {
                    Cases.Who who = step[0].equals("verdict") ? Cases.RESIDENT : worker;
                    String key = java.util.UUID.randomUUID().toString();
                    CountDownLatch go = new CountDownLatch(1);
                    List<java.util.concurrent.Future<Cases.Answer>> copies = new ArrayList<>();
                    for (int i = 0; i < 16; i++) {
                        copies.add(pool.submit(() -> {
                            go.await();
                            return cases.act(id, step[0], step[1], who, key);
                        }));
                    }
                    go.countDown();
                    List<String> states = new ArrayList<>();
                    for (var f : copies) {
                        Cases.Answer a = f.get();
                        requests++;
                        assertEquals(200, a.status(), step[0] + " copy: " + a);
                        states.add(a.body().path("status").asText() + "@" + a.body().path("version").asLong());
                    }
                    version++;
                    assertEquals(1, new java.util.HashSet<>(states).size(), step[0] + ": " + states);
                    assertEquals(version, cases.get(id, worker).body().path("version").asLong(), step[0] + ": one transition stored");
                }
                assertEquals("CLOSED", cases.get(id, worker).body().path("status").asText());
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.println("idempotent copies: " + requests + " requests, all 200");
    }

    @SafeVarargs
    private static List<Cases.Answer> race(java.util.function.Supplier<Cases.Answer>... actions) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Cases.Answer>> futures = new ArrayList<>();
        for (var a : actions) {
            futures.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return a.get();
            }));
        }
        go.countDown();
        List<Cases.Answer> out = new ArrayList<>();
        for (var f : futures) out.add(f.get());
        return out;
    }

    @Test
    void aCaseLeftAloneClimbsCommunityStreetDepartmentDistrictWhenTheSweepRuns() {
        String id = cases.open("sanitation", 37.8620, 113.5650, "resident");
        JsonNode c = cases.get(id, Cases.DISTRICT).body();
        assertEquals("ASSIGNED", c.path("status").asText());
        assertEquals("COMMUNITY", c.path("tier").asText());

        String[][] chain = {{"STREET", "DEMO-W", "street-DEMO-W"}, {"DEPARTMENT", "DEMO-CG", "dept-DEMO-CG"},
                {"DISTRICT", "DEMO", "district"}};
        for (String[] level : chain) {
            cases.backdate(id);
            var firing = cloud.fireSchedule("linli-local-case-sweep");
            assertTrue(firing.succeeded(), firing.toString());
            c = cases.get(id, Cases.DISTRICT).body();
            assertEquals("ESCALATED", c.path("status").asText(), c.toString());
            assertEquals(level[0], c.path("tier").asText());
            assertEquals(level[1], c.path("queueNode").asText());
            // The next level hears of it.
            String token = api.login(level[2]);
            Eventually.await(Duration.ofSeconds(10), () -> api.get("/me/notifications?limit=50", token).json(),
                    j -> j.path("items").findValues("caseId").stream().anyMatch(x -> x.asText().equals(id)),
                    level[2] + " notified of " + id);
        }
        cases.backdate(id);
        assertTrue(cloud.fireSchedule("linli-local-case-sweep").succeeded());
        assertTrue(cases.get(id, Cases.DISTRICT).body().path("overdueFlagged").asBoolean(), "flagged at the top");

        JsonNode audit = api.get("/cases/" + id + "/audit", api.login("district")).json();
        List<String> actions = new ArrayList<>();
        audit.path("items").forEach(e -> actions.add(e.path("action").asText() + ":" + e.path("tier").asText()));
        assertEquals(List.of("open:COMMUNITY", "escalate:STREET", "escalate:DEPARTMENT", "escalate:DISTRICT", "flag-overdue:DISTRICT"),
                actions);
        JsonNode first = audit.path("items").get(1);
        assertEquals("SYSTEM", first.path("actorRole").asText());
        assertTrue(first.path("details").path("reason").asText().startsWith("accept deadline"), first.toString());
        JsonNode overdue = api.get("/supervision/DEMO/overdue?level=DISTRICT", api.login("district")).json();
        assertTrue(overdue.path("items").findValuesAsText("caseId").contains(id), overdue.toString());
    }

    @Test
    void aDissatisfiedVerdictReopensTheCaseForReworkOverHttp() {
        String resident = api.login("resident");
        String worker = api.login("worker-DEMO-W2-G1");
        String body = """
                {"category":"other","description":"小区门口井盖松动","location":{"lat":37.8700,"lng":113.5450,"datum":"GCJ02"},
                 "contact":{"phone":"13812341234"}}""";
        String reportId = api.post("/reports", resident, body).json().path("reportId").asText();
        JsonNode report = Eventually.await(Duration.ofSeconds(10), () -> api.get("/reports/" + reportId, resident).json(),
                j -> "ASSIGNED".equals(j.path("status").asText()), "assigned");
        String caseId = report.path("case").path("caseId").asText();
        for (String[] step : new String[][] {{"accept", "{}"}, {"resolve", "{\"result\":\"已更换井盖\"}"}, {"feed-back", "{}"}}) {
            Api.Answer a = post(caseId, step[0], step[1], worker);
            assertEquals(200, a.status(), a.body());
        }
        JsonNode mine = api.get("/cases/" + caseId, resident).json();
        assertEquals("FED_BACK", mine.path("status").asText());
        assertEquals("已更换井盖", mine.path("result").path("text").asText(), "the reporter sees the result");
        assertEquals(List.of("verdict"), Json.mapper().convertValue(mine.path("allowedActions"), List.class));

        Api.Answer dissatisfied = post(caseId, "verdict", "{\"verdict\":\"DISSATISFIED\",\"comment\":\"还是松的\"}", resident);
        assertEquals(200, dissatisfied.status(), dissatisfied.body());
        assertEquals("REWORK", dissatisfied.json().path("status").asText());
        assertEquals(1, dissatisfied.json().path("reworkCount").asInt());
        Eventually.await(Duration.ofSeconds(10), () -> api.get("/me/notifications", worker).json(),
                j -> j.toString().contains("case.rework") && j.toString().contains(caseId), "the worker is told to redo it");

        Api.Answer again = post(caseId, "verdict", "{\"verdict\":\"SATISFIED\"}", resident);
        assertEquals(409, again.status());
        assertEquals("REWORK", again.json().path("error").path("details").path("status").asText());
    }

    @Test
    void aReportNearAnOpenCaseJoinsItAndOneFartherAwayOpensANewCase() {
        String resident = api.login("resident");
        String neighbour = api.login("resident2");
        String first = report(resident, 37.8650, 113.5580);
        String firstCase = awaitCase(first, resident).path("caseId").asText();
        String second = report(neighbour, 37.8652, 113.5581); // ~24 m
        JsonNode joined = Eventually.await(Duration.ofSeconds(10), () -> api.get("/reports/" + second, neighbour).json(),
                j -> !"RECEIVED".equals(j.path("status").asText()), "joined");
        assertEquals(firstCase, joined.path("case").path("caseId").asText());
        assertTrue(joined.path("joinedExistingCase").asBoolean());
        // The neighbour is a follower: his report embeds the follower's view (docs/workflow.md, Followers);
        // the count of reporters is in the first reporter's view.
        assertTrue(joined.path("case").path("following").asBoolean(), joined.toString());
        assertTrue(joined.path("case").path("assignee").isMissingNode(), "a follower sees no assignee");
        assertEquals(2, api.get("/reports/" + first, resident).json().path("case").path("followers").asInt());
        Eventually.await(Duration.ofSeconds(10), () -> api.get("/me/notifications", neighbour).json(),
                j -> j.toString().contains("case.joined"), "the neighbour is told he joined a case");

        String far = report(neighbour, 37.8650, 113.5620); // ~350 m
        JsonNode own = awaitCase(far, neighbour);
        assertTrue(!own.path("caseId").asText().equals(firstCase));
    }

    private static String report(String token, double lat, double lng) {
        String body = "{\"category\":\"sanitation\",\"description\":\"楼道垃圾堆积\",\"location\":{\"lat\":" + lat + ",\"lng\":" + lng
                + ",\"datum\":\"GCJ02\"},\"contact\":{\"phone\":\"13812341234\"}}";
        return api.post("/reports", token, body).json().path("reportId").asText();
    }

    private static JsonNode awaitCase(String reportId, String token) {
        return Eventually.await(Duration.ofSeconds(10), () -> api.get("/reports/" + reportId, token).json(),
                j -> !"RECEIVED".equals(j.path("status").asText()), reportId).path("case");
    }

    private static Api.Answer post(String caseId, String action, String body, String token) {
        return api.call("POST", "/cases/" + caseId + "/actions/" + action, token, body,
                Map.of("Content-Type", "application/json", "Idempotency-Key", java.util.UUID.randomUUID().toString()));
    }
}
