package org.linli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linli.adapters.dynamo.users.DynamoUserStore;
import org.linli.adapters.dynamo.volunteer.DynamoMemberStore;
import org.linli.adapters.sqs.DispatchMessage;
import org.linli.cycle.DispatchWork;
import org.linli.identity.Role;
import org.linli.identity.UserAccount;
import org.linli.json.Json;
import org.linli.local.LocalCloud;
import org.linli.local.TemplateLocator;
import org.linli.local.TestClouds;
import org.linli.tools.FakeWeChatServer;
import org.linli.tools.LocalSetup;
import org.linli.volunteer.membership.Community;
import org.linli.volunteer.membership.Membership;
import org.linli.volunteer.membership.MembershipStatus;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The cycle's failure paths, on a local cloud of its own (the shared one keeps the real settings):
 * every dispatch invocation cut off after one page (DISPATCH_RESERVE_MS just under the 300 s
 * timeout) and carried on through the dispatch queue; a dispatch replayed from scratch after
 * everything was sent; a poison notification through the DLQ to its alarm. Its template is the
 * real one except the notification queue's visibility timeout (2 s) and receive count (3), so
 * that a poison message reaches the DLQ in seconds rather than the real 8 x 180 s; the real
 * redrive is checked in CycleTemplateTest.
 */
class CycleEdgeIntegrationTest {
    private static final String BIG = "DEMO-E1";
    private static final int EXTRA_MEMBERS = 40;
    private static final int PAGE = 7;
    private static LocalCloud cloud;
    private static LocalSetup setup;
    private static CycleWatch watch;
    private static Path template;

    @BeforeAll
    static void start() throws IOException {
        LinliCloud.get(); // first: the shared cloud's functions build the process-wide SDK clients
        String real = Files.readString(TemplateLocator.find(), StandardCharsets.UTF_8);
        String edge = real.replace("VisibilityTimeout: 180           # 6 x NotificationFunction's 30 s timeout", "VisibilityTimeout: 2")
                .replace("maxReceiveCount: 8             # throttled", "maxReceiveCount: 3             # throttled");
        assertTrue(!edge.equals(real) && edge.contains("VisibilityTimeout: 2") && edge.contains("maxReceiveCount: 3 "));
        template = Files.createTempFile("linli-cycle-edge", ".yaml");
        Files.writeString(template, edge, StandardCharsets.UTF_8);
        setup = new LocalSetup();
        cloud = LocalCloud.builder().template(template).backend(TestClouds.backend()).region(TestClouds.region())
                .stackName("linli-edge").clock(LinliCloud.CLOCK).port(0).seed(true).quiet(true).customizer(setup)
                .env("DispatchFunction", "DISPATCH_PAGE_SIZE", String.valueOf(PAGE))
                .env("DispatchFunction", "DISPATCH_RESERVE_MS", "299990") // of 300 000: out of time after every page
                .env("NotificationFunction", "WECHAT_RETRY_BASE_SECONDS", "1")
                .start();
        watch = new CycleWatch(cloud);
        var users = new DynamoUserStore(cloud.dynamo(), cloud.tableName("UsersTable"));
        var members = new DynamoMemberStore(cloud.dynamo(), cloud.tableName("VolunteerTable"));
        Community big = watch.communities("DEMO").stream().filter(c -> c.code().equals(BIG)).findFirst().orElseThrow();
        Instant now = LinliCloud.now();
        for (int i = 0; i < EXTRA_MEMBERS; i++) {
            String id = org.linli.core.Ids.derived("usr", "edge", String.valueOf(i));
            users.save(new UserAccount(id, "o-edge-" + i, null, "党员" + i, EnumSet.of(Role.RESIDENT, Role.VOLUNTEER), Set.of(), now));
            Membership m = new Membership(id, big, "党员" + i, "13700002222", List.of(), null, "第一党支部", MembershipStatus.PENDING, now,
                    null, null, null, 0, 0);
            members.register(m);
            members.decide(m.decided(MembershipStatus.APPROVED, "usr_fixture", null, now));
        }
    }

    @AfterAll
    static void stop() throws IOException {
        if (cloud != null) cloud.close();
        if (template != null) Files.deleteIfExists(template);
    }

    private static long dispatchInvocations() {
        return cloud.eventSources().stream().filter(s -> s.event().functionLogicalId().equals("DispatchFunction"))
                .mapToLong(s -> s.stats().batches()).sum();
    }

