package org.linli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linli.adapters.dynamo.notifications.DynamoNotificationStore;
import org.linli.adapters.sqs.NotificationMessage;
import org.linli.geo.Datum;
import org.linli.geo.GeoPoint;
import org.linli.hotline.HotlineIntake;
import org.linli.local.LocalCloud;
import org.linli.notify.Notification;
import org.linli.notify.SmsRecipient;
import org.linli.tools.FakeSmsServer;
import org.linli.tools.FakeWeChatServer;
import org.linli.tools.HotlineClient;
import org.linli.tools.LocalSetup;
import org.linli.tools.OpenKeys;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * SMS where WeChat cannot reach (docs/sms.md), through the local gateway and the real queues: a
 * resident whose WeChat subscribe messages answer 43101 and a hotline caller without an account
 * each get exactly one SMS per event - accepted (受理), the result with the request for a verdict
 * (办结待评价), closed - at the fake Tencent Cloud SMS server, which checks every request's TC3
 * signature; a second delivery of every notification message sends nothing more; the eleventh
 * SMS of a day to one phone is capped.
 */
class SmsIntegrationTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static LocalCloud cloud;
    private static Api api;
    private static FakeSmsServer sms;
    private static FakeWeChatServer wechat;
    private static DynamoNotificationStore inbox;

    @BeforeAll
    static void start() {
        cloud = LinliCloud.get();
        api = new Api(cloud.baseUrl());
        sms = LinliCloud.setup().sms();
        wechat = LinliCloud.setup().wechat();
        inbox = new DynamoNotificationStore(cloud.dynamo(), cloud.tableName("NotificationsTable"));
    }

    /** A mobile no other test uses: 17x and nine random digits. */
    private static String freshMobile() {
        return "17" + (1 + ThreadLocalRandom.current().nextInt(9)) + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** A point in 桃源社区's first grid (DEMO-W2-G1), away from other suites' fixed points. */
    private static double[] pointInW2G1() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return new double[] {37.8575 + r.nextDouble() * 0.0125, 113.5410 + r.nextDouble() * 0.0080};
    }

    private static Api.Answer act(String caseId, String action, String body, String token) {
        Api.Answer a = api.call("POST", "/cases/" + caseId + "/actions/" + action, token, body,
                Map.of("Content-Type", "application/json", "Idempotency-Key", UUID.randomUUID().toString()));
        assertEquals(200, a.status(), action + ": " + a.body());
        return a;
    }

    private static List<FakeSmsServer.Message> awaitSms(String phone, int count, String what) {
        return Eventually.await(WAIT, () -> sms.messagesTo(phone), m -> m.size() >= count, what);
    }

    /** The notifications of a case in a recipient's inbox, by kind. */
    private static List<Notification> notices(String userId, String caseId, String kind) {
        return inbox.of(userId, 200, null).items().stream()
                .filter(n -> caseId.equals(n.caseId()) && kind.equals(n.kind())).toList();
    }

    /** Every notification message sent once more, as SQS does when a delivery's result is lost. */
    private static void deliverAgain(List<Notification> notifications) {
        for (Notification n : notifications) {
            cloud.sqs().sendMessage(b -> b.queueUrl(cloud.queueUrl("NotificationQueue")).messageBody(NotificationMessage.encode(n)));
        }
    }

    private static void quietFor(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aResidentWhoRefusedWeChatGetsOneSmsPerEvent_alsoWhenEveryMessageIsDeliveredTwice() {
        String code = "sms_resident_" + UUID.randomUUID();
        JsonNode login = api.wechatLogin(code);
        String resident = login.path("accessToken").asText();
        String residentId = login.path("user").path("userId").asText();
        wechat.refuseSubscriptions(FakeWeChatServer.openIdFor(code)); // every subscribe message to him: 43101
        String phone = freshMobile();
        double[] p = pointInW2G1();
        String body = "{\"category\":\"other\",\"description\":\"楼道灯不亮\",\"location\":{\"lat\":" + p[0] + ",\"lng\":" + p[1]
                + ",\"datum\":\"GCJ02\"},\"contact\":{\"phone\":\"" + phone + "\"}}";
        Api.Answer filed = api.post("/reports", resident, body);
        assertEquals(202, filed.status(), filed.body());
        String reportId = filed.json().path("reportId").asText();
        JsonNode report = Eventually.await(WAIT, () -> api.get("/reports/" + reportId, resident).json(),
                j -> "ASSIGNED".equals(j.path("status").asText()), "the report placed");
        String caseId = report.path("case").path("caseId").asText();
        String worker = api.login("worker-DEMO-W2-G1");

        act(caseId, "accept", "{}", worker);
        List<FakeSmsServer.Message> first = awaitSms(phone, 1, "the SMS of acceptance");
        assertEquals(FakeSmsServer.TEMPLATE_ACCEPTED, first.get(0).templateId());
        assertEquals(List.of(caseId), first.get(0).params());
        assertEquals(FakeSmsServer.SIGN_NAME, first.get(0).signName());
        act(caseId, "resolve", "{\"result\":\"已更换灯泡\"}", worker);
        act(caseId, "feed-back", "{}", worker);
        List<FakeSmsServer.Message> two = awaitSms(phone, 2, "the SMS of the result and verdict request");
        assertEquals(FakeSmsServer.TEMPLATE_FED_BACK, two.get(1).templateId());
        // WeChat was asked once (43101), then the refusal was remembered: the fed-back push never went to WeChat.
        assertEquals(List.of(43101), wechat.subscribeCalls(FakeWeChatServer.openIdFor(code)).stream()
                .map(FakeWeChatServer.Call::errcode).toList());

        // His own verdict closes the case: he is not told of his own act. Then every message again.
        act(caseId, "verdict", "{\"verdict\":\"SATISFIED\"}", resident);
        List<Notification> all = new ArrayList<>(notices(residentId, caseId, "case.accepted"));
        all.addAll(notices(residentId, caseId, "case.fed_back"));
        assertEquals(2, all.size(), all.toString());
        deliverAgain(all);
        deliverAgain(all);
        quietFor(Duration.ofSeconds(3));
        Eventually.await(WAIT, () -> cloud.sqs().getQueueAttributes(b -> b.queueUrl(cloud.queueUrl("NotificationQueue"))
                        .attributeNamesWithStrings("ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible")).attributesAsStrings(),
                a -> "0".equals(a.get("ApproximateNumberOfMessages")) && "0".equals(a.get("ApproximateNumberOfMessagesNotVisible")),
                "the copies consumed");
        List<String> templates = sms.messagesTo(phone).stream().map(FakeSmsServer.Message::templateId).toList();
        assertEquals(List.of(FakeSmsServer.TEMPLATE_ACCEPTED, FakeSmsServer.TEMPLATE_FED_BACK), templates,
                "exactly one SMS per event, however often it was delivered");
        assertTrue(sms.refusals().isEmpty(), "every request was correctly signed: " + sms.refusals());
    }

    @Test
    void aHotlineCallerWithoutAnAccountGetsAcceptedResultAndClosedOnce_andTheEleventhOfADayIsCapped() {
        String phone = freshMobile();
        double[] p = pointInW2G1();
        String order = HotlineClient.order("SMS" + System.nanoTime(), "城市管理/环境卫生", p[0], p[1])
                .replace("+86 139 1234 5678", phone.substring(0, 3) + "-" + phone.substring(3, 7) + "-" + phone.substring(7));
        Api.Answer in = api.call("POST", "/hotline/orders", null, order, HotlineClient.headers(LocalSetup.HOTLINE_KEY, order, LinliCloud.now()));
        assertEquals(202, in.status(), in.body());
        String caseId = in.json().path("caseId").asText();
        String district = api.login("district");
        Eventually.await(WAIT, () -> api.get("/cases/" + caseId, district),
                a -> a.status() == 200 && "ASSIGNED".equals(a.json().path("status").asText()), "the order placed");
        String worker = api.login("worker-DEMO-W2-G1");
        String dispatcher = api.login("dispatcher-DEMO-W2");

        act(caseId, "accept", "{}", worker);
        awaitSms(phone, 1, "the caller told of acceptance");
        act(caseId, "resolve", "{\"result\":\"垃圾已清运\"}", worker);
        act(caseId, "feed-back", "{}", worker);
        awaitSms(phone, 2, "the caller told of the result");
        act(caseId, "callback", "{\"outcome\":\"UNREACHABLE\",\"note\":\"电话未接\"}", dispatcher);
        act(caseId, "close", "{\"note\":\"多次回访未接通，结案\"}", dispatcher);
        List<FakeSmsServer.Message> three = awaitSms(phone, 3, "the caller told of the closing");
        assertEquals(List.of(FakeSmsServer.TEMPLATE_ACCEPTED, FakeSmsServer.TEMPLATE_FED_BACK, FakeSmsServer.TEMPLATE_CLOSED),
                three.stream().map(FakeSmsServer.Message::templateId).toList());

        // Every notification of the case to the hotline's reporter, delivered again: nothing new.
        List<Notification> all = new ArrayList<>();
        for (String kind : List.of("case.accepted", "case.fed_back", "case.closed")) all.addAll(notices(HotlineIntake.REPORTER, caseId, kind));
        assertEquals(3, all.size(), all.toString());
        deliverAgain(all);
        quietFor(Duration.ofSeconds(3));
        assertEquals(3, sms.messagesTo(phone).size(), "one SMS per event");

        // The cap: eight more events of the day to the same phone make eleven; the eleventh is not sent.
        Notification template = all.get(0);
        List<Notification> more = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            more.add(new Notification(template.id() + "x" + i, template.userId(), template.kind(), template.title(), template.caseId(),
                    template.category(), template.caseStatus(), template.eventId() + "x" + i, template.createdAt(), null));
        }
        deliverAgain(more);
        Eventually.await(WAIT, () -> sms.messagesTo(phone), m -> m.size() >= 10, "ten SMS of the day");
        String key = SmsRecipient.of(phone).key();
        List<String> states = Eventually.await(WAIT, () -> more.stream().map(n -> smsState(n.eventId(), key, phone)).toList(),
                s -> !s.contains(null) && !s.contains("SENDING"), "every SMS settled");
        assertEquals(10, sms.messagesTo(phone).size(), "the eleventh SMS of the day to one phone is capped");
        assertEquals(7, states.stream().filter("SENT"::equals).count(), states.toString());
        assertEquals(1, states.stream().filter("CAPPED"::equals).count(), states.toString());
        deliverAgain(more);
        quietFor(Duration.ofSeconds(3));
        assertEquals(10, sms.messagesTo(phone).size());
    }

    /** The SMS record of (event, phone key) - never the number - as the ledger left it. */
    private static String smsState(String eventId, String recipientKey, String phone) {
        var item = cloud.dynamo().getItem(b -> b.tableName(cloud.tableName("NotificationsTable")).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS("SMS#" + eventId), "sk", AttributeValue.fromS("TO#" + recipientKey)))).item();
        if (item == null || item.isEmpty()) return null;
        assertTrue(item.values().stream().noneMatch(v -> v.s() != null && v.s().contains(phone)), "no number in " + item);
        return item.get("sms").s();
    }

    @Test
    void anOpen311ReporterWithAPhoneIsToldOfAcceptanceOnce() {
        String phone = freshMobile();
        double[] p = pointInW2G1();
        GeoPoint w = new GeoPoint(p[0], p[1], Datum.GCJ02).in(Datum.WGS84);
        String form = "api_key=" + OpenKeys.DEMO_KEY + "&service_code=sanitation&lat=" + w.lat() + "&long=" + w.lng()
                + "&description=" + URLEncoder.encode("垃圾桶满溢", StandardCharsets.UTF_8)
                + "&phone=" + URLEncoder.encode("+86 " + phone, StandardCharsets.UTF_8);
        Api.Answer a = api.call("POST", "/open311/v2/requests.json", null, form,
                Map.of("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"));
        assertEquals(200, a.status(), a.body());
        String caseId = a.json().get(0).path("service_request_id").asText();
        String district = api.login("district");
        Eventually.await(WAIT, () -> api.get("/cases/" + caseId, district),
                r -> r.status() == 200 && "ASSIGNED".equals(r.json().path("status").asText()), "the request placed");
        act(caseId, "accept", "{}", api.login("worker-DEMO-W2-G1"));
        List<FakeSmsServer.Message> got = awaitSms(phone, 1, "the Open311 reporter told of acceptance");
        assertEquals(FakeSmsServer.TEMPLATE_ACCEPTED, got.get(0).templateId());
        quietFor(Duration.ofSeconds(2));
        assertEquals(1, sms.messagesTo(phone).size());
    }
}
