package org.linli.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.linli.cycle.CyclePlanner;
import org.linli.json.Json;
import org.linli.observability.Log;
import org.linli.wiring.Wiring;

/**
 * Scheduled once a day per cycle step (template.yaml): {@code {"task":"cycle","step":"classify",
 * "at":"<aws.scheduler.scheduled-time>"}}. EventBridge Scheduler fills in the time the firing was
 * scheduled for - the same on its retries - and the step is due or not on that date in
 * Asia/Shanghai, per district, by {@code /config/cycle.json}. When due, one dispatch work item per
 * community goes to the dispatch queue.
 */
public final class CycleSchedule implements RequestStreamHandler {
    private final CyclePlanner planner;
    private final Clock clock;

    public CycleSchedule() {
        this(Wiring.current());
    }

    private CycleSchedule(Wiring w) {
        this(w.cyclePlanner(), w.clock());
    }

    public CycleSchedule(CyclePlanner planner, Clock clock) {
        this.planner = planner;
        this.clock = clock;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode in = Json.parse(new String(input.readAllBytes(), StandardCharsets.UTF_8));
        String step = in.path("step").asText("");
        if (step.isEmpty()) throw new IllegalArgumentException("the schedule's Input names no step");
        Instant at = scheduledTime(in.path("at").asText(""));
        CyclePlanner.Plan plan = planner.plan(step, at);
        Log.info("cycle.planned", "step", step, "at", at, "cycles", plan.cycles().size(), "communities", plan.communities());
        var out = Json.object().put("step", step).put("at", at.toString()).put("communities", plan.communities());
        plan.cycles().forEach(out.putArray("cycles")::add);
        output.write(Json.write(out).getBytes(StandardCharsets.UTF_8));
    }

    /** The firing's scheduled time; now when it is absent or not a time (an Input without the context attribute). */
    private Instant scheduledTime(String at) {
        if (at.isEmpty() || at.startsWith("<")) return clock.instant();
        try {
            return Instant.parse(at);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'at' is not an ISO-8601 instant: " + at);
        }
    }
}
