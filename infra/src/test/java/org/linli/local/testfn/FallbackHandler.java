package org.linli.local.testfn;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** The $default route, as a stream handler: answers 404 with the raw event JSON as the body. */
public class FallbackHandler implements RequestStreamHandler {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String event = new String(input.readAllBytes(), StandardCharsets.UTF_8);
        ObjectNode response = JSON.createObjectNode();
        response.put("statusCode", 404);
        response.putObject("headers").put("content-type", "application/json");
        response.put("body", event);
        output.write(JSON.writeValueAsBytes(response));
    }
}
