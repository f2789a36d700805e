package org.linli.local.schedule;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.linli.local.lambda.FunctionError;
import org.linli.local.lambda.Invoker;
import org.linli.local.lambda.LocalLog;
import org.linli.local.template.FunctionEvent;
import org.linli.local.template.StackContext;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Fires the template's Schedule and ScheduleV2 events. A thread looks at the clock every
 * {@code tickMillis} (so a test's clock can be moved and is noticed promptly) and fires due
 * schedules on a small pool. A failed invocation is retried RetryPolicy.MaximumRetryAttempts
 * times, then sent to the DeadLetterConfig queue, if any. Disabled schedules only fire by name.
 */
public final class Scheduler implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter EVENT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    /**
     * The outcome of one firing.
     *
     * @param output the function's result, or Lambda's error document when it failed
     * @param attempts invocations made (1 + retries)
     */
    public record Firing(String scheduleName, boolean succeeded, String output, int attempts, boolean deadLettered) {}

    private final List<ScheduledJob> jobs = new ArrayList<>();
    private final Invoker invoker;
    private final Clock clock;
    private final StackContext context;
    private final SqsClient sqs;
    private final Function<String, String> queueUrls;
    private final Map<String, String> functionArns;
    private final long tickMillis;
    private final ExecutorService pool;
    private Thread ticker;
    private volatile boolean running;

    /**
     * @param queueUrls    queue logical id to URL, for dead-letter queues
     * @param functionArns function logical id to ARN, for dead-letter message attributes
     */
    public Scheduler(List<FunctionEvent.Schedule> schedules, Invoker invoker, Clock clock, StackContext context,
                     SqsClient sqs, Function<String, String> queueUrls, Map<String, String> functionArns, long tickMillis) {
        this.invoker = invoker;
        this.clock = clock;
        this.context = context;
        this.sqs = sqs;
        this.queueUrls = queueUrls;
        this.functionArns = Map.copyOf(functionArns);
        this.tickMillis = tickMillis;
        Instant now = clock.instant();
        for (FunctionEvent.Schedule s : schedules) jobs.add(new ScheduledJob(s, now));
        this.pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "local-scheduler-fire");
            t.setDaemon(true);
            return t;
        });
    }

    public List<ScheduledJob> jobs() {
        return List.copyOf(jobs);
    }

    public synchronized void start() {
        if (running) return;
        running = true;
        ticker = new Thread(this::tickLoop, "local-scheduler");
        ticker.setDaemon(true);
        ticker.start();
    }

    private void tickLoop() {
        while (running) {
            tick();
            try {
                Thread.sleep(tickMillis);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Fires (asynchronously) every enabled schedule that is due now. */
    public void tick() {
        Instant now = clock.instant();
        for (ScheduledJob job : jobs) {
            if (job.takeIfDue(now)) pool.submit(() -> fire(job, now));
        }
    }

    /**
     * Fires a schedule now, synchronously, whether enabled or not. Accepts the schedule name,
     * {@code FunctionLogicalId.EventName}, or the event name alone when only one schedule has it.
     *
     * @throws IllegalArgumentException when no schedule answers to {@code name}
     */
    public Firing fire(String name) {
        return fire(find(name), clock.instant());
    }

    /**
     * Fires a schedule as if it had been scheduled for {@code at}: what a ScheduleV2 Input's
     * {@code <aws.scheduler.scheduled-time>} says (to replay a day's firing, or to test a date).
     */
    public Firing fire(String name, Instant at) {
        return fire(find(name), at);
    }

    public ScheduledJob find(String name) {
        for (ScheduledJob job : jobs) if (job.answersTo(name)) return job;
        List<ScheduledJob> byEvent = jobs.stream().filter(j -> j.event().name().equals(name)).toList();
        if (byEvent.size() == 1) return byEvent.get(0);
        throw new IllegalArgumentException("no schedule named '" + name + "'" + (byEvent.size() > 1 ? " (the event name is ambiguous)" : "")
                + "; there are " + jobs.stream().map(ScheduledJob::name).toList());
    }

    private Firing fire(ScheduledJob job, Instant at) {
        FunctionEvent.Schedule s = job.event();
        String executionId = UUID.randomUUID().toString();
        int attempts = 0;
        FunctionError last = null;
        String input = null;
        for (int i = 0; i <= s.maximumRetryAttempts(); i++) {
            attempts++;
            input = input(s, at, executionId, attempts);
            try {
                String output = invoker.invoke(s.functionLogicalId(), input);
                LocalLog.info("schedule " + job.name() + " -> " + s.functionLogicalId() + " ok");
                return new Firing(job.name(), true, output, attempts, false);
            } catch (FunctionError e) {
                last = e;
                LocalLog.warn("schedule " + job.name() + ": attempt " + attempts + " failed: " + e.getMessage());
            } catch (RuntimeException e) {
                last = FunctionError.of(s.functionLogicalId(), e);
                LocalLog.warn("schedule " + job.name() + ": attempt " + attempts + " failed: " + e);
            }
        }
        boolean deadLettered = s.deadLetterQueueLogicalId() != null && deadLetter(job, input, executionId, last, attempts);
        return new Firing(job.name(), false, last.toJson(), attempts, deadLettered);
    }

    /**
     * ScheduleV2 passes Input (or {}), with EventBridge Scheduler's context attributes filled in
     * ({@code <aws.scheduler.scheduled-time>}, {@code <aws.scheduler.execution-id>},
     * {@code <aws.scheduler.attempt-number>}, {@code <aws.scheduler.schedule-arn>}); a v1 Schedule
     * passes Input or the Scheduled Event envelope.
     */
    private String input(FunctionEvent.Schedule s, Instant at, String executionId, int attempt) {
        if (s.input() != null && s.kind() == FunctionEvent.Schedule.Kind.SCHEDULE_V2) {
            return s.input().replace("<aws.scheduler.scheduled-time>", EVENT_TIME.format(at.truncatedTo(ChronoUnit.SECONDS)))
                    .replace("<aws.scheduler.execution-id>", executionId)
                    .replace("<aws.scheduler.attempt-number>", String.valueOf(attempt))
                    .replace("<aws.scheduler.schedule-arn>", context.arn("scheduler", "schedule/default/" + s.scheduleName()));
        }
        if (s.input() != null) return s.input();
        if (s.kind() == FunctionEvent.Schedule.Kind.SCHEDULE_V2) return "{}";
        ObjectNode e = JSON.createObjectNode();
        e.put("version", "0");
        e.put("id", UUID.randomUUID().toString());
        e.put("detail-type", "Scheduled Event");
        e.put("source", "aws.events");
        e.put("account", context.accountId());
        e.put("time", EVENT_TIME.format(at.truncatedTo(ChronoUnit.SECONDS)));
        e.put("region", context.region());
        e.putArray("resources").add(context.arn("events", "rule/" + s.scheduleName()));
        e.putObject("detail");
        return e.toString();
    }

    /** Sends the undeliverable input to the DLQ with the attributes EventBridge adds. */
    private boolean deadLetter(ScheduledJob job, String input, String executionId, FunctionError error, int attempts) {
        FunctionEvent.Schedule s = job.event();
        try {
            boolean v2 = s.kind() == FunctionEvent.Schedule.Kind.SCHEDULE_V2;
            Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
            attributes.put("ERROR_CODE", string(error.errorType()));
            attributes.put("ERROR_MESSAGE", string(error.errorMessage()));
            attributes.put("RETRY_ATTEMPTS", number(attempts - 1));
            attributes.put("TARGET_ARN", string(functionArns.getOrDefault(s.functionLogicalId(), s.functionLogicalId())));
            if (v2) {
                attributes.put("SCHEDULE_ARN", string(context.arn("scheduler", "schedule/default/" + s.scheduleName())));
                attributes.put("EXECUTION_ID", string(executionId));
            } else {
                attributes.put("RULE_ARN", string(context.arn("events", "rule/" + s.scheduleName())));
            }
            String url = queueUrls.apply(s.deadLetterQueueLogicalId());
            sqs.sendMessage(r -> r.queueUrl(url).messageBody(input).messageAttributes(attributes));
            LocalLog.warn("schedule " + job.name() + " gave up after " + attempts + " attempt(s); input sent to " + s.deadLetterQueueLogicalId());
            return true;
        } catch (RuntimeException e) {
            LocalLog.error("schedule " + job.name() + ": could not send to the dead-letter queue: " + e);
            return false;
        }
    }

    private static MessageAttributeValue string(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value == null || value.isEmpty() ? "-" : value).build();
    }

    private static MessageAttributeValue number(int value) {
        return MessageAttributeValue.builder().dataType("Number").stringValue(String.valueOf(value)).build();
    }

    @Override
    public void close() {
        synchronized (this) {
            running = false;
            if (ticker != null) ticker.interrupt();
        }
        pool.shutdown();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pool.shutdownNow();
    }
}
