package org.linli.tools.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.UUID;
import org.linli.json.Json;

/** Event JSON as API Gateway and SQS deliver it, for invoking handlers directly through the local cloud. */
public final class Events {
    private Events() {}

    /** A payload-2.0 HTTP event for {@code routeKey}, already authorized as {@code userId} with {@code roles}. */
    public static String http(String routeKey, String path, Map<String, String> pathParameters, String body,
                              String userId, String roles, String scope) {
        return http(routeKey, path, pathParameters, Map.of(), body, userId, roles, scope, Map.of());
    }

    /** The same with extra request headers (lower-cased, as API Gateway delivers them). */
    public static String http(String routeKey, String path, Map<String, String> pathParameters, String body,
                              String userId, String roles, String scope, Map<String, String> extraHeaders) {
        return http(routeKey, path, pathParameters, Map.of(), body, userId, roles, scope, extraHeaders);
    }

    /** As above, with query string parameters. */
    public static String http(String routeKey, String path, Map<String, String> pathParameters, Map<String, String> query,
                              String body, String userId, String roles, String scope) {
        return http(routeKey, path, pathParameters, query, body, userId, roles, scope, Map.of());
    }

    /** The full form: path parameters, query, body, the authorized caller and extra headers. */
    public static String http(String routeKey, String path, Map<String, String> pathParameters, Map<String, String> query,
                              String body, String userId, String roles, String scope, Map<String, String> extraHeaders) {
        String method = routeKey.substring(0, routeKey.indexOf(' '));
        ObjectNode e = Json.object().put("version", "2.0").put("routeKey", routeKey).put("rawPath", path).put("rawQueryString", "");
        if (!query.isEmpty()) {
            ObjectNode q = e.putObject("queryStringParameters");
            query.forEach(q::put);
        }
        ObjectNode headers = e.putObject("headers");
        headers.put("content-type", "application/json");
        extraHeaders.forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v));
        if (!pathParameters.isEmpty()) {
            ObjectNode pp = e.putObject("pathParameters");
            pathParameters.forEach(pp::put);
        }
        ObjectNode rc = e.putObject("requestContext");
        rc.put("accountId", "000000000000").put("apiId", "local").put("requestId", UUID.randomUUID().toString())
                .put("routeKey", routeKey).put("stage", "$default").put("timeEpoch", System.currentTimeMillis());
        rc.putObject("http").put("method", method).put("path", path).put("protocol", "HTTP/1.1")
                .put("sourceIp", "127.0.0.1").put("userAgent", "it");
        if (userId != null) {
            rc.putObject("authorizer").putObject("lambda").put("userId", userId).put("roles", roles).put("scope", scope)
                    .put("exp", System.currentTimeMillis() / 1000 + 600);
        }
        if (body != null) e.put("body", body).put("isBase64Encoded", false);
        else e.put("isBase64Encoded", false);
        return Json.write(e);
    }

    /** An SQS event of one message with {@code body}. */
    public static String sqs(String queueArn, String messageId, String body) {
        ObjectNode e = Json.object();
        ObjectNode r = e.putArray("Records").addObject();
        r.put("messageId", messageId).put("receiptHandle", "local-" + messageId).put("body", body)
                .put("eventSource", "aws:sqs").put("eventSourceARN", queueArn).put("awsRegion", "cn-north-1");
        r.putObject("attributes").put("ApproximateReceiveCount", "1").put("SentTimestamp", Long.toString(System.currentTimeMillis()));
        r.putObject("messageAttributes");
        return Json.write(e);
    }
}
