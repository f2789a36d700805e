package org.linli.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.linli.local.Http.await;
import static org.linli.local.Http.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.local.schedule.ScheduledJob;
import org.linli.local.schedule.Scheduler;
import org.linli.local.testfn.ScheduledHandler;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * The test template's schedules: Tick (ScheduleV2, cron 12:00 Asia/Shanghai, Input), Hourly (v1
 * Schedule, rate(1 hour), envelope) and Failing (disabled, 2 retries, DLQ).
 */
class ScheduleIntegrationTest {
    private static LocalCloud cloud;

    @BeforeEach
    void start() {
        cloud = TestClouds.cloud();
    }

    private static long inputs(String marker) {
        return ScheduledHandler.INPUTS.stream().filter(i -> i.contains(marker)).count();
    }

    @Test
    void schedulesAreNamedAndListed() {
        List<String> names = cloud.scheduler().jobs().stream().map(ScheduledJob::name).toList();
        assertEquals(List.of("test-tick", "ScheduledFunction-Hourly", "ScheduledFunction-Failing"), names);
        JsonNode listed = json(Http.get(cloud, "/_local/schedules").body());
        assertEquals(3, listed.size());
        JsonNode tick = listed.get(0);
        assertEquals("test-tick", tick.get("name").asText());
        assertEquals("ScheduleV2", tick.get("type").asText());
        assertEquals("Asia/Shanghai", tick.get("timezone").asText());
        assertEquals("cron(0 12 * * ? *)", tick.get("expression").asText());
        JsonNode failing = listed.get(2);
        assertFalse(failing.get("enabled").asBoolean());
        assertTrue(failing.get("next").isNull(), "disabled schedules never fire by themselves");
        assertEquals("Schedule", listed.get(1).get("type").asText());
        assertEquals("UTC", listed.get(1).get("timezone").asText().replace("Z", "UTC"));
    }

    @Test
    void firedOnDemandByNameEventNameOrFunctionDotEvent() {
        for (String name : List.of("test-tick", "Tick", "ScheduledFunction.Tick")) {
            long before = inputs("\"tick\"");
            Scheduler.Firing f = cloud.fireSchedule(name);
            assertTrue(f.succeeded(), f.toString());
            assertEquals("test-tick", f.scheduleName());
            assertEquals(1, f.attempts());
            assertTrue(json(f.output()).has("done"));
            assertEquals(before + 1, inputs("\"tick\""));
        }
        assertTrue(ScheduledHandler.INPUTS.contains("{\"task\":\"tick\"}"), "ScheduleV2 passes Input as the event");
        assertThrows(IllegalArgumentException.class, () -> cloud.fireSchedule("no-such-schedule"));
    }

    @Test
    void aV1ScheduleWithoutInputGetsTheScheduledEventEnvelope() {
        Scheduler.Firing f = cloud.fireSchedule("Hourly");
        assertTrue(f.succeeded());
        JsonNode envelope = json(ScheduledHandler.INPUTS.stream().filter(i -> i.contains("Scheduled Event")).reduce((a, b) -> b).orElseThrow());
        assertEquals("Scheduled Event", envelope.get("detail-type").asText());
        assertEquals("aws.events", envelope.get("source").asText());
        assertEquals("0", envelope.get("version").asText());
        assertEquals("000000000000", envelope.get("account").asText());
        assertEquals(TestClouds.region(), envelope.get("region").asText());
        assertTrue(envelope.at("/resources/0").asText().endsWith(":rule/ScheduledFunction-Hourly"));
        assertTrue(envelope.get("detail").isObject() && envelope.get("detail").isEmpty());
        assertTrue(envelope.get("time").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
    }

    @Test
    void firingOverHttp() {
        HttpResponse<String> ok = Http.send(Http.request(cloud, "/_local/schedules/test-tick").POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, ok.statusCode());
        JsonNode body = json(ok.body());
        assertTrue(body.get("succeeded").asBoolean());
        assertTrue(body.at("/result/done").isInt());
        HttpResponse<String> missing = Http.send(Http.request(cloud, "/_local/schedules/nope").POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(404, missing.statusCode());
    }

    @Test
    void aFailingScheduleIsRetriedThenDeadLettered() {
        long before = inputs("\"fail\"");
        HttpResponse<String> r = Http.send(Http.request(cloud, "/_local/schedules/ScheduledFunction-Failing")
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(500, r.statusCode());
        JsonNode body = json(r.body());
        assertFalse(body.get("succeeded").asBoolean());
        assertEquals(3, body.get("attempts").asInt(), "1 + MaximumRetryAttempts 2");
        assertTrue(body.get("deadLettered").asBoolean());
        assertEquals("java.io.IOException", body.at("/error/errorType").asText());
        assertEquals(before + 3, inputs("\"fail\""));
        List<Message> dead = cloud.sqs().receiveMessage(q -> q.queueUrl(cloud.queueUrl("ScheduleDLQ")).waitTimeSeconds(2)
                .maxNumberOfMessages(10).messageAttributeNames("All")).messages();
        assertEquals(1, dead.size());
        assertEquals("{\"task\":\"fail\"}", dead.get(0).body());
        Map<String, MessageAttributeValue> a = dead.get(0).messageAttributes();
        assertEquals("java.io.IOException", a.get("ERROR_CODE").stringValue());
        assertEquals("2", a.get("RETRY_ATTEMPTS").stringValue());
        assertTrue(a.get("SCHEDULE_ARN").stringValue().endsWith(":schedule/default/ScheduledFunction-Failing"));
        assertTrue(a.get("TARGET_ARN").stringValue().endsWith(":function:" + TestClouds.STACK + "-ScheduledFunction"));
        cloud.sqs().deleteMessage(q -> q.queueUrl(cloud.queueUrl("ScheduleDLQ")).receiptHandle(dead.get(0).receiptHandle()));
    }

    @Test
    void theClockFiresDueSchedulesOnceAndOnlyEnabledOnes() {
        ScheduledJob tick = cloud.scheduler().find("test-tick");
        Instant due = tick.next();
        assertEquals(Instant.parse("2025-01-01T04:00:00Z"), due, "12:00 in Shanghai");
        long ticks = inputs("\"tick\"");
        long envelopes = inputs("Scheduled Event");
        long fails = inputs("\"fail\"");
        TestClouds.CLOCK.advanceTo(due.minusSeconds(1));
        // Give the scheduler (50 ms tick) time to (wrongly) fire.
        sleep(300);
        assertEquals(ticks, inputs("\"tick\""), "not due yet");
        TestClouds.CLOCK.advanceTo(due);
        await(Duration.ofSeconds(5), "Tick fired by the clock", () -> inputs("\"tick\"") == ticks + 1);
        // Hourly counts from the cloud's start (03:00): due at 04:00 too.
        await(Duration.ofSeconds(5), "Hourly fired by the clock", () -> inputs("Scheduled Event") == envelopes + 1);
        sleep(300);
        assertEquals(ticks + 1, inputs("\"tick\""), "fired once");
        assertEquals(fails, inputs("\"fail\""), "the disabled schedule did not fire");
        assertEquals(Instant.parse("2025-01-02T04:00:00Z"), tick.next());
        assertNull(cloud.scheduler().find("Failing").next());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
