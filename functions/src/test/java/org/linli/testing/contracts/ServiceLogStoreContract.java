package org.linli.testing.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.linli.volunteer.Rating;
import org.linli.volunteer.VolunteerTime;
import org.linli.volunteer.membership.Community;
import org.linli.volunteer.membership.MemberStore;
import org.linli.volunteer.membership.Membership;
import org.linli.volunteer.membership.MembershipStatus;
import org.linli.volunteer.points.AwardOutcome;
import org.linli.volunteer.points.PointsAward;
import org.linli.volunteer.points.PointsRule;
import org.linli.volunteer.points.PointsStore;
import org.linli.volunteer.servicelog.LogDay;
import org.linli.volunteer.servicelog.LogStatus;
import org.linli.volunteer.servicelog.ServiceLog;
import org.linli.volunteer.servicelog.ServiceLogStore;
import org.linli.volunteer.servicelog.ServiceLogStore.InsertOutcome;
import org.linli.volunteer.servicelog.ServiceLogStore.RateResult;
import org.linli.volunteer.servicelog.Verifier;

/**
 * What every {@link ServiceLogStore} does, written once: run against InMemoryServiceLogs and against the volunteer
 * table in DynamoDB Local. Members, communities and beneficiaries are fresh per instance (the table is shared). The
 * registration it reads comes from {@link #members()}; a verification's award shows in {@link #points()}.
 */
public abstract class ServiceLogStoreContract {
    protected abstract ServiceLogStore store();

    protected abstract MemberStore members();

    protected abstract PointsStore points();

    /** 10:00 in Shanghai: one service day. */
    private static final Instant AT = Instant.parse("2026-11-18T02:00:00Z");
    private static final LocalDate DAY = VolunteerTime.day(AT);
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Community community = new Community("C" + run, "柳园社区", List.of("DEMO", "DEMO-W", "C" + run));
    private final String member = "usr_" + run + "m";
    private final String beneficiary = "usr_" + run + "b";

    private ServiceLog log(String name, String memberId, Instant start, int minutes, String forUser) {
        return new ServiceLog("log_" + run + name, memberId, "党员" + name, community, "陪伴", start, start.plus(Duration.ofMinutes(minutes)),
                forUser, null, "陪老人聊天 " + name, List.of("photos/" + run + name + ".jpg"), LogStatus.PENDING, start.plusSeconds(7200),
                "fp" + name, null, null, null, null, 0, null);
    }

    /** The log stored over the member's current day sheet. */
    private ServiceLog stored(String name, String memberId, Instant start, int minutes, String forUser) {
        ServiceLog l = log(name, memberId, start, minutes, forUser);
        assertEquals(InsertOutcome.STORED, store().insert(l, store().context(memberId, VolunteerTime.day(start)).day()));
        return l;
    }

    private static PointsAward award(ServiceLog l, int points, int cap) {
        return PointsAward.of(l.memberId(), l.memberName(), l.community().code(), VolunteerTime.month(l.start()),
                PointsRule.VERIFIED_SERVICE, l.id(), points, l.minutes(), cap, l.end().plusSeconds(3600));
    }

    private static ServiceLog verified(ServiceLog l, int points) {
        return l.verified("usr_staff", Verifier.STAFF, l.end().plusSeconds(3600), points);
    }

    private static List<String> ids(List<ServiceLog> logs) {
        return logs.stream().map(ServiceLog::id).toList();
    }

    @Test
    void theContextIsTheRegistrationAndTheDaySheetAsLogsChangeIt() {
        assertEquals(new ServiceLogStore.LogContext(Optional.empty(), LogDay.empty(member, DAY)), store().context(member, DAY));
        members().register(new Membership(member, community, "党员m", "13700001111", List.of("维修"), "周末", "第一党支部",
                MembershipStatus.PENDING, AT, null, null, null, 0, 0));
        assertEquals(Optional.of(member), store().context(member, DAY).membership().map(Membership::memberId));

        ServiceLog morning = stored("am", member, AT, 60, null);
        ServiceLog noon = stored("pm", member, AT.plusSeconds(3 * 3600), 90, null);
        LogDay day = store().context(member, DAY).day();
        assertEquals(new LogDay(member, DAY, Map.of(morning.id(), new LogDay.Interval(morning.start(), morning.end()),
                noon.id(), new LogDay.Interval(noon.start(), noon.end())), 150, 2), day);
        assertEquals(LogDay.empty(member, DAY.plusDays(1)), store().context(member, DAY.plusDays(1)).day(), "a day sheet is one day's");
    }

