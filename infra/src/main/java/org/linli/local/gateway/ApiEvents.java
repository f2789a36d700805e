package org.linli.local.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON API Gateway sends to Lambda for an HTTP API with payload format 2.0, and the
 * REQUEST-type authorizer event of format 2.0. Absent parts are left out, as API Gateway does:
 * no {@code cookies}, {@code queryStringParameters}, {@code pathParameters} or {@code body} when
 * there are none; {@code stageVariables} never (the local API has no stage variables).
 */
public final class ApiEvents {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /** What identifies one request: the API, the account, API Gateway's request id and the arrival time. */
    public record RequestInfo(String apiId, String accountId, String domainName, String requestId, Instant time) {}

    private ApiEvents() {}

    /** @param authorizer the value of {@code requestContext.authorizer}, or null for routes without one */
    public static ObjectNode httpEvent(GatewayRequest request, String routeKey, Map<String, String> pathParameters,
                                       RequestInfo info, JsonNode authorizer) {
        ObjectNode e = JSON.createObjectNode();
        e.put("version", "2.0");
        e.put("routeKey", routeKey);
        common(e, request);
        ObjectNode context = requestContext(request, routeKey, info);
        if (authorizer != null) context.set("authorizer", authorizer);
        e.set("requestContext", context);
        if (!pathParameters.isEmpty()) e.set("pathParameters", JSON.valueToTree(pathParameters));
        if (request.body().length > 0) {
            boolean text = request.hasTextBody();
            e.put("body", text ? new String(request.body(), StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(request.body()));
            e.put("isBase64Encoded", !text);
        } else {
            e.put("isBase64Encoded", false);
        }
        return e;
    }

    public static ObjectNode authorizerEvent(GatewayRequest request, String routeKey, Map<String, String> pathParameters,
                                             RequestInfo info, String routeArn, List<String> identitySource) {
        ObjectNode e = JSON.createObjectNode();
        e.put("version", "2.0");
        e.put("type", "REQUEST");
        e.put("routeArn", routeArn);
        e.set("identitySource", JSON.valueToTree(identitySource));
        e.put("routeKey", routeKey);
        common(e, request);
        e.set("requestContext", requestContext(request, routeKey, info));
        if (!pathParameters.isEmpty()) e.set("pathParameters", JSON.valueToTree(pathParameters));
        return e;
    }

    private static void common(ObjectNode e, GatewayRequest request) {
        e.put("rawPath", request.rawPath());
        e.put("rawQueryString", request.rawQuery());
        List<String> cookies = request.cookies();
        if (!cookies.isEmpty()) e.set("cookies", JSON.valueToTree(cookies));
        Map<String, String> headers = request.eventHeaders();
        // API Gateway tells the function how the client called it; the local gateway serves plain HTTP.
        headers.putIfAbsent("x-forwarded-proto", "http");
        String host = headers.get("host");
        if (host != null && host.lastIndexOf(':') > host.lastIndexOf(']')) headers.putIfAbsent("x-forwarded-port", host.substring(host.lastIndexOf(':') + 1));
        e.set("headers", JSON.valueToTree(headers));
        Map<String, String> query = request.queryParameters();
        if (!query.isEmpty()) e.set("queryStringParameters", JSON.valueToTree(query));
    }

    private static ObjectNode requestContext(GatewayRequest request, String routeKey, RequestInfo info) {
        ObjectNode c = JSON.createObjectNode();
        c.put("accountId", info.accountId());
        c.put("apiId", info.apiId());
        c.put("domainName", info.domainName());
        int dot = info.domainName().indexOf('.');
        c.put("domainPrefix", dot < 0 ? info.domainName() : info.domainName().substring(0, dot));
        ObjectNode http = c.putObject("http");
        http.put("method", request.method());
        http.put("path", request.rawPath());
        http.put("protocol", request.protocol());
        http.put("sourceIp", request.sourceIp());
        String agent = request.header("user-agent");
        http.put("userAgent", agent == null ? "" : agent);
        c.put("requestId", info.requestId());
        c.put("routeKey", routeKey);
        c.put("stage", "$default");
        c.put("time", TIME.format(info.time()));
        c.put("timeEpoch", info.time().toEpochMilli());
        return c;
    }

    /** The execute-api ARN of a request, as authorizers see it in {@code routeArn}. */
    public static String routeArn(String partition, String region, RequestInfo info, String method, String rawPath) {
        return "arn:" + partition + ":execute-api:" + region + ":" + info.accountId() + ":" + info.apiId()
                + "/$default/" + method + rawPath;
    }
}
