package org.linli.adapters.dynamo.notifications;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.linli.adapters.dynamo.Attr;
import org.linli.adapters.dynamo.Leases;
import org.linli.adapters.dynamo.PutIfAbsent;
import org.linli.core.RateLimit;
import org.linli.core.Times;
import org.linli.core.TooManyRequests;
import org.linli.notify.SmsCap;
import org.linli.notify.SmsLedger;
import org.linli.notify.SmsRecipient;
import org.linli.notify.SmsStatus;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The SMS ledger on the notifications table: one item per (event, phone) -
 * {@code SMS#<eventId> / TO#<recipient key>} with {@code sms} (an {@link SmsStatus}), {@code smsLease},
 * {@code smsAttempts}, {@code smsDetail} (the provider's serial number or error code), kept 30 days
 * (TTL) - and the phone's counter of the Beijing day, the table's rate-limit counter item
 * ({@code QUOTA#sms#<recipient key> / W#<day start>}, {@code n}, removed by TTL a day after the day).
 * A new SMS is stored claimed and counted in one TransactWriteItems (the put's
 * {@code attribute_not_exists}, the counter's {@code n < cap}): a copy finds the item (returned by
 * the cancelled transaction) and is never counted; over the cap the item is stored CAPPED.
 * No item holds the number itself.
 */
public final class DynamoSmsLedger implements SmsLedger {
    static final Duration KEEP = Duration.ofDays(30);

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoSmsLedger(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    private static Map<String, AttributeValue> item(SmsRecipient to, String eventId, String kind, SmsStatus status, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(NotificationsKeys.sms(eventId, to.key()));
        item.put("eventId", Attr.s(eventId));
        item.put("recipient", Attr.s(to.key()));
        item.put("kind", Attr.s(kind));
        item.put("sms", Attr.s(status.name()));
        Attr.put(item, "createdAt", now);
        item.put("expiresAt", Attr.n(now.plus(KEEP).getEpochSecond()));
        return item;
    }

    /** The phone's charge for its Beijing day: the counter {@code sms#<key>}, the day's window. */
    static RateLimit.Charge charge(SmsRecipient to, SmsCap cap, Instant now) {
        LocalDate day = SmsCap.day(now);
        Instant start = day.atStartOfDay(Times.CHINA).toInstant();
        return new RateLimit.Charge(new RateLimit("SMS", cap.perDay(), Duration.ofDays(1)), "sms#" + to.key(), start,
                SmsCap.endOf(day), now);
    }

    @Override
    public Claim claim(SmsRecipient to, String eventId, String kind, Instant now, Duration lease, SmsCap cap) {
        Map<String, AttributeValue> item = item(to, eventId, kind, SmsStatus.SENDING, now);
        Attr.put(item, "smsLease", now.plus(lease));
        item.put("smsAttempts", Attr.n(1));
        Optional<Map<String, AttributeValue>> existing;
        try {
            existing = PutIfAbsent.put(dynamo, table, "sms", item, charge(to, cap, now));
        } catch (TooManyRequests capped) {
            // The phone's day is full: record it so that copies stop here too (not counted: nothing was sent).
            Map<String, AttributeValue> settled = item(to, eventId, kind, SmsStatus.CAPPED, now);
            Optional<Map<String, AttributeValue>> raced = PutIfAbsent.put(dynamo, table, "sms", settled);
            return raced.map(i -> standing(i, now)).filter(c -> c != null).orElse(new Settled(SmsStatus.CAPPED));
        }
        if (existing.isEmpty()) return new Claimed(1);
        Claim standing = standing(existing.get(), now);
        if (standing != null) return standing;
        Leases.Reclaim r = Leases.reclaim(dynamo, table, "sms", NotificationsKeys.sms(eventId, to.key()), "sms", false, now, lease);
        if (r.claimed()) return new Claimed(r.attempt());
        Claim again = r.standing().isEmpty() ? null : standing(r.standing(), now);
        return again != null ? again : new InFlight(now.plus(lease));
    }

    /** How a stored SMS stands, or null when it may be claimed (PENDING, or a lapsed claim). */
    private static Claim standing(Map<String, AttributeValue> item, Instant now) {
        SmsStatus status = Attr.enumOf(item, "sms", SmsStatus.class);
        if (status == null || status == SmsStatus.PENDING) return null;
        if (status.settled()) return new Settled(status);
        Instant until = Leases.live(item, "sms", now);
        return until != null ? new InFlight(until) : null;
    }

    @Override
    public void settle(SmsRecipient to, String eventId, SmsStatus status, String detail, Instant at) {
        Leases.settle(dynamo, table, "sms", NotificationsKeys.sms(eventId, to.key()), "sms", status.name(), detail, at);
    }
}
