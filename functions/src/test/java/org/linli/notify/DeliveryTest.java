package org.linli.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linli.core.ExternalServiceFailed;
import org.linli.core.TooManyRequests;
import org.linli.testing.InMemoryNotifications;
import org.linli.testing.MutableClock;

/** Inbox and WeChat, once per notification, through each of WeChat's answers. */
class DeliveryTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T01:00:00Z"));
    private final InMemoryNotifications store = new InMemoryNotifications();
    private final Users users = new Users();
    private final ScriptedWeChat wechat = new ScriptedWeChat();
    private final PushTemplates templates = PushTemplates.fromClasspath();
    private final Delivery delivery = new Delivery(store, templates, users, wechat, clock);

    private static final class Users implements Subscribers {
        final Map<String, Subscriber> byId = new HashMap<>();
        final List<String> refusals = new ArrayList<>();
        int reads;

        Users add(String userId, String openId) {
            byId.put(userId, new Subscriber(userId, openId, Map.of()));
            return this;
        }

        @Override
        public Map<String, Subscriber> find(Collection<String> userIds) {
            reads++;
            Map<String, Subscriber> out = new HashMap<>();
            userIds.forEach(u -> { if (byId.containsKey(u)) out.put(u, byId.get(u)); });
            return out;
        }

        @Override
        public void refused(String userId, String templateId, Instant at) {
            refusals.add(userId + "/" + templateId);
            Subscriber s = byId.get(userId);
            Map<String, Instant> r = new HashMap<>(s.refusals());
            r.put(templateId, at);
            byId.put(userId, new Subscriber(userId, s.openId(), r));
        }
    }

    /** Answers from a script (default: sent), recording every message. */
    private static final class ScriptedWeChat implements WeChatClient {
        final Deque<Object> script = new ArrayDeque<>();
        final List<Message> sent = new ArrayList<>();

        @Override
        public Result send(Message m) {
            sent.add(m);
            Object next = script.poll();
            if (next instanceof RuntimeException e) throw e;
            return next == null ? new Sent("msg" + sent.size()) : (Result) next;
        }
    }

    private static Notification reminder(String userId) {
        return new Notification("ntf_" + userId, userId, "cycle.classify", "微心愿待分类审核", "本社区有3个微心愿待审核分类", null, null,
                null, null, "DEMO:2026-11:classify", "DEMO-W1", Map.of("count", "3", "deadline", "2026-11-25", "month", "2026-11"),
                Instant.parse("2026-11-19T16:00:00Z"), null);
    }

    private Delivery.Outcome deliver(Notification n) {
        return delivery.batch(List.of(n)).deliver(n);
    }

    @Test
    void aKindWithoutTemplateGoesToTheInboxOnce() {
        Notification n = new Notification("ntf_x", "usr_a", "case.progress", "处置进展更新", "case_1", "noise", "IN_PROGRESS",
                "evt_1", Instant.parse("2026-11-20T01:00:00Z"), null);
        assertEquals(Delivery.Outcome.STORED, deliver(n));
        assertEquals(Delivery.Outcome.ALREADY_STORED, deliver(n));
        assertEquals(0, users.reads, "no openid needed");
        assertTrue(wechat.sent.isEmpty());
    }

    @Test
    void aReminderIsStoredAndPushedOnce_andItsTemplateFieldsFilled() {
        users.add("usr_a", "oA");
        Notification n = reminder("usr_a");
        assertEquals(Delivery.Outcome.SENT, deliver(n));
        assertEquals(Delivery.Outcome.ALREADY_PUSHED, deliver(n), "a redelivered message");
        assertEquals(1, wechat.sent.size());
        assertEquals(1, store.byId.size());
        WeChatClient.Message m = wechat.sent.get(0);
        assertEquals("oA", m.openId());
        assertEquals("LINLI_TMPL_TASK_REMINDER", m.templateId());
        assertEquals(Map.of("thing1", "微心愿待分类审核", "number4", "3", "date3", "2026年11月25日"), m.fields());
        assertEquals(PushStatus.SENT, store.push(n).status());
        assertEquals("msg1", store.push(n).detail());
    }

    @Test
    void aRefusalIsRecordedNeverRetried_andLaterPushesOfThatTemplateAreSkippedForAWhile() {
        users.add("usr_a", "oA");
        wechat.script.add(new WeChatClient.Refused(43101));
        Notification n = reminder("usr_a");
        assertEquals(Delivery.Outcome.REFUSED, deliver(n));
        assertEquals(List.of("usr_a/LINLI_TMPL_TASK_REMINDER"), users.refusals);
        assertEquals(Delivery.Outcome.ALREADY_PUSHED, deliver(n));
        assertEquals(1, store.byId.size(), "the inbox item stays");
        Notification nextMonth = new Notification("ntf_next", "usr_a", "cycle.collect", "t", "b", null, null, null, null,
                "DEMO:2026-12:collect", "DEMO-W1", Map.of(), Instant.parse("2026-12-10T00:00:00Z"), null);
        assertEquals(Delivery.Outcome.OPTED_OUT, deliver(nextMonth), "same template, refused 20 days ago");
        assertEquals(1, wechat.sent.size(), "no second call to WeChat");
        clock.advance(Duration.ofDays(31));
        Notification later = new Notification("ntf_later", "usr_a", "cycle.collect", "t", "b", null, null, null, null,
                "DEMO:2027-01:collect", "DEMO-W1", Map.of(), Instant.parse("2027-01-10T00:00:00Z"), null);
        assertEquals(Delivery.Outcome.SENT, deliver(later), "after refusalMemory the user may have subscribed again");
    }

    @Test
    void throttlingReleasesTheClaimAndHoldsBackTheRestOfTheBatch_andALaterDeliverySends() {
        users.add("usr_a", "oA").add("usr_b", "oB");
        wechat.script.add(new WeChatClient.Throttled(45011));
        Notification a = reminder("usr_a");
        Notification b = reminder("usr_b");
        Delivery.Batch batch = delivery.batch(List.of(a, b));
        assertThrows(TooManyRequests.class, () -> batch.deliver(a));
        assertThrows(TooManyRequests.class, () -> batch.deliver(b));
        assertEquals(1, wechat.sent.size(), "b was not tried in the throttled batch");
        assertEquals(PushStatus.PENDING, store.push(a).status());
        assertEquals(PushStatus.PENDING, store.push(b).status());
        assertEquals(2, store.byId.size(), "both are in the inbox already");
        assertEquals(Delivery.Outcome.SENT, deliver(a), "the queue brings it back");
        assertEquals(Delivery.Outcome.SENT, deliver(b));
        assertEquals(2, store.push(a).attempts());
    }

    @Test
    void aNetworkFailureIsRetried_aRejectedMessageIsNot_andNoOpenidMeansInboxOnly() {
        users.add("usr_a", "oA").add("usr_b", "oB").add("usr_c", null);
        wechat.script.add(new ExternalServiceFailed("WECHAT_UNREACHABLE", "down"));
        assertThrows(ExternalServiceFailed.class, () -> deliver(reminder("usr_a")));
        assertEquals(PushStatus.PENDING, store.push(reminder("usr_a")).status());
        assertEquals(Delivery.Outcome.SENT, deliver(reminder("usr_a")));

        wechat.script.add(new WeChatClient.Rejected(40037, "invalid template_id"));
        assertEquals(Delivery.Outcome.FAILED, deliver(reminder("usr_b")));
        assertEquals(Delivery.Outcome.ALREADY_PUSHED, deliver(reminder("usr_b")));
        assertEquals("40037", store.push(reminder("usr_b")).detail());

        assertEquals(Delivery.Outcome.NO_OPENID, deliver(reminder("usr_c")));
        assertEquals(Delivery.Outcome.NO_OPENID, deliver(reminder("usr_nobody")));
        assertEquals(3, wechat.sent.size());
    }

    @Test
    void aCopyArrivingWhileAnotherDeliveryHoldsThePushLooksAgainSoonAndTakesOverALapsedClaim() {
        users.add("usr_a", "oA");
        Notification n = reminder("usr_a");
        store.claimPush(n, clock.instant(), Delivery.LEASE); // another consumer is sending it right now
        TooManyRequests later = assertThrows(TooManyRequests.class, () -> deliver(n));
        assertEquals(Delivery.RECHECK, later.retryAfter(), "not the lease's whole minute: a live delivery settles in seconds");
        clock.advance(Delivery.LEASE.minusSeconds(2));
        assertEquals(Duration.ofSeconds(2), assertThrows(TooManyRequests.class, () -> deliver(n)).retryAfter(),
                "never past the lease");
        clock.advance(Duration.ofSeconds(3)); // that delivery died without settling
        assertEquals(Delivery.Outcome.SENT, deliver(n));
        assertEquals(1, wechat.sent.size());
    }

    @Test
    void templateFieldsAreCutToWhatWeChatAccepts() {
        assertEquals("一二三四五六七八九十一二三四五六七八九…", PushTemplates.fit("thing1", "一二三四五六七八九十一二三四五六七八九十多"));
        assertEquals("一二三四五", PushTemplates.fit("phrase2", "一二三四五"));
        assertEquals("2026年11月25日", PushTemplates.fit("date3", "2026年11月25日"));
    }
}
