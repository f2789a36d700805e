package org.linli.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.HashMap;
import java.util.Map;
import org.linli.identity.Principal;
import org.linli.identity.Role;

/** Payload-2.0 HTTP events as API Gateway delivers them after the authorizer, built in code. */
public final class HttpEvents {
    private HttpEvents() {}

    public static APIGatewayV2HTTPEvent of(String routeKey, Map<String, String> pathParameters, String body, Principal caller,
                                           Map<String, String> headers) {
        Map<String, Object> lambda = new HashMap<>();
        lambda.put("userId", caller.userId());
        lambda.put("roles", String.join(",", caller.roles().stream().map(Role::name).toList()));
        lambda.put("scope", String.join(",", caller.scope()));
        lambda.put("exp", String.valueOf(4_000_000_000L));
        Map<String, String> h = new HashMap<>();
        h.put("content-type", "application/json");
        headers.forEach((k, v) -> h.put(k.toLowerCase(java.util.Locale.ROOT), v));
        return APIGatewayV2HTTPEvent.builder()
                .withRouteKey(routeKey)
                .withPathParameters(pathParameters)
                .withHeaders(h)
                .withBody(body)
                .withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId("req-test")
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder().withLambda(lambda).build())
                        .build())
                .build();
    }
}
