package org.linli.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.linli.json.Json;
import org.linli.observability.Log;
import org.linli.privacy.Retention;
import org.linli.wiring.Wiring;

/** Scheduled daily: erases or coarsens the personal data of cases closed longer ago than the retention period (docs/privacy.md). */
public final class RetentionJob implements RequestStreamHandler {
    private final Retention retention;

    public RetentionJob() {
        this(Wiring.current().retention());
    }

    public RetentionJob(Retention retention) {
        this.retention = retention;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        input.readAllBytes(); // the schedule's Input names the task; there is only one
        Retention.Result r = retention.run();
        Log.info("privacy.retention", "from", r.from(), "to", r.to(), "anonymised", r.anonymised(), "skipped", r.skipped());
        output.write(Json.write(Json.object().put("from", r.from().toString()).put("to", r.to().toString())
                .put("anonymised", r.anonymised()).put("skipped", r.skipped())).getBytes(StandardCharsets.UTF_8));
    }
}
