package org.linli.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.linli.core.DomainException;
import org.linli.core.TooManyRequests;
import org.linli.observability.Log;

/**
 * Delivers one notification: into the recipient's inbox, and - when its kind has a WeChat
 * template - as a subscribe message, at most once per notification id, i.e. per (recipient,
 * cycle or event, kind). The push is claimed in the same write that stores the notification, so
 * two copies of a message delivered at once send one push; a settled push is never sent again.
 *
 * <p>WeChat's answers: sent; refused (43101) is recorded on the notification and on the user and
 * never retried (the inbox item stays); throttled (45009, 45011, -1) and network failures release
 * the claim and throw a {@link DomainException}, so the message comes back through the queue
 * later; any other error is recorded as FAILED (retrying a wrong message cannot help).
 *
 * <p>Where the push cannot reach the resident (refused, no openid), the {@link SmsFallback} sends
 * the case notifications a reporter must have by SMS - on this delivery and on every later copy,
 * each SMS once.
 */
public final class Delivery {
    /** How long a delivery owns a push: far longer than two WeChat calls, far shorter than the queue's visibility timeout. */
    public static final Duration LEASE = Duration.ofSeconds(60);
    /**
     * How soon a copy that met another delivery's claim looks again. Not the claim's whole
     * remainder: a live delivery settles within seconds, so waiting out a 60 s lease only kept the
     * message in the queue for a minute (and CycleIntegrationTest's 60 s drain wait flaky).
     */
    public static final Duration RECHECK = Duration.ofSeconds(5);

    private final NotificationStore store;
    private final PushTemplates templates;
    private final Subscribers subscribers;
    private final WeChatClient wechat;
    private final Clock clock;
    private final SmsFallback sms;

    public Delivery(NotificationStore store, PushTemplates templates, Subscribers subscribers, WeChatClient wechat, Clock clock) {
        this(store, templates, subscribers, wechat, clock, null);
    }

    /** {@code sms}: the SMS fallback for residents WeChat cannot reach; null where SMS is not configured. */
    public Delivery(NotificationStore store, PushTemplates templates, Subscribers subscribers, WeChatClient wechat, Clock clock,
                    SmsFallback sms) {
        this.store = store;
        this.templates = templates;
        this.subscribers = subscribers;
        this.wechat = wechat;
        this.clock = clock;
        this.sms = sms;
    }

    /** What happened to one notification. */
    public enum Outcome { STORED, ALREADY_STORED, SENT, REFUSED, OPTED_OUT, NO_OPENID, FAILED, ALREADY_PUSHED }

    /** One batch of deliveries: its recipients' openids, read together, and whether WeChat throttled us meanwhile. */
    public final class Batch {
        private final Map<String, Subscribers.Subscriber> recipients;
        private boolean throttled;

        private Batch(Map<String, Subscribers.Subscriber> recipients) {
            this.recipients = recipients;
        }

        public Outcome deliver(Notification n) {
            return Delivery.this.deliver(n, this);
        }
    }

    /** Reads the openids of every recipient in the batch who may get a push (one batch read, none if nobody). */
    public Batch batch(List<Notification> notifications) {
        Set<String> users = new LinkedHashSet<>();
        for (Notification n : notifications) if (templates.forKind(n.kind()).isPresent()) users.add(n.userId());
        return new Batch(users.isEmpty() ? Map.of() : subscribers.find(users));
    }

    private Outcome deliver(Notification n, Batch batch) {
        var template = templates.forKind(n.kind()).orElse(null);
        if (template == null) return store.add(n) ? Outcome.STORED : Outcome.ALREADY_STORED;
        Instant now = clock.instant();
        NotificationStore.PushClaim claim = store.claimPush(n, now, LEASE);
        if (claim instanceof NotificationStore.Settled settled) {
            // A copy of a notification whose push did not reach him: its SMS may still be owed (a
            // send that failed before); the SMS ledger drops what was sent.
            if (unreachable(settled.status())) fallBack(n);
            return Outcome.ALREADY_PUSHED;
        }
        if (claim instanceof NotificationStore.InFlight f) {
            // Another copy is being delivered right now: come back shortly and find it settled (or,
            // if that delivery died, wait again until its claim lapses and take it over).
            Duration left = Duration.between(now, f.until());
            throw new TooManyRequests("Another delivery holds this push.", left.compareTo(RECHECK) < 0 ? left : RECHECK);
        }
        if (batch.throttled) {
            store.settlePush(n, PushStatus.PENDING, "throttled", now);
            throw new TooManyRequests("WeChat is throttling this batch.", Duration.ZERO);
        }
        Subscribers.Subscriber to = batch.recipients.get(n.userId());
        if (to == null || to.openId() == null) {
            store.settlePush(n, PushStatus.NO_OPENID, null, now);
            fallBack(n);
            return Outcome.NO_OPENID;
        }
        if (to.refusedSince(template.templateId(), now.minus(templates.refusalMemory()))) {
            store.settlePush(n, PushStatus.REFUSED, "opted out", now);
            fallBack(n);
            return Outcome.OPTED_OUT;
        }
        WeChatClient.Result result;
        try {
            result = wechat.send(templates.message(template, n, to.openId()));
        } catch (DomainException e) {
            store.settlePush(n, PushStatus.PENDING, e.code(), clock.instant());
            throw e;
        }
        Instant at = clock.instant();
        if (result instanceof WeChatClient.Sent s) {
            store.settlePush(n, PushStatus.SENT, s.msgId(), at);
            return Outcome.SENT;
        }
        if (result instanceof WeChatClient.Refused r) {
            store.settlePush(n, PushStatus.REFUSED, String.valueOf(r.errcode()), at);
            subscribers.refused(n.userId(), template.templateId(), at);
            fallBack(n);
            return Outcome.REFUSED;
        }
        if (result instanceof WeChatClient.Throttled t) {
            batch.throttled = true;
            store.settlePush(n, PushStatus.PENDING, String.valueOf(t.errcode()), at);
            throw new TooManyRequests("WeChat throttled the push (" + t.errcode() + ").", Duration.ZERO);
        }
        WeChatClient.Rejected r = (WeChatClient.Rejected) result;
        Log.error("notification.push_rejected", null, "notificationId", n.id(), "kind", n.kind(), "templateId",
                template.templateId(), "errcode", r.errcode());
        store.settlePush(n, PushStatus.FAILED, String.valueOf(r.errcode()), at);
        return Outcome.FAILED;
    }

    /** WeChat cannot reach him: he refused the template (or lately refused it), or has no openid. */
    private static boolean unreachable(PushStatus s) {
        return s == PushStatus.REFUSED || s == PushStatus.NO_OPENID;
    }

    private void fallBack(Notification n) {
        if (sms != null) sms.deliver(n);
    }
}