    private static Map<String, String> openIds() {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < EXTRA_MEMBERS; i++) m.put(org.linli.core.Ids.derived("usr", "edge", String.valueOf(i)), "o-edge-" + i);
        return m;
    }

    @Test
    void aDispatchCutOffAfterEveryPageCarriesOnWithoutGapsOrDuplicates_andAReplayFromScratchDeliversNothingTwice() {
        String cycle = "DEMO:2027-04:contact";
        long before = dispatchInvocations();
        var f = cloud.fireSchedule("CycleFunction.Contact", Instant.parse("2027-04-01T01:00:00Z"));
        assertTrue(f.succeeded(), f.output());
        watch.awaitQuiet(Duration.ofSeconds(90));

        FakeWeChatServer wechat = setup.wechat();
        List<String> bigMembers = watch.approvedMembers(BIG);
        assertEquals(EXTRA_MEMBERS + 2, bigMembers.size());
        long pages = 0;
        for (Community c : watch.communities("DEMO")) {
            Map<String, AttributeValue> cp = watch.checkpoint(cycle, c.code()).orElseThrow();
            assertTrue(cp.get("done").bool(), c.code());
            pages += Long.parseLong(CycleWatch.s(cp, "pages"));
            for (String member : watch.approvedMembers(c.code())) assertEquals(1, watch.notifications(member, cycle).size(), member);
        }
        long bigPages = Long.parseLong(CycleWatch.s(watch.checkpoint(cycle, BIG).orElseThrow(), "pages"));
        assertTrue(bigPages >= (EXTRA_MEMBERS + 2 + PAGE - 1) / PAGE, "pages of " + PAGE + ": " + bigPages);
        assertEquals(pages, dispatchInvocations() - before, "each invocation did one page, then handed over");
        Map<String, String> openIds = openIds();
        openIds.forEach((user, openId) -> {
            String id = CycleWatch.s(watch.notifications(user, cycle).get(0), "notificationId");
            assertEquals(List.of(0), CycleWatch.pushesOf(wechat, openId, id).stream().map(FakeWeChatServer.Call::errcode).toList(), user);
        });

        // The worst cut-off: everything was sent, but the invocation died before its first checkpoint.
        // The message comes back and the whole community is sent again, with the same notification ids.
        int callsBefore = wechat.calls(FakeWeChatServer.SUBSCRIBE_SEND).size();
        cloud.dynamo().deleteItem(b -> b.tableName(cloud.tableName("CycleTable")).key(Map.of(
                "pk", AttributeValue.fromS("CYCLE#" + cycle), "sk", AttributeValue.fromS("COMMUNITY#" + BIG))));
        JsonNode planned = Json.parse(f.output());
        DispatchWork replay = new DispatchWork(cycle, "DEMO", BIG, "contact", java.time.YearMonth.of(2027, 4),
                java.time.LocalDate.parse("2027-04-01"), null, null, List.of("cycle.contact"));
        assertEquals(cycle, planned.path("cycles").get(0).asText());
        cloud.sqs().sendMessage(b -> b.queueUrl(cloud.queueUrl("DispatchQueue")).messageBody(DispatchMessage.encode(replay)));
        CycleWatch.sleep(500);
        watch.awaitQuiet(Duration.ofSeconds(90));
        assertTrue(watch.checkpoint(cycle, BIG).orElseThrow().get("done").bool());
        for (String member : bigMembers) assertEquals(1, watch.notifications(member, cycle).size(), member);
        assertEquals(callsBefore, wechat.calls(FakeWeChatServer.SUBSCRIBE_SEND).size(), "no push sent twice");
    }

    @Test
    void aPoisonNotificationEndsInTheDeadLetterQueue_andItsAlarmSaysSo() {
        cloud.sqs().sendMessage(b -> b.queueUrl(cloud.queueUrl("NotificationQueue")).messageBody("{\"type\":\"notification\",\"v\":1}"));
        Api api = new Api(cloud.baseUrl());
        JsonNode queues = Eventually.await(Duration.ofSeconds(40), () -> api.get("/_local/queues", null).json(),
                q -> depth(q, "NotificationDLQ") == 1, "the poison message in NotificationDLQ");
        JsonNode alarm = null;
        for (JsonNode a : queues.path("alarms")) if (a.path("logicalId").asText().equals("NotificationDLQDepthAlarm")) alarm = a;
        assertEquals("ALARM", alarm.path("state").asText(), alarm.toString());
        assertEquals("NotificationDLQ", alarm.path("queue").asText());
        assertEquals(1, alarm.path("value").asInt());
        for (JsonNode a : queues.path("alarms")) {
            if (!a.path("logicalId").asText().equals("NotificationDLQDepthAlarm")) assertEquals("OK", a.path("state").asText(), a.toString());
        }
        long stuck = cloud.eventSources().stream().filter(s -> s.event().functionLogicalId().equals("NotificationFunction"))
                .mapToLong(s -> s.stats().failed()).sum();
        assertTrue(stuck >= 3, "reported as failed on each of its 3 receives: " + stuck);
    }

    private static long depth(JsonNode queues, String logicalId) {
        for (JsonNode q : queues.path("queues")) {
            if (q.path("logicalId").asText().equals(logicalId)) return q.path("approximateNumberOfMessages").asLong();
        }
        throw new AssertionError("no queue " + logicalId);
    }
}
