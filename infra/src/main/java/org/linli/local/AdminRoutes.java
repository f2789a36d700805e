package org.linli.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.linli.local.gateway.HttpGateway;
import org.linli.local.gateway.LocalResponse;
import org.linli.local.lambda.LocalLog;
import org.linli.local.schedule.ScheduledJob;
import org.linli.local.schedule.Scheduler;
import org.linli.local.template.AlarmDef;
import org.linli.local.template.FunctionEvent;
import org.linli.local.template.QueueDef;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The gateway's built-in {@code /_local/} routes: health, the schedules (list, fire now), the
 * queues with their depths and the would-be state of the template's alarms on them, and the
 * cloud's clock (read it, set it, move it, stop it).
 */
final class AdminRoutes {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private AdminRoutes() {}

    static void register(LocalCloud cloud, HttpGateway gateway) {
        gateway.addLocalRoute("GET", "/_local/health", r -> LocalResponse.json(200, health(cloud)));
        gateway.addLocalRoute("GET", "/_local/schedules", r -> LocalResponse.json(200, schedules(cloud)));
        gateway.addLocalRoute("POST", "/_local/schedules/{name}", r -> fire(cloud, r.pathParameter("name"), r.query("at")));
        gateway.addLocalRoute("GET", "/_local/queues", r -> LocalResponse.json(200, queues(cloud)));
        gateway.addLocalRoute("GET", "/_local/clock", r -> LocalResponse.json(200, clock(cloud.clock())));
        gateway.addLocalRoute("POST", "/_local/clock", r -> moveClock(cloud.clock(), r.query("at"), r.query("advance"), r.query("frozen")));
    }

    private static ObjectNode clock(Clock clock) {
        Instant now = clock.instant();
        ObjectNode out = JSON.createObjectNode();
        out.put("now", now.toString());
        out.put("beijing", now.atZone(BEIJING).toOffsetDateTime().toString());
        boolean local = clock instanceof LocalClock;
        out.put("movable", local);
        out.put("frozen", local && ((LocalClock) clock).frozen());
        out.put("machineTime", local ? ((LocalClock) clock).followsMachine() : clock.equals(Clock.systemUTC()));
        return out;
    }

    /**
     * {@code ?at=2026-12-03T09:00+08:00} sets the time, {@code ?advance=PT5M} (or {@code -PT1H}) moves it,
     * {@code ?frozen=true|false} stops it or lets it tick; combined, in that order. Answers the clock.
     */
    private static LocalResponse moveClock(Clock clock, String at, String advance, String frozen) {
        if (!(clock instanceof LocalClock local)) {
            return LocalResponse.json(409, JSON.createObjectNode().put("message", "this cloud runs on a clock that cannot be moved: " + clock));
        }
        if (at == null && advance == null && frozen == null) {
            return LocalResponse.json(400, JSON.createObjectNode().put("message", "give at=<date-time with offset>, advance=<ISO-8601 duration> or frozen=true|false"));
        }
        Instant when;
        Duration by;
        try {
            when = at == null ? null : OffsetDateTime.parse(at).toInstant();
        } catch (DateTimeParseException e) {
            return LocalResponse.json(400, JSON.createObjectNode().put("message", "at must be a date-time with an offset (2026-12-03T09:00+08:00): " + at));
        }
        try {
            by = advance == null ? null : Duration.parse(advance);
        } catch (DateTimeParseException e) {
            return LocalResponse.json(400, JSON.createObjectNode().put("message", "advance must be an ISO-8601 duration (PT5M, P1D, -PT1H): " + advance));
        }
        if (frozen != null && !frozen.equals("true") && !frozen.equals("false")) {
            return LocalResponse.json(400, JSON.createObjectNode().put("message", "frozen must be true or false: " + frozen));
        }
        if (when != null) local.set(when);
        if (by != null) local.advance(by);
        if (frozen != null) local.freeze(frozen.equals("true"));
        LocalLog.info("clock set to " + local);
        return LocalResponse.json(200, clock(local));
    }

    private static ObjectNode health(LocalCloud cloud) {
        ObjectNode out = JSON.createObjectNode();
        out.put("status", "ok");
        out.put("functionsStarted", cloud.runtime() != null);
        out.put("functions", cloud.model().functions().size());
        out.put("routes", cloud.model().routes().size());
        out.put("queues", cloud.model().queues().size());
        out.put("tables", cloud.model().tables().size());
        out.put("schedules", cloud.model().schedules().size());
        out.put("backend", cloud.backend().description());
        return out;
    }

    private static ArrayNode schedules(LocalCloud cloud) {
        ArrayNode out = JSON.createArrayNode();
        for (ScheduledJob job : cloud.scheduler().jobs()) {
            ObjectNode j = out.addObject();
            j.put("name", job.name());
            j.put("function", job.event().functionLogicalId());
            j.put("event", job.event().name());
            j.put("type", job.event().kind() == FunctionEvent.Schedule.Kind.SCHEDULE_V2 ? "ScheduleV2" : "Schedule");
            j.put("expression", job.event().expression());
            j.put("timezone", job.event().timeZone().getId());
            j.put("enabled", job.event().enabled());
            j.put("next", job.next() == null ? null : job.next().toString());
        }
        return out;
    }

