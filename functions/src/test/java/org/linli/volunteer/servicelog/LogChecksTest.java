package org.linli.volunteer.servicelog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.linli.core.FieldError;
import org.linli.volunteer.LogRules;
import org.linli.volunteer.VolunteerRules;
import org.linli.volunteer.membership.Community;
import org.linli.volunteer.membership.Membership;
import org.linli.volunteer.membership.MembershipStatus;

/** The service log's refusals, each a field error with a message a volunteer can act on. */
class LogChecksTest {
    private static final LogRules RULES = VolunteerRules.fromClasspath().logs();
    private static final Instant NOW = t("2026-11-23T20:00:00+08:00");
    private static final Community W1 = new Community("DEMO-W1", "柳园社区", List.of("DEMO", "DEMO-W", "DEMO-W1"));
    private static final Membership APPROVED = new Membership("usr_m", W1, "张三", "13812341234", List.of(), null, "支部",
            MembershipStatus.APPROVED, NOW, NOW, "usr_s", null, 0, 0);

    private static Instant t(String s) {
        return OffsetDateTime.parse(s).toInstant();
    }

    private static List<FieldError> times(String start, String end) {
        return LogChecks.times(t(start), t(end), NOW, RULES);
    }

    private static LogDraft draft(String start, String end) {
        return new LogDraft("DEMO-W1", "patrol", t(start), t(end), null, null, null, List.of());
    }

    @Test
    void aPlainLogPasses() {
        assertEquals(List.of(), times("2026-11-23T09:00:00+08:00", "2026-11-23T11:00:00+08:00"));
        assertEquals(List.of(), LogChecks.againstDay(draft("2026-11-23T09:00:00+08:00", "2026-11-23T11:00:00+08:00"),
                Optional.of(APPROVED), LogDay.empty("usr_m", LocalDate.of(2026, 11, 23)), RULES));
    }

    @Test
    void endBeforeStartIsRefused() {
        assertEquals(List.of(new FieldError("end", "must be after start")),
                times("2026-11-23T11:00:00+08:00", "2026-11-23T09:00:00+08:00"));
    }

    @Test
    void futureTimesAreRefusedBeyondTheClockSkew() {
        assertEquals(List.of(), times("2026-11-23T19:00:00+08:00", "2026-11-23T20:04:00+08:00"));
        List<FieldError> e = times("2026-11-23T20:30:00+08:00", "2026-11-23T21:00:00+08:00");
        assertEquals(List.of(new FieldError("start", "must not be in the future"), new FieldError("end", "must not be in the future")), e);
    }

    @Test
    void oldServiceIsRefused() {
        List<FieldError> e = times("2026-10-01T09:00:00+08:00", "2026-10-01T10:00:00+08:00");
        assertEquals(List.of(new FieldError("start", "must be within the last 31 day(s); older service is not logged")), e);
    }

    @Test
    void aLogMayNotCrossMidnightButMayEndAtIt() {
        assertEquals(List.of(), times("2026-11-22T22:00:00+08:00", "2026-11-23T00:00:00+08:00"));
        List<FieldError> e = times("2026-11-22T22:00:00+08:00", "2026-11-23T01:00:00+08:00");
        assertEquals("end", e.get(0).field());
        assertTrue(e.get(0).message().startsWith("must be on the same day as start"), e.toString());
    }

    @Test
    void aSingleLogLongerThanADaysHoursIsRefused() {
        List<FieldError> e = times("2026-11-23T06:00:00+08:00", "2026-11-23T15:30:00+08:00");
        assertEquals(List.of(new FieldError("end", "makes a log of 9 h 30 min; at most 8 h of service count per day")), e);
    }

    @Test
    void overlapsAndTheDaysTotalAreCheckedAgainstTheDaySheet() {
        LogDay day = new LogDay("usr_m", LocalDate.of(2026, 11, 23), Map.of("log_A",
                new LogDay.Interval(t("2026-11-23T08:00:00+08:00"), t("2026-11-23T14:00:00+08:00"))), 360, 1);
        List<FieldError> e = LogChecks.againstDay(draft("2026-11-23T13:00:00+08:00", "2026-11-23T16:00:00+08:00"),
                Optional.of(APPROVED), day, RULES);
        assertEquals(List.of(new FieldError("start", "overlaps your service log log_A (08:00–14:00)"),
                new FieldError("end", "brings the day's service to 9 h; at most 8 h count per day (6 h logged already)")), e);
        // Touching intervals do not overlap.
        assertEquals(List.of(), LogChecks.againstDay(draft("2026-11-23T14:00:00+08:00", "2026-11-23T15:00:00+08:00"),
                Optional.of(APPROVED), day, RULES));
    }

    @Test
    void aCommunityWhereTheMemberIsNotApprovedIsRefused() {
        LogDay empty = LogDay.empty("usr_m", LocalDate.of(2026, 11, 23));
        LogDraft elsewhere = new LogDraft("DEMO-E1", "patrol", t("2026-11-23T09:00:00+08:00"), t("2026-11-23T10:00:00+08:00"),
                null, null, null, List.of());
        assertEquals(List.of(new FieldError("community", "you are not an approved volunteer of community DEMO-E1")),
                LogChecks.againstDay(elsewhere, Optional.of(APPROVED), empty, RULES));
        Membership pending = APPROVED.decided(MembershipStatus.PENDING, null, null, null);
        assertEquals("community", LogChecks.againstDay(draft("2026-11-23T09:00:00+08:00", "2026-11-23T10:00:00+08:00"),
                Optional.of(pending), empty, RULES).get(0).field());
        assertEquals("community", LogChecks.againstDay(draft("2026-11-23T09:00:00+08:00", "2026-11-23T10:00:00+08:00"),
                Optional.empty(), empty, RULES).get(0).field());
    }
}
