package org.linli.local.testfn;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentLinkedQueue;

/** A scheduled stream handler: records each input; an input containing "fail" throws. */
public class ScheduledHandler implements RequestStreamHandler {
    public static final ConcurrentLinkedQueue<String> INPUTS = new ConcurrentLinkedQueue<>();

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String event = new String(input.readAllBytes(), StandardCharsets.UTF_8);
        INPUTS.add(event);
        if (event.contains("fail")) throw new IOException("scheduled job failed on purpose");
        output.write(("{\"done\":" + INPUTS.size() + "}").getBytes(StandardCharsets.UTF_8));
    }
}