    /** {@code ?at=2026-11-20T09:00:00+08:00}: fire as if scheduled for that time (default: now). */
    private static LocalResponse fire(LocalCloud cloud, String name, String at) {
        try {
            cloud.scheduler().find(name);
        } catch (IllegalArgumentException e) {
            return LocalResponse.json(404, JSON.createObjectNode().put("message", e.getMessage()));
        }
        java.time.Instant when;
        try {
            when = at == null ? null : java.time.OffsetDateTime.parse(at).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return LocalResponse.json(400, JSON.createObjectNode().put("message", "at must be a date-time with an offset: " + at));
        }
        Scheduler.Firing f = when == null ? cloud.fireSchedule(name) : cloud.fireSchedule(name, when);
        ObjectNode out = JSON.createObjectNode();
        out.put("schedule", f.scheduleName());
        out.put("succeeded", f.succeeded());
        out.put("attempts", f.attempts());
        out.set(f.succeeded() ? "result" : "error", parse(f.output()));
        if (!f.succeeded()) out.put("deadLettered", f.deadLettered());
        return LocalResponse.json(f.succeeded() ? 200 : 500, out);
    }

    private static JsonNode parse(String json) {
        try {
            JsonNode n = JSON.readTree(json);
            return n == null ? JSON.nullNode() : n;
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(json);
        }
    }

    private static ObjectNode queues(LocalCloud cloud) {
        ObjectNode out = JSON.createObjectNode();
        ArrayNode queues = out.putArray("queues");
        Map<String, Map<QueueAttributeName, String>> depths = new HashMap<>();
        for (QueueDef q : cloud.model().queues().values()) {
            Map<QueueAttributeName, String> a = cloud.sqs().getQueueAttributes(r -> r.queueUrl(q.url()).attributeNames(
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
            depths.put(q.logicalId(), a);
            ObjectNode n = queues.addObject();
            n.put("logicalId", q.logicalId());
            n.put("name", q.queueName());
            n.put("url", q.url());
            n.put("approximateNumberOfMessages", number(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)));
            n.put("approximateNumberOfMessagesNotVisible", number(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)));
            n.put("approximateNumberOfMessagesDelayed", number(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)));
            n.put("deadLetterQueue", q.redrive() == null ? null : q.redrive().deadLetterQueueLogicalId());
            n.put("maxReceiveCount", q.redrive() == null ? null : q.redrive().maxReceiveCount());
            n.put("isDeadLetterQueue", isDeadLetterQueue(cloud, q.logicalId()));
        }
        ArrayNode alarms = out.putArray("alarms");
        for (AlarmDef alarm : cloud.model().alarms()) {
            Long value = metric(alarm.metricName(), depths.get(alarm.queueLogicalId()));
            ObjectNode a = alarms.addObject();
            a.put("name", alarm.alarmName());
            a.put("logicalId", alarm.logicalId());
            a.put("queue", alarm.queueLogicalId());
            a.put("metric", alarm.metricName());
            a.put("comparison", alarm.comparisonOperator());
            a.put("threshold", alarm.threshold());
            if (value == null) {
                a.putNull("value");
                a.put("state", "INSUFFICIENT_DATA");
            } else {
                a.put("value", value);
                a.put("state", alarm.breaches(value) ? "ALARM" : "OK");
            }
        }
        return out;
    }

    /** A redrive target of another queue or the DeadLetterConfig of a schedule. */
    private static boolean isDeadLetterQueue(LocalCloud cloud, String queue) {
        return cloud.model().queues().values().stream()
                .anyMatch(o -> o.redrive() != null && o.redrive().deadLetterQueueLogicalId().equals(queue))
                || cloud.model().schedules().stream().anyMatch(s -> queue.equals(s.deadLetterQueueLogicalId()));
    }

    /** The queue attribute CloudWatch's SQS metric reflects; null for metrics a depth cannot give. */
    private static Long metric(String metric, Map<QueueAttributeName, String> a) {
        if (a == null) return null;
        QueueAttributeName source = switch (metric) {
            case "ApproximateNumberOfMessagesVisible" -> QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES;
            case "ApproximateNumberOfMessagesNotVisible" -> QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE;
            case "ApproximateNumberOfMessagesDelayed" -> QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED;
            default -> null;
        };
        return source == null ? null : number(a.get(source));
    }

    private static long number(String s) {
        try {
            return s == null ? 0 : Long.parseLong(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static List<String> paths() {
        return List.of("GET /_local/health", "GET /_local/schedules", "POST /_local/schedules/{name}", "GET /_local/queues",
                "GET /_local/clock", "POST /_local/clock");
    }
}
