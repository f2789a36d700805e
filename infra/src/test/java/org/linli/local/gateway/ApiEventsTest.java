package org.linli.local.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The payload 2.0 event, compared with a golden file and read back the way the Java runtime reads it. */
class ApiEventsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ApiEvents.RequestInfo INFO = new ApiEvents.RequestInfo("abcdefghij", "000000000000", "127.0.0.1",
            "JKJaXmPLvHcESHA=", Instant.parse("2025-03-12T19:03:58.390Z"));

    private static GatewayRequest request(String method, String path, String query, Map<String, List<String>> headers, byte[] body) {
        return new GatewayRequest(method, path, query, headers, body, "127.0.0.1", "HTTP/1.1");
    }

    private static GatewayRequest reportPhotoRequest() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of("application/json; charset=utf-8"));
        headers.put("User-Agent", List.of("curl/8.5.0"));
        headers.put("X-Multi", List.of("one", "two"));
        headers.put("Cookie", List.of("s=1; theme=dark"));
        headers.put("Authorization", List.of("Bearer x"));
        headers.put("Host", List.of("127.0.0.1:3000"));
        headers.put("Content-Length", List.of("7"));
        return request("POST", "/reports/r-1/photos", "tag=a&tag=b&empty=&q=%E4%BD%A0", headers,
                "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode golden(String name) throws IOException {
        try (InputStream in = ApiEventsTest.class.getResourceAsStream("/events/" + name)) {
            return JSON.readTree(in);
        }
    }

    @Test
    void eventMatchesTheGoldenFile() throws IOException {
        ObjectNode authorizer = JSON.createObjectNode();
        authorizer.putObject("lambda").put("user", "u1").put("roles", "RESIDENT");
        ObjectNode event = ApiEvents.httpEvent(reportPhotoRequest(), "POST /reports/{reportId}/photos",
                Map.of("reportId", "r-1"), INFO, authorizer);
        assertEquals(golden("http-api-event.json"), event);
    }

    @Test
    void theLambdaSerializerReadsTheGoldenFile() throws IOException {
        var serializer = LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, getClass().getClassLoader());
        APIGatewayV2HTTPEvent e = serializer.fromJson(golden("http-api-event.json").toString());
        assertEquals("2.0", e.getVersion());
        assertEquals("POST /reports/{reportId}/photos", e.getRouteKey());
        assertEquals("/reports/r-1/photos", e.getRawPath());
        assertEquals(List.of("s=1", "theme=dark"), e.getCookies());
        assertEquals("one,two", e.getHeaders().get("x-multi"));
        assertEquals("a,b", e.getQueryStringParameters().get("tag"));
        assertEquals("你", e.getQueryStringParameters().get("q"));
        assertEquals("r-1", e.getPathParameters().get("reportId"));
        assertNull(e.getStageVariables());
        assertEquals("{\"a\":1}", e.getBody());
        assertFalse(e.getIsBase64Encoded());
        var rc = e.getRequestContext();
        assertEquals("POST", rc.getHttp().getMethod());
        assertEquals("127.0.0.1", rc.getHttp().getSourceIp());
        assertEquals("curl/8.5.0", rc.getHttp().getUserAgent());
        assertEquals("$default", rc.getStage());
        assertEquals("abcdefghij", rc.getApiId());
        assertEquals(1741806238390L, rc.getTimeEpoch());
        assertEquals("u1", rc.getAuthorizer().getLambda().get("user"));
    }

    @Test
    void absentPartsAreLeftOut() {
        ObjectNode e = ApiEvents.httpEvent(request("GET", "/ping", null, Map.of("Host", List.of("h")), null), "$default", Map.of(), INFO, null);
        for (String absent : List.of("cookies", "queryStringParameters", "pathParameters", "body", "stageVariables")) {
            assertFalse(e.has(absent), absent);
        }
        assertFalse(e.get("requestContext").has("authorizer"));
        assertEquals("", e.get("rawQueryString").asText());
        assertEquals("", e.at("/requestContext/http/userAgent").asText());
        assertFalse(e.get("isBase64Encoded").asBoolean());
        assertFalse(e.get("headers").has("cookie"));
    }

    @Test
    void binaryBodiesAreBase64AndTextBodiesAreNot() {
        byte[] bytes = {0, 1, 2, (byte) 255};
        ObjectNode binary = ApiEvents.httpEvent(request("PUT", "/f", "", Map.of("Content-Type", List.of("image/png")), bytes), "$default", Map.of(), INFO, null);
        assertTrue(binary.get("isBase64Encoded").asBoolean());
        assertEquals(Base64.getEncoder().encodeToString(bytes), binary.get("body").asText());
        ObjectNode untyped = ApiEvents.httpEvent(request("PUT", "/f", "", Map.of(), "abc".getBytes(StandardCharsets.UTF_8)), "$default", Map.of(), INFO, null);
        assertTrue(untyped.get("isBase64Encoded").asBoolean(), "no content type: binary");
        for (String type : List.of("text/plain", "application/json", "application/vnd.api+json", "application/xml",
                "text/csv; charset=gbk", "application/x-www-form-urlencoded", "application/javascript")) {
            ObjectNode text = ApiEvents.httpEvent(request("POST", "/f", "", Map.of("Content-Type", List.of(type)), "中文".getBytes(StandardCharsets.UTF_8)), "$default", Map.of(), INFO, null);
            assertFalse(text.get("isBase64Encoded").asBoolean(), type);
            assertEquals("中文", text.get("body").asText(), type);
        }
    }

    @Test
    void authorizerEventReadsAsTheRuntimeTypeAuthorizersUse() {
        GatewayRequest r = reportPhotoRequest();
        String arn = ApiEvents.routeArn("aws-cn", "cn-north-1", INFO, "POST", r.rawPath());
        assertEquals("arn:aws-cn:execute-api:cn-north-1:000000000000:abcdefghij/$default/POST/reports/r-1/photos", arn);
        ObjectNode event = ApiEvents.authorizerEvent(r, "POST /reports/{reportId}/photos", Map.of("reportId", "r-1"), INFO, arn, List.of("Bearer x"));
        assertEquals("REQUEST", event.get("type").asText());
        assertFalse(event.has("body"), "authorizers never see the body");
        var serializer = LambdaEventSerializers.serializerFor(APIGatewayV2CustomAuthorizerEvent.class, getClass().getClassLoader());
        APIGatewayV2CustomAuthorizerEvent e = serializer.fromJson(event.toString());
        assertEquals("2.0", e.getVersion());
        assertEquals(arn, e.getRouteArn());
        assertEquals(List.of("Bearer x"), e.getIdentitySource());
        assertEquals("Bearer x", e.getHeaders().get("authorization"));
        assertEquals("r-1", e.getPathParameters().get("reportId"));
        assertEquals("POST", e.getRequestContext().getHttp().getMethod());
    }
}
