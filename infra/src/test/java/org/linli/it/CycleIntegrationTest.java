package org.linli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linli.adapters.sqs.NotificationMessage;
import org.linli.core.Ids;
import org.linli.core.Times;
import org.linli.json.Json;
import org.linli.local.LocalCloud;
import org.linli.local.schedule.Scheduler;
import org.linli.notify.Notification;
import org.linli.tools.DemoTerritory;
import org.linli.tools.FakeWeChatServer;
import org.linli.tools.bench.CallCounter;
import org.linli.volunteer.membership.Community;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The monthly cycle on the real template: schedules fired as of a date (their scheduled time),
 * the dispatch through the dispatch queue, delivery through the notification queue into the
 * inbox and the fake WeChat server.
 */
class CycleIntegrationTest {
    private static final Duration DRAIN = Duration.ofSeconds(60);
    private static LocalCloud cloud;
    private static FakeWeChatServer wechat;
    private static CycleWatch watch;

    @BeforeAll
    static void start() {
        cloud = LinliCloud.get();
        wechat = LinliCloud.setup().wechat();
        watch = new CycleWatch(cloud);
    }

    private static Scheduler.Firing fire(String event, String at) {
        Scheduler.Firing f = cloud.fireSchedule("CycleFunction." + event, Instant.parse(at));
        assertTrue(f.succeeded(), f.output());
        return f;
    }

    private static String openId(String handle) {
        return "o-demo-" + handle;
    }

    @Test
    void aCycleStepFiredTwiceRemindsEachPersonOnce_inTheInboxAndInWeChat() {
        String cycle = "DEMO:2026-11:service-day";
        Scheduler.Firing first = fire("ServiceDay", "2026-12-03T01:00:00Z"); // 09:00 on 3 December in Shanghai
        fire("ServiceDay", "2026-12-03T01:00:00Z"); // again, while the first is still being dispatched
        assertEquals(List.of(cycle), textList(Json.parse(first.output()).path("cycles")));
        watch.awaitQuiet(DRAIN);
        fire("ServiceDay", "2026-12-03T01:00:00Z"); // and once more when all is done
        watch.awaitQuiet(DRAIN);

        List<Community> communities = watch.communities("DEMO");
        assertTrue(communities.size() >= 4, communities.toString());
        int members = 0;
        for (Community c : communities) {
            var checkpoint = watch.checkpoint(cycle, c.code()).orElseThrow(() -> new AssertionError("no checkpoint for " + c.code()));
            assertEquals("true", String.valueOf(checkpoint.get("done").bool()), c.code());
            for (String member : watch.approvedMembers(c.code())) {
                members++;
                // A member who also placed a wish (other suites make such people in the shared cloud) gets the
                // residents' notice too: what is counted is the member's reminder, once.
                List<Map<String, AttributeValue>> items = watch.notifications(member, cycle).stream()
                        .filter(i -> "cycle.service_day".equals(CycleWatch.s(i, "kind"))).toList();
                assertEquals(1, items.size(), member + " in " + c.code() + ": " + watch.notifications(member, cycle));
            }
        }
        assertTrue(members >= 2 * communities.size());
        for (String handle : List.of("volunteer-DEMO-W1-2", "volunteer-DEMO-E1-1", "volunteer-DEMO-W2-2")) {
            Map<String, AttributeValue> item = watch.notifications(DemoTerritory.userId(handle), cycle).get(0);
            List<FakeWeChatServer.Call> pushes = CycleWatch.pushesOf(wechat, openId(handle), CycleWatch.s(item, "notificationId"));
            assertEquals(1, pushes.size(), handle + ": " + pushes);
            assertEquals(0, pushes.get(0).errcode());
            assertEquals("LINLI_TMPL_SERVICE_DAY", pushes.get(0).body().path("template_id").asText());
            assertEquals("2026年12月5日", pushes.get(0).body().path("data").path("date2").path("value").asText());
            assertEquals("SENT", CycleWatch.s(item, "wx"));
        }
    }

