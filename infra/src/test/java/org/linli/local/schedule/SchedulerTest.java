package org.linli.local.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.linli.local.MutableClock;
import org.linli.local.lambda.FunctionError;
import org.linli.local.template.FunctionEvent;
import org.linli.local.template.StackContext;

/** The scheduler on a hand-moved clock, calling tick() itself (no thread, no SQS). */
class SchedulerTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    private final List<String> calls = new CopyOnWriteArrayList<>();

    private static FunctionEvent.Schedule schedule(String name, FunctionEvent.Schedule.Kind kind, String expression, ZoneId zone,
                                                   String input, boolean enabled, int retries) {
        return new FunctionEvent.Schedule(name, "Fn", kind, "Fn-" + name, expression, zone, input, enabled, retries, null, null);
    }

    private Scheduler scheduler(List<FunctionEvent.Schedule> schedules, AtomicInteger failuresLeft) {
        return new Scheduler(schedules, (fn, input) -> {
            calls.add(input);
            if (failuresLeft.getAndDecrement() > 0) throw FunctionError.of(fn, new IllegalStateException("flaky"));
            return "{\"ok\":true}";
        }, clock, StackContext.defaults(), null, id -> "unused", Map.of(), 10);
    }

    private void awaitCalls(int n) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5000;
        while (calls.size() < n && System.currentTimeMillis() < deadline) Thread.sleep(10);
        Thread.sleep(50);
    }

    @Test
    void dueSchedulesFireOnceEvenWhenTheClockJumpsPastSeveralPeriods() throws Exception {
        var every5 = schedule("Every5", FunctionEvent.Schedule.Kind.SCHEDULE_V2, "rate(5 minutes)", ZoneOffset.UTC, "{\"n\":5}", true, 0);
        try (Scheduler s = scheduler(List.of(every5), new AtomicInteger())) {
            ScheduledJob job = s.jobs().get(0);
            assertEquals(Instant.parse("2025-01-01T00:05:00Z"), job.next());
            s.tick();
            clock.advance(Duration.ofMinutes(4));
            s.tick();
            Thread.sleep(50);
            assertTrue(calls.isEmpty());
            clock.advance(Duration.ofMinutes(12)); // 00:16: three periods have passed
            s.tick();
            s.tick();
            awaitCalls(1);
            assertEquals(List.of("{\"n\":5}"), calls);
            assertEquals(Instant.parse("2025-01-01T00:20:00Z"), job.next());
        }
    }

    @Test
    void scheduleV2InputGetsTheSchedulersContextAttributes_theSameScheduledTimeOnEveryRetry() {
        var cycle = schedule("Cycle", FunctionEvent.Schedule.Kind.SCHEDULE_V2, "cron(0 9 * * ? *)", ZoneId.of("Asia/Shanghai"),
                "{\"at\":\"<aws.scheduler.scheduled-time>\",\"try\":\"<aws.scheduler.attempt-number>\"}", true, 1);
        try (Scheduler s = scheduler(List.of(cycle), new AtomicInteger(1))) {
            Scheduler.Firing f = s.fire("Fn.Cycle", Instant.parse("2026-11-20T01:00:00.123Z"));
            assertTrue(f.succeeded());
            assertEquals(List.of("{\"at\":\"2026-11-20T01:00:00Z\",\"try\":\"1\"}", "{\"at\":\"2026-11-20T01:00:00Z\",\"try\":\"2\"}"),
                    calls);
        }
    }

    @Test
    void disabledSchedulesOnlyFireByName() throws Exception {
        var off = schedule("Off", FunctionEvent.Schedule.Kind.SCHEDULE_V2, "rate(1 minute)", ZoneOffset.UTC, null, false, 0);
        try (Scheduler s = scheduler(List.of(off), new AtomicInteger())) {
            assertNull(s.jobs().get(0).next());
            clock.advance(Duration.ofHours(1));
            s.tick();
            Thread.sleep(50);
            assertTrue(calls.isEmpty());
            Scheduler.Firing f = s.fire("Fn.Off");
            assertTrue(f.succeeded());
            assertEquals(List.of("{}"), calls, "ScheduleV2 without Input sends {}");
        }
    }

    @Test
    void failuresAreRetriedUpToMaximumRetryAttempts() {
        var flaky = schedule("Flaky", FunctionEvent.Schedule.Kind.SCHEDULE_V2, "rate(1 day)", ZoneOffset.UTC, "{}", true, 2);
        try (Scheduler s = scheduler(List.of(flaky), new AtomicInteger(2))) {
            Scheduler.Firing f = s.fire("Fn-Flaky");
            assertTrue(f.succeeded());
            assertEquals(3, f.attempts());
        }
        calls.clear();
        try (Scheduler s = scheduler(List.of(flaky), new AtomicInteger(5))) {
            Scheduler.Firing f = s.fire("Flaky");
            assertFalse(f.succeeded());
            assertEquals(3, f.attempts());
            assertFalse(f.deadLettered(), "no DeadLetterConfig");
            assertEquals("java.lang.IllegalStateException", org.linli.local.Http.json(f.output()).get("errorType").asText());
        }
    }

    @Test
    void cronSchedulesFollowTheirTimeZone() {
        var noon = schedule("Noon", FunctionEvent.Schedule.Kind.SCHEDULE_V2, "cron(0 12 * * ? *)", ZoneId.of("Asia/Shanghai"), "{}", true, 0);
        var v1 = schedule("Utc", FunctionEvent.Schedule.Kind.SCHEDULE, "cron(0 12 * * ? *)", ZoneOffset.UTC, null, true, 0);
        try (Scheduler s = scheduler(List.of(noon, v1), new AtomicInteger())) {
            assertEquals(Instant.parse("2025-01-01T04:00:00Z"), s.find("Noon").next());
            assertEquals(Instant.parse("2025-01-01T12:00:00Z"), s.find("Utc").next());
        }
    }
}