    @Test
    void aLogLandsOnlyOverTheDaySheetItWasCheckedAgainstAndItsIdOnce() {
        assertEquals(Optional.empty(), store().find("log_" + run + "a"), "not found before it is stored");
        LogDay empty = store().context(member, DAY).day();
        ServiceLog a = log("a", member, AT, 60, null);
        assertEquals(InsertOutcome.STORED, store().insert(a, empty));
        assertEquals(Optional.of(a), store().find(a.id()));

        ServiceLog b = log("b", member, AT.plusSeconds(7200), 30, null);
        assertEquals(InsertOutcome.DAY_CHANGED, store().insert(b, empty), "the sheet moved on since it was read");
        assertEquals(Optional.empty(), store().find(b.id()));
        LogDay one = store().context(member, DAY).day();
        assertEquals(1, one.version());
        assertEquals(InsertOutcome.ID_TAKEN, store().insert(log("a", member, AT.plusSeconds(600), 20, null), one), "a retried request");
        assertEquals(Optional.of(a), store().find(a.id()));
        assertEquals(InsertOutcome.STORED, store().insert(b, one));
        LogDay two = store().context(member, DAY).day();
        assertEquals(2, two.version());
        assertEquals(90, two.minutes());
        assertEquals(InsertOutcome.DAY_CHANGED, store().insert(log("c", member, AT.plusSeconds(9000), 10, null), one));
    }

    @Test
    void aPendingLogIsVerifiedOnceWithItsAwardAndTheCapHolds() {
        ServiceLog first = stored("v1", member, AT, 60, null);
        ServiceLog second = stored("v2", member, AT.plusSeconds(3600), 60, null);
        ServiceLog third = stored("v3", member, AT.plusSeconds(7200), 60, null);

        assertEquals(AwardOutcome.DONE, store().verify(verified(first, 10), award(first, 10, 15)));
        assertEquals(Optional.of(verified(first, 10)), store().find(first.id()));
        assertEquals(10, points().monthEarned(member, VolunteerTime.month(AT)));
        assertEquals(AwardOutcome.STALE, store().verify(verified(first, 10), award(first, 10, 15)), "no longer PENDING");

        // The month has 10 of 15: another 10 does not fit, and nothing is written.
        assertEquals(AwardOutcome.CAP_REACHED, store().verify(verified(second, 10), award(second, 10, 15)));
        assertEquals(LogStatus.PENDING, store().find(second.id()).orElseThrow().status());
        assertEquals(AwardOutcome.DONE, store().verify(verified(second, 5), award(second, 10, 15).cappedTo(5)));
        assertEquals(15, points().monthEarned(member, VolunteerTime.month(AT)));

        // An award the ledger already holds (same member, rule and source): nothing is written.
        PointsAward again = PointsAward.of(member, third.memberName(), community.code(), VolunteerTime.month(AT), PointsRule.VERIFIED_SERVICE,
                first.id(), 0, 60, 15, AT.plusSeconds(9000));
        assertEquals(AwardOutcome.DUPLICATE, store().verify(verified(third, 0), again));
        assertEquals(LogStatus.PENDING, store().find(third.id()).orElseThrow().status());

        ServiceLog ghost = log("ghost", member, AT, 10, null);
        assertEquals(AwardOutcome.STALE, store().verify(verified(ghost, 1), award(ghost, 1, 100)));
        assertEquals(Optional.empty(), store().find(ghost.id()));
    }

