package org.linli.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.junit.jupiter.api.Test;
import org.linli.json.Json;

class ApiFallbackTest {
    private final ApiFallback fallback = new ApiFallback();

    private APIGatewayV2HTTPResponse call(String method, String path) {
        var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(path).build();
        var ctx = APIGatewayV2HTTPEvent.RequestContext.builder().withHttp(http).withRequestId("r1").build();
        return fallback.handleRequest(APIGatewayV2HTTPEvent.builder().withRouteKey("$default").withRawPath(path)
                .withRequestContext(ctx).build(), null);
    }

    @Test
    void anUnknownPathIs404InTheErrorFormat() {
        APIGatewayV2HTTPResponse r = call("GET", "/nowhere");
        assertEquals(404, r.getStatusCode());
        assertEquals("NOT_FOUND", Json.parse(r.getBody()).get("error").get("code").asText());
    }

    @Test
    void aKnownPathWithAnotherMethodIs405WithAllow() {
        APIGatewayV2HTTPResponse r = call("DELETE", "/reports/rpt_01");
        assertEquals(405, r.getStatusCode());
        assertEquals("GET", r.getHeaders().get("Allow"));
        assertEquals("METHOD_NOT_ALLOWED", Json.parse(r.getBody()).get("error").get("code").asText());
        assertEquals("POST", call("GET", "/reports").getHeaders().get("Allow"));
    }
}
