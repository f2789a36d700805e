package org.linli.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import org.linli.core.DomainException;
import org.linli.core.TooManyRequests;
import org.linli.core.format.Phone;
import org.linli.observability.Log;

/**
 * SMS where WeChat cannot reach: when a case notification of an SMS kind was not pushed - the
 * resident refused the template (43101, or refused it lately), or has no openid (never used the
 * mini-program: the hotline's and Open311 clients' pseudonymous reporters) - each mobile number he
 * gave in the case's reports gets the kind's SMS, once per (event, phone), within the phone's daily
 * cap. Called on every delivery of such a notification, also when its push was settled by an
 * earlier copy, so an SMS whose send failed is not lost with the retry; the ledger drops copies.
 *
 * <p>Phones are never logged: the ledger's key (a hash) stands for them.
 */
public final class SmsFallback {
    private final SmsTemplates templates;
    private final ReporterPhones phones;
    private final SmsLedger ledger;
    private final SmsGateway gateway;
    private final Clock clock;

    public SmsFallback(SmsTemplates templates, ReporterPhones phones, SmsLedger ledger, SmsGateway gateway, Clock clock) {
        this.templates = templates;
        this.phones = phones;
        this.ledger = ledger;
        this.gateway = gateway;
        this.clock = clock;
    }

    /** Whether a notification of {@code kind} would go by SMS (case kinds with a template id). */
    public boolean covers(Notification n) {
        return n.caseId() != null && n.eventId() != null && templates.templateId(n.kind()).isPresent();
    }

    /**
     * Sends the notification's SMS to each of its recipient's mobiles in the case that has none
     * yet. Returns how many were sent now. The provider throttling us, or not answering, releases
     * the claim and throws (the notification comes back through the queue); the SMS already sent
     * to other phones stay sent.
     */
    public int deliver(Notification n) {
        if (!covers(n)) return 0;
        String templateId = templates.templateId(n.kind()).orElseThrow();
        Set<String> mobiles = new LinkedHashSet<>();
        for (String p : phones.phones(n.caseId(), n.userId())) {
            String normal = Phone.normalise(p);
            if (Phone.mobile(normal)) mobiles.add(normal); // a landline cannot take an SMS
        }
        int sent = 0;
        for (String mobile : mobiles) {
            if (send(n, templateId, SmsRecipient.of(mobile))) sent++;
        }
        return sent;
    }

    private boolean send(Notification n, String templateId, SmsRecipient to) {
        Instant now = clock.instant();
        SmsLedger.Claim claim = ledger.claim(to, n.eventId(), n.kind(), now, Delivery.LEASE, templates.cap());
        if (claim instanceof SmsLedger.Settled s) {
            if (s.status() == SmsStatus.CAPPED) log("notification.sms_capped", n, to, null);
            return false;
        }
        if (claim instanceof SmsLedger.InFlight f) {
            Duration left = Duration.between(now, f.until());
            throw new TooManyRequests("Another delivery holds this SMS.", left.compareTo(Delivery.RECHECK) < 0 ? left : Delivery.RECHECK);
        }
        SmsGateway.Result result;
        try {
            result = gateway.send(templates.message(templateId, n, to.phone()));
        } catch (DomainException e) {
            ledger.settle(to, n.eventId(), SmsStatus.PENDING, e.code(), clock.instant());
            throw e;
        }
        Instant at = clock.instant();
        if (result instanceof SmsGateway.Sent s) {
            ledger.settle(to, n.eventId(), SmsStatus.SENT, s.serialNo(), at);
            log("notification.sms_sent", n, to, null);
            return true;
        }
        if (result instanceof SmsGateway.Throttled t) {
            ledger.settle(to, n.eventId(), SmsStatus.PENDING, t.code(), at);
            throw new TooManyRequests("The SMS provider throttled the send (" + t.code() + ").", Duration.ZERO);
        }
        SmsGateway.Rejected r = (SmsGateway.Rejected) result;
        ledger.settle(to, n.eventId(), SmsStatus.FAILED, r.code(), at);
        log("notification.sms_rejected", n, to, r.code());
        return false;
    }

    private static void log(String event, Notification n, SmsRecipient to, String code) {
        if (code == null) Log.info(event, "notificationId", n.id(), "kind", n.kind(), "recipient", to.key());
        else Log.warn(event, "notificationId", n.id(), "kind", n.kind(), "recipient", to.key(), "code", code);
    }
}