    private static List<String> textList(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void aRefusedSubscriberGetsTheInboxItem_WeChatIsAskedOnce_andThatTemplateIsSkippedNextMonth() {
        String handle = "volunteer-DEMO-W1-1";
        String user = DemoTerritory.userId(handle);
        wechat.refuseSubscriptions(openId(handle));
        try {
            fire("Contact", "2027-01-01T01:00:00Z");
            watch.awaitQuiet(DRAIN);
            Map<String, AttributeValue> jan = single(user, "DEMO:2027-01:contact");
            assertEquals("REFUSED", CycleWatch.s(jan, "wx"));
            assertEquals("43101", CycleWatch.s(jan, "wxDetail"));
            List<FakeWeChatServer.Call> asked = CycleWatch.pushesOf(wechat, openId(handle), CycleWatch.s(jan, "notificationId"));
            assertEquals(1, asked.size(), "refused: not retried");
            assertEquals(43101, asked.get(0).errcode());
            var profile = cloud.dynamo().getItem(b -> b.tableName(cloud.tableName("UsersTable")).key(Map.of(
                    "pk", AttributeValue.fromS("USER#" + user), "sk", AttributeValue.fromS("PROFILE")))).item();
            assertTrue(profile.containsKey("wxRefused:LINLI_TMPL_TASK_REMINDER"), profile.keySet().toString());

            int callsBefore = wechat.subscribeCalls(openId(handle)).size();
            fire("Contact", "2027-02-01T01:00:00Z");
            watch.awaitQuiet(DRAIN);
            Map<String, AttributeValue> feb = single(user, "DEMO:2027-02:contact");
            assertEquals("REFUSED", CycleWatch.s(feb, "wx"));
            assertEquals("opted out", CycleWatch.s(feb, "wxDetail"));
            assertEquals(callsBefore, wechat.subscribeCalls(openId(handle)).size(), "the refusal is remembered: WeChat not asked");
        } finally {
            wechat.acceptSubscriptions(openId(handle));
        }
    }

    @Test
    void aRateLimitedPushIsRetriedThroughTheQueueAndDeliveredLater() {
        String handle = "volunteer-DEMO-W1-2";
        String user = DemoTerritory.userId(handle);
        wechat.failNextFor(openId(handle), 45011);
        fire("Contact", "2027-03-01T01:00:00Z");
        watch.awaitQuiet(DRAIN);
        Map<String, AttributeValue> item = single(user, "DEMO:2027-03:contact");
        List<FakeWeChatServer.Call> pushes = CycleWatch.pushesOf(wechat, openId(handle), CycleWatch.s(item, "notificationId"));
        assertEquals(List.of(45011, 0), pushes.stream().map(FakeWeChatServer.Call::errcode).toList());
        assertEquals("SENT", CycleWatch.s(item, "wx"));
        assertEquals("2", CycleWatch.s(item, "wxAttempts"));
        // The others of that batch were held back too (WeChat is limiting us), and delivered later as well.
        for (String other : watch.approvedMembers("DEMO-W1")) {
            assertEquals(1, watch.notifications(other, "DEMO:2027-03:contact").size(), other);
        }
    }

    @Test
    void theMonthlySummaryIsStoredOnceOnItsDate_toldToTheStaff_andReadableByThemOnly() {
        Api api = new Api(cloud.baseUrl());
        String resident = api.login("resident");
        String staff = api.login("dispatcher-DEMO-W1");
        // This month's activity in 柳园社区 (DEMO-W1): a wish placed and approved, a report that becomes a case.
        String wantedBy = Times.api(LinliCloud.now().plus(Duration.ofDays(2)));
        var wish = api.post("/wishes", resident, """
                {"community":"DEMO-W1","title":"帮忙换灯泡","detail":"楼道灯坏了","wantedBy":"%s","place":"柳园小区3号楼",
                 "contact":{"name":"王芳","phone":"13812341234"}}""".formatted(wantedBy));
        assertEquals(201, wish.status(), wish.body());
        var review = api.post("/wishes/" + wish.json().path("wishId").asText() + "/review", staff, "{\"decision\":\"APPROVE\"}");
        assertEquals(200, review.status(), review.body());
        var report = api.call("POST", "/reports", resident, """
                {"category":"sanitation","description":"楼道堆放杂物","location":{"lat":37.8481,"lng":113.5452,"datum":"GCJ02"},
                 "contact":{"name":"王芳","phone":"13812341234"}}""",
                Map.of("Content-Type", "application/json", "Idempotency-Key", "cycle-summary-" + LinliCloud.now().toEpochMilli()));
        assertEquals(202, report.status(), report.body());
        Eventually.await(Duration.ofSeconds(10), () -> api.get("/reports/" + report.json().path("reportId").asText(), resident).json(),
                r -> r.path("case").path("caseId").isTextual(), "the report's case");

        YearMonth month = YearMonth.from(LinliCloud.now().atZone(Times.CHINA));
        String at = month.plusMonths(1).atDay(15).atTime(2, 0).atZone(Times.CHINA).toInstant().toString();
        String cycle = "DEMO:" + month + ":summarize";
        fire("Summarize", at);
        watch.awaitQuiet(DRAIN);
        var summary = api.get("/communities/DEMO-W1/summaries/" + month, staff);
        assertEquals(200, summary.status(), summary.body());
        JsonNode s = summary.json();
        assertTrue(s.path("requests").path("collected").asInt() >= 1, s.toString());
        assertTrue(s.path("requests").path("classified").asInt() >= 1, s.toString());
        assertTrue(s.path("cases").path("received").asInt() >= 1, s.toString());
        assertTrue(s.path("volunteers").has("active"), s.toString());
        String computedAt = s.path("computedAt").asText();

        Map<String, AttributeValue> told = single(DemoTerritory.userId("dispatcher-DEMO-W1"), cycle);
        assertEquals("cycle.summary", CycleWatch.s(told, "kind"));
        assertEquals(s.path("requests").path("collected").asText(), told.get("values").m().get("collected").s());
        assertTrue(CycleWatch.s(told, "body").contains("收集" + s.path("requests").path("collected").asInt() + "件"),
                CycleWatch.s(told, "body"));

        fire("Summarize", at); // a re-fired schedule neither recomputes nor tells again
        watch.awaitQuiet(DRAIN);
        assertEquals(computedAt, api.get("/communities/DEMO-W1/summaries/" + month, staff).json().path("computedAt").asText());
        var list = api.get("/communities/DEMO-W1/summaries", staff);
        assertEquals(month.toString(), list.json().path("items").get(0).path("month").asText(), list.body());

        assertEquals(403, api.get("/communities/DEMO-W1/summaries/" + month, resident).status(), "residents are not staff");
        assertEquals(403, api.get("/communities/DEMO-W1/summaries/" + month, api.login("dispatcher-DEMO-E1")).status(),
                "another community's staff");
        assertEquals(404, api.get("/communities/DEMO-W1/summaries/2020-01", staff).status());
        assertFalse(watch.checkpoint(cycle, "DEMO-W1").isEmpty());
    }

    @Test
    void deliveringABatchOfTenCostsOneBatchReadAndTwoWritesEach_andARedeliveryNoWrite() {
        List<String> handles = List.of("volunteer-DEMO-W1-2", "volunteer-DEMO-W2-1", "volunteer-DEMO-W2-2", "volunteer-DEMO-E1-1",
                "volunteer-DEMO-E1-2", "volunteer-DEMO-E2-1", "volunteer-DEMO-E2-2", "resident", "resident2", "dispatcher-DEMO-W1");
        String cycle = "DEMO:2099-01:evaluate";
        List<Notification> batch = new ArrayList<>();
        for (String h : handles) {
            String user = DemoTerritory.userId(h);
            batch.add(new Notification(Ids.derived("ntf", cycle, h), user, "cycle.evaluate", "请评价志愿服务", "请于2099年1月10日前确认并评价。",
                    null, null, null, null, cycle, "DEMO-W1", Map.of("deadline", "2099-01-10", "month", "2099-01"),
                    Instant.parse("2099-01-07T16:00:00Z"), null));
        }
        String event = sqsEvent(batch);
        var first = CallCounter.INSTANCE.count(() -> assertNoFailures(cloud.invoke("NotificationFunction", event)));
        assertEquals(1, first.of("DynamoDb.BatchGetItem"), first.toString());
        assertEquals(10, first.of("DynamoDb.PutItem"), "the notification and its push claim, one conditional put each");
        assertEquals(10, first.of("DynamoDb.UpdateItem"), "the push settled");
        assertEquals(21, first.service("DynamoDb"), first.toString());
        assertEquals(0, first.service("Sqs"), first.toString());
        var again = CallCounter.INSTANCE.count(() -> assertNoFailures(cloud.invoke("NotificationFunction", event)));
        assertEquals(11, again.service("DynamoDb"), "a redelivery: the batch read and ten puts that find each notification settled");
        assertEquals(0, again.dynamoWrites() - again.of("DynamoDb.PutItem"));
        for (int i = 0; i < handles.size(); i++) {
            List<FakeWeChatServer.Call> pushes = CycleWatch.pushesOf(wechat, openId(handles.get(i)), batch.get(i).id());
            assertEquals(1, pushes.size(), handles.get(i) + " pushed once: " + pushes);
        }
        System.out.printf("delivery of 10 (push kinds): %s; redelivered: %s%n", first, again);
    }

    private static void assertNoFailures(String response) {
        assertEquals(0, Json.parse(response).path("batchItemFailures").size(), response);
    }

    private static String sqsEvent(List<Notification> batch) {
        var records = Json.array();
        for (Notification n : batch) {
            records.addObject().put("messageId", "m-" + n.id()).put("receiptHandle", "h-" + n.id())
                    .put("body", NotificationMessage.encode(n)).put("eventSource", "aws:sqs")
                    .put("eventSourceARN", cloud.queueArn("NotificationQueue")).putObject("attributes").put("ApproximateReceiveCount", "1");
        }
        var e = Json.object();
        e.set("Records", records);
        return Json.write(e);
    }

    private static Map<String, AttributeValue> single(String user, String cycle) {
        List<Map<String, AttributeValue>> items = watch.notifications(user, cycle);
        assertEquals(1, items.size(), user + " " + cycle + ": " + items);
        return items.get(0);
    }
}