    @Test
    void aRejectionTakesThePendingLogOffItsDaySheetOnce() {
        ServiceLog kept = stored("k", member, AT, 60, null);
        ServiceLog wrong = stored("r", member, AT.plusSeconds(3600), 45, null);
        long version = store().context(member, DAY).day().version();
        ServiceLog rejected = wrong.rejected("usr_staff", "照片不清楚", AT.plusSeconds(9000));
        assertTrue(store().reject(rejected));
        assertEquals(Optional.of(rejected), store().find(wrong.id()));
        LogDay day = store().context(member, DAY).day();
        assertEquals(Map.of(kept.id(), new LogDay.Interval(kept.start(), kept.end())), day.entries());
        assertEquals(60, day.minutes());
        assertEquals(version, day.version(), "a rejection does not move the sheet's version");
        assertFalse(store().reject(rejected), "no longer PENDING");
        assertEquals(AwardOutcome.STALE, store().verify(verified(wrong, 5), award(wrong, 5, 100)));
        assertFalse(store().reject(log("ghost", member, AT, 10, null).rejected("usr_staff", "无", AT)));
    }

    @Test
    void onlyTheBeneficiaryRatesAVerifiedLogAndOnlyOnce() {
        ServiceLog l = stored("rate", member, AT, 60, beneficiary);
        Rating rating = new Rating(5, "很耐心", AT.plusSeconds(86_400));
        assertEquals(new RateResult(false, Optional.of(l)), store().rate(l.id(), beneficiary, rating), "not yet verified");
        ServiceLog v = verified(l, 10);
        assertEquals(AwardOutcome.DONE, store().verify(v, award(l, 10, 100)));
        assertEquals(new RateResult(false, Optional.of(v)), store().rate(l.id(), "usr_" + run + "stranger", rating));

        RateResult rated = store().rate(l.id(), beneficiary, rating);
        assertTrue(rated.rated());
        assertEquals(Optional.of(rating), rated.log().map(ServiceLog::rating));
        assertEquals(rated.log(), store().find(l.id()));
        RateResult twice = store().rate(l.id(), beneficiary, new Rating(1, null, AT.plusSeconds(90_000)));
        assertEquals(new RateResult(false, rated.log()), twice, "rated once; the first rating stays");
        assertEquals(new RateResult(false, Optional.empty()), store().rate("log_" + run + "none", beneficiary, rating));
    }

    @Test
    void aMembersLogsAreListedNewestFirstPageByPage() {
        ServiceLog older = stored("m1", member, AT.minus(Duration.ofDays(2)), 30, null);
        ServiceLog newest = stored("m2", member, AT, 30, null);
        ServiceLog middle = stored("m3", member, AT.minus(Duration.ofDays(1)), 30, null);
        stored("x", member + "x", AT, 30, null);
        assertEquals(List.of(newest.id(), middle.id(), older.id()), ids(Paging.all(2, cursor -> store().byMember(member, 2, cursor))));
    }

    @Test
    void aCommunitysLogsInOneStatusAreListedOldestFirstPageByPage() {
        ServiceLog second = stored("c1", member, AT.minus(Duration.ofDays(1)), 30, null);
        ServiceLog first = stored("c2", member + "2", AT.minus(Duration.ofDays(2)), 30, null);
        ServiceLog third = stored("c3", member, AT, 30, null);
        ServiceLog done = stored("c4", member + "2", AT.minus(Duration.ofDays(3)), 30, null);
        assertEquals(AwardOutcome.DONE, store().verify(verified(done, 3), award(done, 3, 100)));
        assertEquals(List.of(first.id(), second.id(), third.id()),
                ids(Paging.all(2, cursor -> store().byCommunity(community.code(), LogStatus.PENDING, 2, cursor))));
        assertEquals(List.of(done.id()), ids(Paging.all(2, cursor -> store().byCommunity(community.code(), LogStatus.VERIFIED, 2, cursor))));
        assertEquals(List.of(), store().byCommunity(community.code(), LogStatus.REJECTED, 5, null).items());
    }

    @Test
    void theServicesAUserReceivedAreListedNewestFirstPageByPage() {
        ServiceLog older = stored("b1", member, AT.minus(Duration.ofDays(2)), 30, beneficiary);
        ServiceLog newer = stored("b2", member + "2", AT, 30, beneficiary);
        ServiceLog middle = stored("b3", member, AT.minus(Duration.ofDays(1)), 30, beneficiary);
        stored("b4", member, AT.plusSeconds(3600), 30, null);
        assertEquals(List.of(newer.id(), middle.id(), older.id()), ids(Paging.all(2, cursor -> store().byBeneficiary(beneficiary, 2, cursor))));
        assertEquals(List.of(), store().byBeneficiary("usr_" + run + "nobody", 5, null).items());
    }
}
