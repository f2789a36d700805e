package org.linli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.linli.cycle.CycleConfig;
import org.linli.json.Json;
import org.linli.local.TemplateLocator;
import org.linli.local.template.AlarmDef;
import org.linli.local.template.FunctionDef;
import org.linli.local.template.FunctionEvent;
import org.linli.local.template.QueueDef;
import org.linli.local.template.StackContext;
import org.linli.local.template.TemplateModel;
import org.linli.local.template.TemplateReader;

/**
 * The cycle's schedules, queues and alarms in template.yaml, and their agreement with
 * /config/cycle.json: one daily ScheduleV2 per step the calendars name, in Asia/Shanghai, with its
 * retries and dead-letter queue; the real redrive of the notification and dispatch queues.
 */
class CycleTemplateTest {
    private static final TemplateModel MODEL = new TemplateReader(StackContext.defaults(), Map.of(),
            name -> Optional.of("{\"kid\":\"k\",\"privateKey\":\"x\",\"publicKey\":\"y\",\"publicKeys\":\"z\"}")).read(TemplateLocator.find());

    @Test
    void everyStepOfEveryCalendarHasItsDailyScheduleInShanghai() {
        FunctionDef cycle = MODEL.functions().get("CycleFunction");
        Set<String> steps = new TreeSet<>();
        for (FunctionEvent.Schedule s : cycle.events(FunctionEvent.Schedule.class)) {
            assertEquals(FunctionEvent.Schedule.Kind.SCHEDULE_V2, s.kind(), s.name());
            assertEquals(ZoneId.of("Asia/Shanghai"), s.timeZone(), s.name());
            assertTrue(s.expression().matches("cron\\(0 \\d{1,2} \\* \\* \\? \\*\\)"), "daily: the day is configuration - " + s.expression());
            assertEquals(2, s.maximumRetryAttempts(), s.name());
            assertEquals("SchedulesDLQ", s.deadLetterQueueLogicalId(), s.name());
            var input = Json.parse(s.input());
            assertEquals("cycle", input.path("task").asText());
            assertEquals("<aws.scheduler.scheduled-time>", input.path("at").asText(), "retries carry the same scheduled time");
            assertTrue(steps.add(input.path("step").asText()), "one schedule per step: " + input);
        }
        assertEquals(CycleConfig.fromClasspath().stepNames(), steps);
    }

    @Test
    void theQueuesRedriveToAlarmedDeadLetterQueues() {
        QueueDef notifications = MODEL.queue("NotificationQueue");
        assertEquals("NotificationDLQ", notifications.redrive().deadLetterQueueLogicalId());
        assertEquals(8, notifications.redrive().maxReceiveCount());
        assertEquals(6 * MODEL.functions().get("NotificationFunction").timeoutSeconds(), notifications.visibilityTimeout());
        QueueDef dispatch = MODEL.queue("DispatchQueue");
        assertEquals("DispatchDLQ", dispatch.redrive().deadLetterQueueLogicalId());
        assertEquals(6 * MODEL.functions().get("DispatchFunction").timeoutSeconds(), dispatch.visibilityTimeout());
        Set<String> alarmed = Set.copyOf(MODEL.alarms().stream().map(AlarmDef::queueLogicalId).toList());
        assertTrue(alarmed.containsAll(List.of("NotificationDLQ", "DispatchDLQ")), alarmed.toString());

        FunctionEvent.Sqs dispatchEvent = MODEL.functions().get("DispatchFunction").events(FunctionEvent.Sqs.class).get(0);
        assertEquals(1, dispatchEvent.batchSize(), "a message is a community's worth of work");
        assertTrue(dispatchEvent.reportsBatchItemFailures());
        FunctionEvent.Sqs notificationEvent = MODEL.functions().get("NotificationFunction").events(FunctionEvent.Sqs.class).get(0);
        assertEquals(10, notificationEvent.batchSize());
        assertTrue(notificationEvent.reportsBatchItemFailures());
        assertEquals("trial", MODEL.functions().get("NotificationFunction").environment().get("WECHAT_MINIPROGRAM_STATE"),
                "outside prod the messages open the trial version");
    }
}
