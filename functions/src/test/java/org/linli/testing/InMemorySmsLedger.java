package org.linli.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.linli.notify.SmsCap;
import org.linli.notify.SmsLedger;
import org.linli.notify.SmsRecipient;
import org.linli.notify.SmsStatus;

/** The SMS ledger in memory, held to SmsLedgerContract like DynamoSmsLedger: one record per (event, phone), a lease, a per-phone Beijing day count. */
public final class InMemorySmsLedger implements SmsLedger {
    /** One SMS record. */
    public record Entry(SmsStatus status, Instant lease, String detail, int attempts) {}

    private final Map<String, Entry> entries = new HashMap<>();
    private final Map<String, Integer> perDay = new HashMap<>();

    private static String key(String eventId, SmsRecipient to) {
        return eventId + "/" + to.key();
    }

    public synchronized Entry entry(String eventId, SmsRecipient to) {
        return entries.get(key(eventId, to));
    }

    @Override
    public synchronized Claim claim(SmsRecipient to, String eventId, String kind, Instant now, Duration lease, SmsCap cap) {
        String key = key(eventId, to);
        Entry e = entries.get(key);
        if (e == null) {
            String day = to.key() + "/" + SmsCap.day(now);
            if (perDay.getOrDefault(day, 0) >= cap.perDay()) {
                entries.put(key, new Entry(SmsStatus.CAPPED, null, null, 0));
                return new Settled(SmsStatus.CAPPED);
            }
            perDay.merge(day, 1, Integer::sum);
            entries.put(key, new Entry(SmsStatus.SENDING, now.plus(lease), null, 1));
            return new Claimed(1);
        }
        if (e.status().settled()) return new Settled(e.status());
        if (e.status() == SmsStatus.SENDING && e.lease().isAfter(now)) return new InFlight(e.lease());
        entries.put(key, new Entry(SmsStatus.SENDING, now.plus(lease), e.detail(), e.attempts() + 1));
        return new Claimed(e.attempts() + 1);
    }

    @Override
    public synchronized void settle(SmsRecipient to, String eventId, SmsStatus status, String detail, Instant at) {
        entries.computeIfPresent(key(eventId, to), (k, e) -> e.status() == SmsStatus.SENDING
                ? new Entry(status, null, detail == null || detail.isEmpty() ? e.detail() : detail, e.attempts()) : e);
    }
}
