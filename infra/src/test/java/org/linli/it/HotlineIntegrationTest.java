package org.linli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linli.adapters.dynamo.cases.DynamoReportStore;
import org.linli.local.LocalCloud;
import org.linli.report.Report;
import org.linli.report.Source;
import org.linli.tools.DemoTerritory;
import org.linli.tools.FakeHotlineServer;
import org.linli.tools.HotlineClient;
import org.linli.tools.LocalSetup;

/**
 * The 12345 platform pushing work orders (docs/hotline.md), through the gateway: a signed order
 * becomes a case of source HOTLINE_12345 with the caller as its contact; a forged signature, a
 * stale timestamp and a second delivery of the same order are refused and file nothing.
 */
class HotlineIntegrationTest {
    private static LocalCloud cloud;
    private static Api api;
    private static DynamoReportStore reports;

    @BeforeAll
    static void start() {
        cloud = LinliCloud.get();
        api = new Api(cloud.baseUrl());
        reports = new DynamoReportStore(cloud.dynamo(), cloud.tableName("CasesTable"));
    }

    private static Api.Answer send(String body, String key, Instant at) {
        return api.call("POST", "/hotline/orders", null, body, HotlineClient.headers(key, body, at));
    }

    @Test
    void aSignedOrderBecomesACaseOnceAndForgeriesStaleAndReplayedOrdersAreRefused() {
        String orderNo = "GD" + System.nanoTime();
        String body = HotlineClient.order(orderNo, "城市管理/环境卫生", 37.8470, 113.5790);
        Instant now = LinliCloud.now();

        Api.Answer forged = send(body, "not-the-shared-key", now);
        assertEquals(401, forged.status(), forged.body());
        assertEquals("BAD_SIGNATURE", forged.errorCode());
        Api.Answer stale = send(body, LocalSetup.HOTLINE_KEY, now.minus(Duration.ofMinutes(6)));
        assertEquals(401, stale.status(), stale.body());
        assertEquals("STALE_TIMESTAMP", stale.errorCode());
        Map<String, String> unsigned = Map.of("Content-Type", "application/json");
        assertEquals(401, api.call("POST", "/hotline/orders", null, body, unsigned).status());

        Api.Answer ok = send(body, LocalSetup.HOTLINE_KEY, now);
        assertEquals(202, ok.status(), ok.body());
        String reportId = ok.json().path("reportId").asText();
        String caseId = ok.json().path("caseId").asText();
        Report r = reports.find(reportId).orElseThrow();
        assertEquals(Source.HOTLINE_12345, r.content().source());
        assertEquals("sanitation", r.content().category(), "城市管理/环境卫生 maps on 环境卫生");
        assertEquals("13912345678", r.content().contact().phone(), "the caller's number normalised");
        assertTrue(r.content().description().startsWith("【12345 工单 " + orderNo + "，热线分类：城市管理/环境卫生，交办时限：2026-12-06T18:00:00+08:00】"),
                r.content().description());
        Report placed = Eventually.await(Duration.ofSeconds(20), () -> reports.find(reportId).orElseThrow(),
                x -> x.caseId() != null, "the order placed");
        assertTrue(placed.caseId().startsWith("case_"), placed.caseId());

        // The platform delivers it again (a retry, a replay): refused, naming the case, nothing new.
        Api.Answer again = send(body, LocalSetup.HOTLINE_KEY, now.plusSeconds(30));
        assertEquals(409, again.status(), again.body());
        assertEquals("ORDER_ALREADY_RECEIVED", again.errorCode());
        assertTrue(again.body().contains(caseId), again.body());
    }

    private static Api.Answer act(String caseId, String action, String body, String token) {
        return api.call("POST", "/cases/" + caseId + "/actions/" + action, token, body,
                Map.of("Content-Type", "application/json", "Idempotency-Key", "it-" + System.nanoTime()));
    }

