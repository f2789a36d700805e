package org.linli.cycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.linli.notify.Texts;

/** The calendar in Asia/Shanghai: which district has which step on which day, and about which month. */
class CycleConfigTest {
    private static final CycleConfig CHENGQU = CycleConfig.fromClasspath();

    private static CycleConfig config(String districts) {
        return CycleConfig.parse("""
                {"kinds": {"k": {"audience": "STAFF", "title": "t", "body": "{month} {deadline}"}},
                 "calendars": {"c": [
                   {"step": "classify", "day": 20, "deadlineDay": 25, "kinds": ["k"]},
                   {"step": "service-day", "day": 3, "monthOffset": 1, "eventDay": 5, "kinds": ["k"]},
                   {"step": "summarize", "day": 31, "kinds": ["k"]},
                   {"step": "late", "day": 28, "deadlineDay": 2, "kinds": ["k"]}]},
                 "districts": %s}""".formatted(districts));
    }

    @Test
    void aStepIsDueOnItsDayInShanghaiNotInUtc() {
        // 2026-11-19T16:30Z is 00:30 on 20 November in Shanghai; 15:59Z is still the 19th there.
        List<Occurrence> due = CHENGQU.due("classify", Instant.parse("2026-11-19T16:30:00Z"));
        assertEquals(1, due.size());
        Occurrence o = due.get(0);
        assertEquals("DEMO:2026-11:classify", o.cycleId());
        assertEquals(LocalDate.parse("2026-11-20"), o.firedOn());
        assertEquals(LocalDate.parse("2026-11-25"), o.deadline());
        assertEquals(List.of("cycle.classify", "cycle.overdue", "cycle.visits_due"), o.kinds());
        assertEquals(List.of(), CHENGQU.due("classify", Instant.parse("2026-11-19T15:59:00Z")));
        assertEquals(List.of(), CHENGQU.due("classify", Instant.parse("2026-11-20T16:00:00Z")), "the 21st");
    }

    @Test
    void theServiceDayOfDecemberBelongsToNovembersCycle() {
        Occurrence o = CHENGQU.due("service-day", Instant.parse("2026-12-03T01:00:00Z")).get(0);
        assertEquals(YearMonth.of(2026, 11), o.cycleMonth());
        assertEquals("DEMO:2026-11:service-day", o.cycleId());
        assertEquals(LocalDate.parse("2026-12-05"), o.eventDate());
        // January's service day is December's cycle: the month offset crosses the year.
        assertEquals(YearMonth.of(2026, 12), CHENGQU.due("service-day", Instant.parse("2027-01-03T01:00:00Z")).get(0).cycleMonth());
    }

    @Test
    void aDayPastTheMonthsEndIsItsLastDayAndADeadlineBeforeTheDayIsNextMonths() {
        CycleConfig c = config("[{\"code\": \"D\", \"calendar\": \"c\"}]");
        assertEquals(1, c.due("summarize", Instant.parse("2027-02-28T02:00:00Z")).size(), "31 → 28 February");
        assertEquals(1, c.due("summarize", Instant.parse("2028-02-29T02:00:00Z")).size(), "a leap year");
        assertEquals(0, c.due("summarize", Instant.parse("2027-03-28T02:00:00Z")).size());
        assertEquals(LocalDate.parse("2027-04-02"), c.due("late", Instant.parse("2027-03-28T02:00:00Z")).get(0).deadline());
        assertEquals(LocalDate.parse("2027-02-28"), CycleConfig.onOrAfter(LocalDate.parse("2027-02-01"), 31));
    }

    @Test
    void districtsNarrowTheirCalendarBySteps_andByMonths() {
        CycleConfig c = config("[{\"code\": \"A\", \"calendar\": \"c\", \"steps\": [\"classify\"]},"
                + " {\"code\": \"B\", \"calendar\": \"c\", \"months\": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12]}]");
        Instant nov20 = Instant.parse("2026-11-20T01:00:00Z");
        assertEquals(List.of("A:2026-11:classify"), c.due("classify", nov20).stream().map(Occurrence::cycleId).toList(),
                "B skips November");
        assertEquals(List.of("B:2026-11:service-day"), c.due("service-day", Instant.parse("2026-12-03T01:00:00Z")).stream()
                .map(Occurrence::cycleId).toList(), "A does not use the service day; B's December firing is November's cycle");
        assertEquals(Set.of("classify", "late", "service-day", "summarize"), c.stepNames());
    }

    @Test
    void aMalformedCalendarFailsAtStartWithAClearMessage() {
        var unknownKind = assertThrows(IllegalStateException.class, () -> CycleConfig.parse("""
                {"kinds": {}, "calendars": {"c": [{"step": "x", "day": 1, "kinds": ["nope"]}]}, "districts": []}"""));
        assertTrue(unknownKind.getMessage().contains("unknown kind nope"), unknownKind.getMessage());
        var placeholder = assertThrows(IllegalStateException.class, () -> CycleConfig.parse("""
                {"kinds": {"k": {"audience": "MEMBERS", "title": "t", "body": "{count}"}}, "calendars": {}, "districts": []}"""));
        assertTrue(placeholder.getMessage().contains("{count}"), placeholder.getMessage());
        var calendar = assertThrows(IllegalStateException.class, () -> config("[{\"code\": \"D\", \"calendar\": \"nope\"}]"));
        assertTrue(calendar.getMessage().contains("unknown calendar nope"), calendar.getMessage());
        var day = assertThrows(IllegalStateException.class, () -> CycleConfig.parse("""
                {"kinds": {"k": {"audience": "STAFF", "title": "t", "body": "b"}},
                 "calendars": {"c": [{"step": "x", "day": 32, "kinds": ["k"]}]}, "districts": []}"""));
        assertTrue(day.getMessage().contains("1-31"), day.getMessage());
    }

    @Test
    void textsShowDatesAndMonthsTheWayResidentsReadThem() {
        CycleConfig.Kind k = CHENGQU.kind("cycle.classify").orElseThrow();
        assertEquals("本社区有3个微心愿待审核分类，请于2026年11月25日前完成。",
                Texts.render(k.body(), java.util.Map.of("count", "3", "deadline", "2026-11-25", "month", "2026-11")));
        assertEquals("2026年11月", Texts.render("{month}", java.util.Map.of("month", "2026-11")));
        assertEquals("有个", Texts.render("有{count}个", java.util.Map.of()), "a missing value is left out");
    }
}
