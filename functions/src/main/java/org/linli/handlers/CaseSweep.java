package org.linli.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.linli.cases.OverdueSweep;
import org.linli.json.Json;
import org.linli.observability.Log;
import org.linli.wiring.Wiring;

/** Scheduled every five minutes: escalates overdue cases, flags late ones at the top, closes unconfirmed ones. */
public final class CaseSweep implements RequestStreamHandler {
    static final int MAX_PER_RUN = 200;

    private final OverdueSweep sweep;

    public CaseSweep() {
        this(Wiring.current().overdueSweep());
    }

    public CaseSweep(OverdueSweep sweep) {
        this.sweep = sweep;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        input.readAllBytes(); // the schedule's Input names the task; there is only one
        OverdueSweep.Result r = sweep.run(MAX_PER_RUN);
        Log.info("case.sweep", "due", r.due(), "escalated", r.escalated(), "closed", r.closed(), "flagged", r.flagged(),
                "skipped", r.skipped());
        output.write(Json.write(Json.object().put("due", r.due()).put("escalated", r.escalated()).put("closed", r.closed())
                .put("flagged", r.flagged()).put("skipped", r.skipped())).getBytes(StandardCharsets.UTF_8));
    }
}
