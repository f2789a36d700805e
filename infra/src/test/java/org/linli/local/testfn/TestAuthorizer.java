package org.linli.local.testfn;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A simple-response authorizer typed as the real one is: {@code Bearer allow:<user>} is authorised
 * with context {user, roles}, {@code Bearer boom} throws, anything else is denied.
 */
public class TestAuthorizer implements RequestHandler<APIGatewayV2CustomAuthorizerEvent, Map<String, Object>> {
    public static final AtomicInteger INVOCATIONS = new AtomicInteger();
    public static final AtomicReference<APIGatewayV2CustomAuthorizerEvent> LAST_EVENT = new AtomicReference<>();

    @Override
    public Map<String, Object> handleRequest(APIGatewayV2CustomAuthorizerEvent event, Context context) {
        INVOCATIONS.incrementAndGet();
        LAST_EVENT.set(event);
        String token = event.getHeaders().getOrDefault("authorization", "");
        if (token.equals("Bearer boom")) throw new IllegalStateException("authorizer exploded");
        Map<String, Object> out = new LinkedHashMap<>();
        if (token.startsWith("Bearer allow:")) {
            out.put("isAuthorized", true);
            out.put("context", Map.of("user", token.substring("Bearer allow:".length()), "roles", "RESIDENT"));
        } else {
            out.put("isAuthorized", false);
        }
        return out;
    }
}
