package org.linli.local.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.linli.local.TemplateLocator;
import org.linli.local.template.FunctionEvent;
import org.linli.local.template.StackContext;
import org.linli.local.template.TemplateReader;

class ScheduleExpressionTest {
    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static Instant utc(String localDateTime) {
        return LocalDateTime.parse(localDateTime).toInstant(ZoneOffset.UTC);
    }

    private static Instant in(ZoneId zone, String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    private static Instant next(String expression, ZoneId zone, Instant after) {
        return ScheduleExpression.parse(expression).next(after, zone, after).orElseThrow();
    }

    /** The next n fire times in the zone, as local date-times. */
    private static List<String> fires(String expression, ZoneId zone, String afterLocal, int n) {
        ScheduleExpression e = ScheduleExpression.parse(expression);
        Instant t = LocalDateTime.parse(afterLocal).atZone(zone).toInstant();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            t = e.next(t, zone, t).orElseThrow();
            out.add(LocalDateTime.ofInstant(t, zone).toString());
        }
        return out;
    }

    @Test
    void rateCountsFromTheAnchor() {
        ScheduleExpression five = ScheduleExpression.parse("rate(5 minutes)");
        Instant anchor = utc("2025-01-01T00:00:10");
        assertEquals(utc("2025-01-01T00:05:10"), five.next(anchor, UTC, anchor).orElseThrow());
        assertEquals(utc("2025-01-01T00:10:10"), five.next(utc("2025-01-01T00:05:10"), UTC, anchor).orElseThrow());
        assertEquals(utc("2025-01-01T00:10:10"), five.next(utc("2025-01-01T00:07:00"), UTC, anchor).orElseThrow());
        assertEquals(utc("2025-01-01T01:00:10"), next("rate(1 hour)", UTC, anchor));
        assertEquals(utc("2025-01-03T00:00:10"), ScheduleExpression.parse("rate(2 days)").next(anchor, UTC, anchor).orElseThrow());
        assertEquals(utc("2025-01-01T00:01:10"), ScheduleExpression.parse("rate(1 minute)").next(anchor, UTC, anchor).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"rate(1 minutes)", "rate(5 minute)", "rate(0 minutes)", "rate(5 weeks)", "rate(five minutes)",
            "cron(0 12 * * * *)", "cron(0 12 ? * ? *)", "cron(0 12 * *)", "cron(60 12 * * ? *)", "cron(0 24 * * ? *)",
            "cron(0 12 32 * ? *)", "cron(0 12 ? * 8 *)", "cron(0 12 ? FOO * *)", "cron(0 12 ? * 2#6 *)",
            "at(2025-13-01T00:00:00)", "every 5 minutes",
            // Quartz would take these; EventBridge documents none of them.
            "cron(0 0 12 * * ? *)", "cron(0 12 L-3 * ? *)", "cron(0 12 ? * MON/2 *)", "cron(0 12 ?,1 * MON *)", "cron(0 12 15W,L# * ? *)",
            "cron(0 12 ? * 2#0 *)", "cron(0 12 1 * ? 1969)"})
    void invalidExpressionsAreRejected(String expression) {
        assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.parse(expression));
    }

    @Test
    void cronInUtc() {
        assertEquals(List.of("2025-01-01T12:00", "2025-01-02T12:00"), fires("cron(0 12 * * ? *)", UTC, "2025-01-01T11:59:59", 2));
        assertEquals(List.of("2025-01-01T10:15", "2025-01-01T10:30", "2025-01-01T10:45", "2025-01-01T11:00"),
                fires("cron(0/15 * * * ? *)", UTC, "2025-01-01T10:00", 4), "strictly after the given time");
        assertEquals(List.of("2025-01-06T08:00", "2025-01-07T08:00", "2025-01-10T08:00", "2025-01-13T08:00"),
                fires("cron(0 8 ? * MON-TUE,FRI *)", UTC, "2025-01-04T00:00", 4));
        assertEquals(List.of("2025-03-01T00:00", "2025-06-01T00:00", "2025-09-01T00:00"),
                fires("cron(0 0 1 MAR,JUN,SEP ? *)", UTC, "2025-01-15T00:00", 3));
        assertEquals(List.of("2025-01-01T22:00", "2025-01-01T23:00", "2025-01-02T00:00", "2025-01-02T01:00", "2025-01-02T22:00"),
                fires("cron(0 22-1 * * ? *)", UTC, "2025-01-01T21:00", 5), "hour ranges wrap around midnight");
        assertEquals(List.of("2027-01-01T00:00", "2029-01-01T00:00"), fires("cron(0 0 1 1 ? 2027,2029)", UTC, "2025-06-01T00:00", 2));
        assertEquals(List.of("2026-01-01T00:00", "2028-01-01T00:00"), fires("cron(0 0 1 1 ? */2)", UTC, "2025-06-01T00:00", 2));
        assertEquals(Optional.empty(), ScheduleExpression.parse("cron(0 0 1 1 ? 2020)").next(utc("2025-01-01T00:00:00"), UTC, utc("2025-01-01T00:00:00")));
        assertEquals(Optional.empty(), ScheduleExpression.parse("cron(0 0 30 FEB ? *)").next(utc("2025-01-01T00:00:00"), UTC, utc("2025-01-01T00:00:00")));
    }

    @Test
    void dayOfWeekNumbersStartAtSunday() {
        // 1 = SUN, 7 = SAT; 2025-01-05 is a Sunday.
        assertEquals(List.of("2025-01-05T09:00", "2025-01-11T09:00", "2025-01-12T09:00"), fires("cron(0 9 ? * 1,7 *)", UTC, "2025-01-04T10:00", 3));
        assertEquals(fires("cron(0 9 ? * SUN,SAT *)", UTC, "2025-01-04T10:00", 3), fires("cron(0 9 ? * 1,7 *)", UTC, "2025-01-04T10:00", 3));
    }

    @Test
    void lastDayAndWeekdayWildcards() {
        assertEquals(List.of("2025-01-31T18:00", "2025-02-28T18:00", "2025-03-31T18:00"), fires("cron(0 18 L * ? *)", UTC, "2025-01-15T00:00", 3));
        assertEquals(List.of("2024-02-29T18:00"), fires("cron(0 18 L * ? *)", UTC, "2024-02-15T00:00", 1), "leap year");
        // Last weekday: May 2025 ends on a Saturday (31st) -> Friday 30th; August 2025 ends on a Sunday -> Friday 29th.
        assertEquals(List.of("2025-05-30T00:00"), fires("cron(0 0 LW * ? *)", UTC, "2025-05-01T00:00", 1));
        assertEquals(List.of("2025-08-29T00:00"), fires("cron(0 0 LW * ? *)", UTC, "2025-08-01T00:00", 1));
        // Nearest weekday to the 15th: 2025-03-15 is a Saturday -> Friday 14th; 2025-06-15 a Sunday -> Monday 16th.
        assertEquals(List.of("2025-03-14T00:00"), fires("cron(0 0 15W 3 ? *)", UTC, "2025-03-01T00:00", 1));
        assertEquals(List.of("2025-06-16T00:00"), fires("cron(0 0 15W 6 ? *)", UTC, "2025-06-01T00:00", 1));
        // 1W on a Saturday (2025-02-01) moves forward to Monday the 3rd, never into the previous month.
        assertEquals(List.of("2025-02-03T00:00"), fires("cron(0 0 1W 2 ? *)", UTC, "2025-01-20T00:00", 1));
        // Last Friday (6L) of January 2025 is the 31st; second Tuesday (3#2) of January 2025 is the 14th.
        assertEquals(List.of("2025-01-31T00:00", "2025-02-28T00:00"), fires("cron(0 0 ? * 6L *)", UTC, "2025-01-01T00:00", 2));
        assertEquals(List.of("2025-01-14T00:00", "2025-02-11T00:00"), fires("cron(0 0 ? * 3#2 *)", UTC, "2025-01-01T00:00", 2));
        assertEquals(List.of("2025-01-14T00:00"), fires("cron(0 0 ? * TUE#2 *)", UTC, "2025-01-01T00:00", 1));
    }

    @Test
    void cronRunsOnTheScheduleTimeZone() {
        // Noon in Shanghai (UTC+8, no DST) is 04:00 UTC all year.
        assertEquals(utc("2025-01-01T04:00:00"), next("cron(0 12 * * ? *)", SHANGHAI, utc("2025-01-01T00:00:00")));
        assertEquals(utc("2025-07-01T04:00:00"), next("cron(0 12 * * ? *)", SHANGHAI, utc("2025-07-01T00:00:00")));
        assertEquals(utc("2025-01-02T04:00:00"), next("cron(0 12 * * ? *)", SHANGHAI, utc("2025-01-01T04:00:00")));
        // The day in Shanghai differs from the UTC day: Monday 01:00 in Shanghai is Sunday 17:00 UTC.
        assertEquals(utc("2025-01-05T17:00:00"), next("cron(0 1 ? * MON *)", SHANGHAI, utc("2025-01-04T00:00:00")));
        // New York observes DST: 09:00 is 14:00 UTC in winter, 13:00 UTC in summer.
        assertEquals(utc("2025-01-15T14:00:00"), next("cron(0 9 * * ? *)", NEW_YORK, utc("2025-01-15T00:00:00")));
        assertEquals(utc("2025-07-15T13:00:00"), next("cron(0 9 * * ? *)", NEW_YORK, utc("2025-07-15T00:00:00")));
    }

    /**
     * EventBridge Scheduler: "When the time shifts forward in Spring, your schedule invocation gets
     * skipped if the cron expression falls on a non-existent date and time. When the time shifts
     * back in the Fall, your schedule runs only once."
     */
    @Test
    void daylightSavingTimeSkipsTheGapAndRunsOnceInTheOverlap() {
        // 02:30 does not exist on 2025-03-09 in New York.
        assertEquals(List.of("2025-03-08T02:30", "2025-03-10T02:30"), fires("cron(30 2 * * ? *)", NEW_YORK, "2025-03-08T00:00", 2));
        // 01:30 happens twice on 2025-11-02 (EDT, then EST): one run that day (Quartz takes the EST one;
        // EventBridge's documentation does not say which).
        assertEquals(List.of("2025-11-02T01:30", "2025-11-03T01:30"), fires("cron(30 1 * * ? *)", NEW_YORK, "2025-11-02T00:00", 2));
        // Shanghai has had no DST since 1991: 09:00 there is 01:00 UTC on every day of the year.
        ScheduleExpression daily = ScheduleExpression.parse("cron(0 9 * * ? *)");
        Instant t = in(SHANGHAI, "2025-01-01T00:00");
        for (int day = 0; day < 366; day++) {
            t = daily.next(t, SHANGHAI, t).orElseThrow();
            assertEquals(1, t.atZone(UTC).getHour(), t.toString());
        }
    }

    /** Every schedule of template.yaml, from a fixed instant, in its own time zone (all Asia/Shanghai). */
    @Test
    void theTemplatesOwnSchedules() {
        Map<String, String> secrets = Map.of("linli/token-keys", "{\"kid\":\"k\",\"privateKey\":\"P\",\"publicKey\":\"P\",\"publicKeys\":\"PS\"}");
        List<FunctionEvent.Schedule> schedules = new TemplateReader(StackContext.defaults(), Map.of(),
                n -> Optional.ofNullable(secrets.get(n))).read(TemplateLocator.find()).schedules();
        Map<String, List<String>> expected = Map.of(
                "rate(5 minutes)", List.of("2026-12-31T23:55:30", "2027-01-01T00:00:30", "2027-01-01T00:05:30"),
                "cron(5 0 1 * ? *)", List.of("2027-01-01T00:05", "2027-02-01T00:05", "2027-03-01T00:05"),
                "cron(0 9 * * ? *)", List.of("2027-01-01T09:00", "2027-01-02T09:00", "2027-01-03T09:00"),
                "cron(0 2 * * ? *)", List.of("2027-01-01T02:00", "2027-01-02T02:00", "2027-01-03T02:00"),
                "cron(30 3 * * ? *)", List.of("2027-01-01T03:30", "2027-01-02T03:30", "2027-01-03T03:30"));
        assertEquals(10, schedules.size(), schedules.toString());
        for (FunctionEvent.Schedule s : schedules) {
            assertEquals(SHANGHAI, s.timeZone(), s.name());
            assertTrue(expected.containsKey(s.expression()), s.functionLogicalId() + " " + s.expression() + " has no expectation here");
            assertEquals(expected.get(s.expression()), fires(s.expression(), SHANGHAI, "2026-12-31T23:50:30", 3), s.expression());
        }
    }

    @Test
    void lastDayOfTheMonthInShanghaiIsTheDayBeforeInUtc() {
        // 23:30 on the last day in Shanghai is 15:30 UTC that day; 00:30 on the 1st is 16:30 UTC on the last day before.
        assertEquals(List.of(utc("2025-02-28T15:30:00"), utc("2025-03-31T15:30:00")),
                List.of(next("cron(30 23 L * ? *)", SHANGHAI, utc("2025-02-01T00:00:00")),
                        next("cron(30 23 L * ? *)", SHANGHAI, utc("2025-02-28T15:30:00"))));
        assertEquals(utc("2025-02-28T16:30:00"), next("cron(30 0 1 * ? *)", SHANGHAI, utc("2025-02-15T00:00:00")));
        assertEquals(List.of("2024-02-29T23:30", "2024-03-31T23:30", "2024-04-30T23:30"), fires("cron(30 23 L * ? *)", SHANGHAI, "2024-02-01T00:00", 3));
        // The last weekday of November 2025 in Shanghai: the 30th is a Sunday, so Friday the 28th.
        assertEquals(List.of("2025-11-28T18:00"), fires("cron(0 18 LW * ? *)", SHANGHAI, "2025-11-01T00:00", 1));
    }

    @Test
    void atFiresOnceInItsZone() {
        ScheduleExpression at = ScheduleExpression.parse("at(2025-05-01T09:30:00)");
        assertEquals(utc("2025-05-01T01:30:00"), at.next(utc("2025-01-01T00:00:00"), SHANGHAI, utc("2025-01-01T00:00:00")).orElseThrow());
        assertTrue(at.next(utc("2025-05-01T01:30:00"), SHANGHAI, utc("2025-01-01T00:00:00")).isEmpty());
    }

    @ParameterizedTest
    @CsvSource({
            "cron(0 12 * * ? *), cron",
            "rate(5 minutes), rate",
            "at(2030-01-01T00:00:00), at"})
    void parsesTheThreeKinds(String expression, String kind) {
        ScheduleExpression e = ScheduleExpression.parse(expression);
        String actual = e instanceof ScheduleExpression.Cron ? "cron" : e instanceof ScheduleExpression.Rate ? "rate" : "at";
        assertEquals(kind, actual);
    }
}