    /**
     * Done when (issue 16): a signed order in → a case, assigned → signed for → handled → fed back →
     * called back with the resident's satisfaction; the fake platform received 受理, 派单, 签收, 办结,
     * 反馈, 回访 and 满意度 of the order, in that order, each once, each signature valid - although
     * the platform refused the first delivery (the outbox retries it and holds the order's later reports).
     */
    @Test
    void aHotlineCaseIsToldBackToThePlatformInOrderSignedAndOnce() throws Exception {
        FakeHotlineServer platform = LinliCloud.setup().hotline();
        String orderNo = "GO" + System.nanoTime();
        Instant due = LinliCloud.now().plus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String body = HotlineClient.order(orderNo, "城市管理/环境卫生", 37.8470, 113.5790)
                .replace("\"2026-12-06T18:00:00+08:00\"", "\"" + org.linli.core.Times.api(due) + "\"");
        platform.failNext(1);
        Api.Answer ok = send(body, LocalSetup.HOTLINE_KEY, LinliCloud.now());
        assertEquals(202, ok.status(), ok.body());
        String caseId = ok.json().path("caseId").asText();

        String district = api.login("district");
        Api.Answer opened = Eventually.await(Duration.ofSeconds(20), () -> api.get("/cases/" + caseId, district),
                a -> a.status() == 200 && "ASSIGNED".equals(a.json().path("status").asText()), "the order's case assigned");
        assertEquals(orderNo, opened.json().path("order").path("orderNo").asText(), opened.body());
        assertEquals(due, java.time.OffsetDateTime.parse(opened.json().path("deadline").asText()).toInstant(),
                "accept within 4 h, but the order is due in 2 h: " + opened.body());
        String grid = opened.json().path("grid").path("code").asText();
        String assignee = opened.json().path("assignee").path("userId").asText();
        String handle = assignee.equals(DemoTerritory.userId("worker-" + grid)) ? "worker-" + grid : "backup-" + grid;
        String worker = api.login(handle);
        String dispatcher = api.login("dispatcher-" + opened.json().path("tierNode").asText());

        for (String[] step : new String[][] {{"accept", "{}"}, {"resolve", "{\"result\":\"杂物已清理，物业电话13912345678\"}"}, {"feed-back", "{}"}}) {
            Api.Answer a = act(caseId, step[0], step[1], worker);
            assertEquals(200, a.status(), step[0] + ": " + a.body());
        }
        Api.Answer callback = act(caseId, "callback", "{\"outcome\":\"SATISFIED\"}", dispatcher);
        assertEquals(200, callback.status(), callback.body());

        List<FakeHotlineServer.Received> got = Eventually.await(Duration.ofSeconds(60), () -> platform.taken(orderNo),
                l -> l.stream().anyMatch(r -> "VERDICT".equals(r.kind())), "the verdict at the platform");
        assertEquals(List.of("ACCEPTED", "ASSIGNED", "SIGNED_FOR", "RESULT", "FED_BACK", "CALLBACK", "VERDICT"),
                got.stream().map(FakeHotlineServer.Received::kind).toList());
        assertTrue(got.stream().allMatch(FakeHotlineServer.Received::signatureValid));
        assertTrue(platform.received().stream().anyMatch(r -> r.status() == 503), "a delivery was refused once (and retried)");
        long last = 0;
        for (FakeHotlineServer.Received r : got) {
            assertEquals(caseId, r.report().path("caseId").asText());
            assertTrue(r.report().path("seq").asLong() >= last, "seq never goes back");
            last = r.report().path("seq").asLong();
        }
        assertEquals("杂物已清理，物业电话139****5678", got.get(3).report().path("result").asText(), "masked as Open311's notes are");
        assertEquals("SATISFIED", got.get(5).report().path("outcome").asText());
        assertEquals("SATISFIED", got.get(6).report().path("satisfaction").asText());
        assertEquals("CLOSED", got.get(6).report().path("status").asText());

        // One report as the outbox holds it, sent again by hand: a signed POST and no AWS call but the key (once per process).
        int duplicatesBefore = platform.duplicates();
        var calls = org.linli.tools.bench.CallCounter.INSTANCE.count(() -> cloud.invoke("HotlineOutboxFunction",
                org.linli.tools.bench.Events.sqs(cloud.queueArn("HotlineOutboxQueue"), "again-" + orderNo, got.get(6).report().toString())));
        assertTrue(calls.byOperation().keySet().stream().allMatch(op -> op.equals("SecretsManager.GetSecretValue")), calls.byOperation().toString());
        assertEquals(duplicatesBefore + 1, platform.duplicates(), "the platform took it once: the same id again is dropped");
        // The case event consumer on an order case's OPEN (assigned at once), first seen: measured under another case id.
        org.linli.cases.CaseEvent open = new org.linli.adapters.dynamo.cases.DynamoCaseStore(cloud.dynamo(), cloud.tableName("CasesTable"))
                .auditEntry(caseId, 1).orElseThrow();
        String fresh = org.linli.adapters.sqs.CaseEventMessage.encode(open).replace(caseId, "case_" + "M".repeat(20) + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase());
        var eventCalls = org.linli.tools.bench.CallCounter.INSTANCE.count(() -> cloud.invoke("CaseEventsFunction",
                org.linli.tools.bench.Events.sqs(cloud.queueArn("CaseEventsQueue"), "measure-" + orderNo, fresh)));
        assertEquals(2, eventCalls.byOperation().getOrDefault("Sqs.SendMessage", 0), "ACCEPTED and ASSIGNED into the outbox: " + eventCalls.byOperation());
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "hotline-outbox-calls.txt"),
                "case event consumer, an order case's OPEN first seen (all subscribers): " + eventCalls.byOperation()
                        + "\noutbox consumer, one report re-sent: " + calls.byOperation() + "\nreceived by the fake platform for " + orderNo + ": "
                        + platform.received().stream().filter(r -> orderNo.equals(r.orderNo())).map(r -> r.kind() + "/" + r.status()).toList() + "\n");
    }

    @Test
    void anOrderWithAnAddressOnlyIsPlacedByItAndABadOrderIsA400() {
        String body = HotlineClient.orderAt("GA" + System.nanoTime(), "路灯损坏", "东城街道枫林社区枫林小区5号楼");
        Api.Answer ok = send(body, LocalSetup.HOTLINE_KEY, LinliCloud.now());
        assertEquals(202, ok.status(), ok.body());
        Report r = reports.find(ok.json().path("reportId").asText()).orElseThrow();
        assertEquals("DEMO-E1-G2-M1-B1", r.content().buildingCode());
        assertEquals("street_lamp", r.content().category());
        assertEquals("(0351) 1234567", r.content().contact().phone());

        String bad = "{\"orderNo\":\"x\",\"category\":\"\",\"content\":\"c\"}";
        Api.Answer refused = send(bad, LocalSetup.HOTLINE_KEY, LinliCloud.now());
        assertEquals(400, refused.status(), refused.body());
        assertTrue(refused.body().contains("orderNo") && refused.body().contains("address"), refused.body());
    }
}
