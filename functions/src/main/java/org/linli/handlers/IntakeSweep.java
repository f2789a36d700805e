package org.linli.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.linli.json.Json;
import org.linli.observability.Log;
import org.linli.report.StuckReports;
import org.linli.wiring.Wiring;

/** Scheduled every five minutes: re-enqueues reports left RECEIVED for more than two minutes. */
public final class IntakeSweep implements RequestStreamHandler {
    static final Duration STUCK_AFTER = Duration.ofMinutes(2);
    static final int MAX_PER_RUN = 500;

    private final StuckReports stuck;

    public IntakeSweep() {
        this(Wiring.current().stuckReports());
    }

    public IntakeSweep(StuckReports stuck) {
        this.stuck = stuck;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        input.readAllBytes(); // the schedule's Input names the task; there is only one
        int requeued = stuck.requeue(STUCK_AFTER, MAX_PER_RUN);
        Log.info("intake.sweep", "requeued", requeued);
        output.write(Json.write(Json.object().put("requeued", requeued)).getBytes(StandardCharsets.UTF_8));
    }
}
