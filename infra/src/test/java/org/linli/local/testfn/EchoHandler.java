package org.linli.local.testfn;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.linli.config.Env;

/**
 * An HTTP handler typed as the real ones are (APIGatewayV2HTTPEvent in, APIGatewayV2HTTPResponse
 * out). It answers with what it received; {@code /status/{code}} answers a structured response
 * with that status, a cookie and (with {@code ?binary}) a base64 body; {@code /boom} throws;
 * {@code /plain} returns a response without statusCode.
 */
public class EchoHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final AtomicInteger CONSTRUCTED = new AtomicInteger();
    public static final Set<Integer> CONCURRENT_INSTANCES = ConcurrentHashMap.newKeySet();

    private final String stageAtConstruction;

    public EchoHandler() {
        CONSTRUCTED.incrementAndGet();
        // Env.scoped must already be in place while the constructor runs.
        stageAtConstruction = Env.require("STAGE");
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String path = event.getRawPath();
        if (path.equals("/boom")) throw new IllegalStateException("boom on purpose");
        if (path.startsWith("/slow")) {
            CONCURRENT_INSTANCES.add(System.identityHashCode(this));
            sleep(300);
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("routeKey", event.getRouteKey());
        body.put("rawPath", path);
        body.put("rawQueryString", event.getRawQueryString());
        body.set("pathParameters", JSON.valueToTree(event.getPathParameters()));
        body.set("queryStringParameters", JSON.valueToTree(event.getQueryStringParameters()));
        body.set("headers", JSON.valueToTree(event.getHeaders()));
        body.set("cookies", JSON.valueToTree(event.getCookies()));
        body.put("body", event.getBody());
        body.put("isBase64Encoded", event.getIsBase64Encoded());
        var rc = event.getRequestContext();
        body.put("method", rc.getHttp().getMethod());
        body.put("sourceIp", rc.getHttp().getSourceIp());
        body.put("stage", rc.getStage());
        body.put("requestId", rc.getRequestId());
        body.put("apiId", rc.getApiId());
        body.put("accountId", rc.getAccountId());
        body.put("timeEpoch", rc.getTimeEpoch());
        body.set("authorizer", rc.getAuthorizer() == null || rc.getAuthorizer().getLambda() == null ? null
                : JSON.valueToTree(rc.getAuthorizer().getLambda()));
        body.put("functionName", context.getFunctionName());
        body.put("memory", context.getMemoryLimitInMB());
        body.put("remainingMillis", context.getRemainingTimeInMillis());
        body.put("stageAtConstruction", stageAtConstruction);
        for (String name : List.of("STAGE", "SHARED", "GREETING", "ITEMS_TABLE", "WORK_QUEUE_URL", "AWS_REGION",
                "AWS_LAMBDA_FUNCTION_NAME", "LINLI_ENDPOINT_DYNAMODB", "EXTRA")) {
            body.put("env." + name, Env.get(name).orElse(null));
        }
        context.getLogger().log("echo " + event.getRouteKey());
        if (path.startsWith("/status/")) {
            int status = Integer.parseInt(event.getPathParameters().get("code"));
            boolean binary = event.getQueryStringParameters() != null && event.getQueryStringParameters().containsKey("binary");
            return APIGatewayV2HTTPResponse.builder().withStatusCode(status)
                    .withHeaders(Map.of("Content-Type", binary ? "application/octet-stream" : "application/json", "X-Echo", "yes"))
                    .withCookies(List.of("a=1; Path=/", "b=2; HttpOnly"))
                    .withBody(binary ? Base64.getEncoder().encodeToString(new byte[] {0, 1, 2, (byte) 255}) : body.toString())
                    .withIsBase64Encoded(binary)
                    .build();
        }
        return APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                .withHeaders(Map.of("Content-Type", "application/json")).withBody(body.toString()).build();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
