package org.linli.testing.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.linli.notify.SmsCap;
import org.linli.notify.SmsLedger;
import org.linli.notify.SmsLedger.Claimed;
import org.linli.notify.SmsLedger.InFlight;
import org.linli.notify.SmsLedger.Settled;
import org.linli.notify.SmsRecipient;
import org.linli.notify.SmsStatus;

/**
 * What every {@link SmsLedger} does, written once: run against InMemorySmsLedger and against
 * DynamoDB Local. Each test has phones and events of its own (the table is shared).
 */
public abstract class SmsLedgerContract {
    protected abstract SmsLedger ledger();

    /** 09:30 in Beijing; the Beijing day ends at 16:00 UTC. */
    private static final Instant AT = Instant.parse("2026-11-18T01:30:00Z");
    private static final Duration LEASE = Duration.ofSeconds(60);
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private static SmsRecipient phone() {
        return SmsRecipient.of(String.format("16%09d", ThreadLocalRandom.current().nextInt(1_000_000_000)));
    }

    private String event(int n) {
        return "evt_" + run + "_" + n;
    }

    @Test
    void anSmsIsClaimedOnce_aCopyMeetsTheClaim_aSettledOneIsNeverClaimedAgain() {
        SmsRecipient to = phone();
        assertEquals(new Claimed(1), ledger().claim(to, event(1), "case.accepted", AT, LEASE, new SmsCap(10)));
        assertEquals(new InFlight(AT.plus(LEASE)), ledger().claim(to, event(1), "case.accepted", AT.plusSeconds(1), LEASE, new SmsCap(10)));
        ledger().settle(to, event(1), SmsStatus.SENT, "5000:1", AT.plusSeconds(2));
        assertEquals(new Settled(SmsStatus.SENT), ledger().claim(to, event(1), "case.accepted", AT.plusSeconds(3), LEASE, new SmsCap(10)));
        assertEquals(new Claimed(1), ledger().claim(phone(), event(1), "case.accepted", AT, LEASE, new SmsCap(10)),
                "another phone of the same event is another SMS");
    }

    @Test
    void aPendingOrLapsedClaimIsTakenOverAndCountsTheAttempt() {
        SmsRecipient to = phone();
        ledger().claim(to, event(2), "case.fed_back", AT, LEASE, new SmsCap(10));
        ledger().settle(to, event(2), SmsStatus.PENDING, "RequestLimitExceeded", AT.plusSeconds(1));
        assertEquals(new Claimed(2), ledger().claim(to, event(2), "case.fed_back", AT.plusSeconds(2), LEASE, new SmsCap(10)));
        // that delivery dies: after its lease another takes it over
        assertEquals(new Claimed(3), ledger().claim(to, event(2), "case.fed_back", AT.plusSeconds(70), LEASE, new SmsCap(10)));
        ledger().settle(to, event(2), SmsStatus.FAILED, "InvalidParameterValue.IncorrectPhoneNumber", AT.plusSeconds(71));
        ledger().settle(to, event(2), SmsStatus.SENT, "late", AT.plusSeconds(72)); // no longer SENDING: left alone
        assertEquals(new Settled(SmsStatus.FAILED), ledger().claim(to, event(2), "case.fed_back", AT.plusSeconds(73), LEASE, new SmsCap(10)));
    }

    @Test
    void aPhonesDayIsCappedCopiesAreNotCountedAndTheNextBeijingDayStartsAgain() {
        SmsRecipient to = phone();
        SmsCap cap = new SmsCap(3);
        for (int i = 1; i <= 3; i++) {
            assertEquals(new Claimed(1), ledger().claim(to, event(10 + i), "case.accepted", AT, LEASE, cap));
            ledger().claim(to, event(10 + i), "case.accepted", AT, LEASE, cap); // a copy: not counted
        }
        assertEquals(new Settled(SmsStatus.CAPPED), ledger().claim(to, event(14), "case.accepted", AT, LEASE, cap));
        assertEquals(new Settled(SmsStatus.CAPPED), ledger().claim(to, event(14), "case.accepted", AT.plus(Duration.ofDays(1)), LEASE, cap),
                "a capped SMS stays capped");
        // 16:00 UTC is midnight in Beijing: a new day for the phone
        assertEquals(new Claimed(1), ledger().claim(to, event(15), "case.accepted", Instant.parse("2026-11-18T16:00:01Z"), LEASE, cap));
        assertEquals(new Settled(SmsStatus.CAPPED), ledger().claim(to, event(16), "case.accepted", Instant.parse("2026-11-18T15:59:59Z"),
                LEASE, cap), "still the 18th in Beijing: full");
    }
}
