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
import org.linli.testing.InMemorySmsLedger;
import org.linli.testing.MutableClock;

/**
 * SMS where WeChat cannot reach, through {@link Delivery}: who gets one (refused, opted out, no
 * openid - never a resident WeChat reached), once per event and phone however often the
 * notification is delivered, within the phone's daily cap, and how the provider's answers are kept.
 */
class SmsFallbackTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T01:00:00Z"));
    private final InMemoryNotifications store = new InMemoryNotifications();
    private final Map<String, Subscribers.Subscriber> users = new HashMap<>();
    private final Deque<WeChatClient.Result> wechatAnswers = new ArrayDeque<>();
    private final Map<String, List<String>> phonesByCaseAndReporter = new HashMap<>();
    private final InMemorySmsLedger ledger = new InMemorySmsLedger();
    private final Provider provider = new Provider();
    private final SmsTemplates templates = new SmsTemplates(
            Map.of("case.accepted", "1001", "case.fed_back", "1002", "case.closed", " "), new SmsCap(10));
    private final Delivery delivery = new Delivery(store, PushTemplates.fromClasspath(), new Subscribers() {
        @Override
        public Map<String, Subscriber> find(Collection<String> userIds) {
            Map<String, Subscriber> out = new HashMap<>();
            userIds.forEach(u -> { if (users.containsKey(u)) out.put(u, users.get(u)); });
            return out;
        }

        @Override
        public void refused(String userId, String templateId, Instant at) {
            users.put(userId, new Subscriber(userId, users.get(userId).openId(), Map.of(templateId, at)));
        }
    }, m -> wechatAnswers.isEmpty() ? new WeChatClient.Sent("m") : wechatAnswers.poll(), clock,
            new SmsFallback(templates, (caseId, reporterId) -> phonesByCaseAndReporter.getOrDefault(caseId + "/" + reporterId, List.of()),
                    ledger, provider, clock));

    static final class Provider implements SmsGateway {
        final List<Message> sent = new ArrayList<>();
        final Deque<Object> script = new ArrayDeque<>();

        @Override
        public Result send(Message m) {
            Object next = script.poll();
            if (next instanceof RuntimeException e) throw e;
            if (next != null) return (Result) next;
            sent.add(m);
            return new Sent("5000:" + sent.size());
        }

        long to(String phone) {
            return sent.stream().filter(m -> m.phone().equals(phone)).count();
        }
    }

    private static Notification caseNotice(String kind, String userId, String caseId, String eventId) {
        return new Notification(Notification.class.getSimpleName() + "_" + eventId + "_" + userId, userId, kind, Recipients.TITLES.get(kind),
                caseId, "noise", "ACCEPTED", eventId, Instant.parse("2026-11-20T01:00:00Z"), null);
    }

    private Delivery.Outcome deliver(Notification n) {
        return delivery.batch(List.of(n)).deliver(n);
    }

    @Test
    void aResidentWhoRefusedTheTemplateGetsOneSmsPerEvent_alsoWhenTheMessageComesTwice() {
        users.put("usr_r", new Subscribers.Subscriber("usr_r", "oR", Map.of()));
        phonesByCaseAndReporter.put("case_1/usr_r", List.of("13812341234"));
        wechatAnswers.add(new WeChatClient.Refused(43101));
        Notification accepted = caseNotice("case.accepted", "usr_r", "case_1", "evt_1");
        assertEquals(Delivery.Outcome.REFUSED, deliver(accepted));
        assertEquals(Delivery.Outcome.ALREADY_PUSHED, deliver(accepted), "the queue delivers it again");
        assertEquals(1, provider.to("13812341234"));
        assertEquals("1001", provider.sent.get(0).templateId());
        assertEquals(List.of("case_1"), provider.sent.get(0).params());

        // The next event: the refusal is remembered (no WeChat call), the SMS goes.
        Notification fedBack = caseNotice("case.fed_back", "usr_r", "case_1", "evt_2");
        assertEquals(Delivery.Outcome.OPTED_OUT, deliver(fedBack));
        assertEquals(2, provider.to("13812341234"));
        assertEquals("1002", provider.sent.get(1).templateId());
        // case.closed has a blank template id here: no SMS for it.
        deliver(caseNotice("case.closed", "usr_r", "case_1", "evt_3"));
        assertEquals(2, provider.sent.size());
    }

    @Test
    void aReporterWithoutAnAccountGetsItOnEachMobileHeGave_neverOnALandline() {
        // Two hotline orders of one problem joined one case: the pseudonymous reporter has two callers.
        phonesByCaseAndReporter.put("case_2/usr_hotline", List.of("13912345678", "+86 139 1111 2222", "(0351) 1234567", "13912345678"));
        Notification n = caseNotice("case.accepted", "usr_hotline", "case_2", "evt_9");
        assertEquals(Delivery.Outcome.NO_OPENID, deliver(n));
        deliver(n);
        assertEquals(1, provider.to("13912345678"));
        assertEquals(1, provider.to("13911112222"), "normalised to its 11 digits");
        assertEquals(2, provider.sent.size(), "the landline takes no SMS");
    }

    @Test
    void aResidentWeChatReachedGetsNoSms_norDoesAReminder() {
        users.put("usr_w", new Subscribers.Subscriber("usr_w", "oW", Map.of()));
        phonesByCaseAndReporter.put("case_3/usr_w", List.of("13812341234"));
        assertEquals(Delivery.Outcome.SENT, deliver(caseNotice("case.accepted", "usr_w", "case_3", "evt_3")));
        Notification reminder = new Notification("ntf_c", "usr_none", "cycle.evaluate", "请评价", null, null, null, null, null,
                "DEMO:2026-11:evaluate", "DEMO-W1", Map.of(), clock.instant(), null);
        assertEquals(Delivery.Outcome.NO_OPENID, deliver(reminder));
        assertTrue(provider.sent.isEmpty());
    }

    @Test
    void theEleventhSmsOfTheDayToOnePhoneIsCapped_theNextDayItGoesAgain() {
        for (int i = 1; i <= 11; i++) {
            phonesByCaseAndReporter.put("case_" + i + "/usr_hotline", List.of("13700001111"));
            deliver(caseNotice("case.accepted", "usr_hotline", "case_" + i, "evt_c" + i));
        }
        assertEquals(10, provider.to("13700001111"));
        assertEquals(SmsStatus.CAPPED, ledger.entry("evt_c11", SmsRecipient.of("13700001111")).status());
        deliver(caseNotice("case.accepted", "usr_hotline", "case_11", "evt_c11"));
        assertEquals(10, provider.to("13700001111"), "a capped SMS is settled: its copies send nothing");
        clock.advance(Duration.ofDays(1));
        phonesByCaseAndReporter.put("case_12/usr_hotline", List.of("13700001111"));
        deliver(caseNotice("case.accepted", "usr_hotline", "case_12", "evt_c12"));
        assertEquals(11, provider.to("13700001111"));
    }

    @Test
    void throttlingAndSilenceAreRetried_aWrongNumberIsNot() {
        phonesByCaseAndReporter.put("case_4/usr_hotline", List.of("13800000001"));
        Notification n = caseNotice("case.accepted", "usr_hotline", "case_4", "evt_4");
        provider.script.add(new SmsGateway.Throttled("RequestLimitExceeded"));
        assertThrows(TooManyRequests.class, () -> deliver(n));
        provider.script.add(new ExternalServiceFailed("SMS_UNREACHABLE", "no answer"));
        assertThrows(ExternalServiceFailed.class, () -> deliver(n));
        deliver(n);
        deliver(n);
        assertEquals(1, provider.to("13800000001"), "sent once, on the third delivery");

        phonesByCaseAndReporter.put("case_5/usr_hotline", List.of("13800000002"));
        Notification wrong = caseNotice("case.accepted", "usr_hotline", "case_5", "evt_5");
        provider.script.add(new SmsGateway.Rejected("InvalidParameterValue.IncorrectPhoneNumber"));
        deliver(wrong);
        deliver(wrong);
        assertEquals(0, provider.to("13800000002"));
        assertEquals("InvalidParameterValue.IncorrectPhoneNumber",
                ledger.entry("evt_5", SmsRecipient.of("13800000002")).detail());
    }

    @Test
    void theRecipientKeyAndItsPrintingHideTheNumber() {
        SmsRecipient r = SmsRecipient.of("13812341234");
        assertEquals(32, r.key().length());
        assertTrue(!r.toString().contains("13812341234") && r.toString().contains("138****1234"), r.toString());
    }
}
