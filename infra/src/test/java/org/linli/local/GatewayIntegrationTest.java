package org.linli.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.linli.local.Http.get;
import static org.linli.local.Http.json;
import static org.linli.local.Http.request;
import static org.linli.local.Http.send;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.local.gateway.HttpGateway;
import org.linli.local.gateway.LocalResponse;
import org.linli.local.testfn.EchoHandler;
import org.linli.local.testfn.TestAuthorizer;

/** The HTTP API of the test template, driven over HTTP. */
class GatewayIntegrationTest {
    private static LocalCloud cloud;

    @BeforeEach
    void start() {
        cloud = TestClouds.cloud();
    }

    private static String allow(String user) {
        return "Bearer allow:" + user;
    }

    @Test
    void theHandlerSeesPathQueryHeadersCookiesAndAuthorizerContext() {
        HttpResponse<String> r = send(request(cloud, "/echo/a%20b?x=1&x=2&y=&z=%E4%BD%A0").GET()
                .header("Authorization", allow("alice"))
                .header("Cookie", "c1=v1; c2=v2")
                .header("X-Dup", "one").header("X-Dup", "two")
                .build());
        assertEquals(200, r.statusCode(), r.body());
        JsonNode e = json(r.body());
        assertEquals("GET /echo/{id}", e.get("routeKey").asText());
        assertEquals("/echo/a%20b", e.get("rawPath").asText());
        assertEquals("x=1&x=2&y=&z=%E4%BD%A0", e.get("rawQueryString").asText());
        assertEquals("a b", e.at("/pathParameters/id").asText());
        assertEquals("1,2", e.at("/queryStringParameters/x").asText());
        assertEquals("", e.at("/queryStringParameters/y").asText());
        assertEquals("你", e.at("/queryStringParameters/z").asText());
        assertEquals("one,two", e.at("/headers/x-dup").asText());
        assertEquals(allow("alice"), e.at("/headers/authorization").asText());
        assertFalse(e.get("headers").has("cookie"), "cookies move to the cookies field");
        assertEquals(List.of("c1=v1", "c2=v2"), List.of(e.at("/cookies/0").asText(), e.at("/cookies/1").asText()));
        assertEquals("alice", e.at("/authorizer/user").asText());
        assertEquals("RESIDENT", e.at("/authorizer/roles").asText());
        assertEquals("$default", e.get("stage").asText());
        assertEquals("GET", e.get("method").asText());
        assertEquals("127.0.0.1", e.get("sourceIp").asText());
        assertEquals(cloud.model().httpApis().get("TestApi").apiId(), e.get("apiId").asText());
        assertEquals(TestClouds.CLOCK.instant().toEpochMilli(), e.get("timeEpoch").asLong());
        assertEquals(r.headers().firstValue("Apigw-Requestid").orElseThrow(), e.get("requestId").asText());
        assertEquals("test", e.get("env.STAGE").asText());
        assertEquals("test", e.get("stageAtConstruction").asText());
        assertEquals("from-function", e.get("env.SHARED").asText());
        assertEquals("hello from the secret store", e.get("env.GREETING").asText());
        assertEquals("extra-value", e.get("env.EXTRA").asText());
        assertEquals(TestClouds.STACK + "-EchoFunction", e.get("functionName").asText());
        assertEquals(512, e.get("memory").asInt());
        assertTrue(e.get("remainingMillis").asInt() > 9000, "Timeout 10 s from Globals");
    }

    @Test
    void textBodiesArriveAsTextOthersBase64() {
        HttpResponse<String> text = send(request(cloud, "/echo").header("Authorization", allow("bob"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"中\":1}")).build());
        JsonNode t = json(text.body());
        assertEquals("POST /echo", t.get("routeKey").asText());
        assertEquals("{\"中\":1}", t.get("body").asText());
        assertFalse(t.get("isBase64Encoded").asBoolean());

        byte[] bytes = {0, 1, 2, (byte) 0xff, 'x'};
        HttpResponse<String> binary = send(request(cloud, "/echo").header("Authorization", allow("bob"))
                .header("Content-Type", "image/png").POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build());
        JsonNode b = json(binary.body());
        assertTrue(b.get("isBase64Encoded").asBoolean());
        assertArrayEquals(bytes, Base64.getDecoder().decode(b.get("body").asText()));
    }

    @Test
    void withoutTheIdentityHeaderIt401sWithoutAskingTheAuthorizer() {
        int before = TestAuthorizer.INVOCATIONS.get();
        HttpResponse<String> r = get(cloud, "/echo/1");
        assertEquals(401, r.statusCode());
        assertEquals("{\"message\":\"Unauthorized\"}", r.body());
        HttpResponse<String> empty = get(cloud, "/echo/1", "Authorization", "");
        assertEquals(401, empty.statusCode());
        assertEquals(before, TestAuthorizer.INVOCATIONS.get());
    }

    @Test
    void aDenyIs403AndAFailingAuthorizer500() {
        HttpResponse<String> denied = get(cloud, "/echo/1", "Authorization", "Bearer nobody-" + UUID.randomUUID());
        assertEquals(403, denied.statusCode());
        assertEquals("{\"message\":\"Forbidden\"}", denied.body());
        HttpResponse<String> broken = get(cloud, "/echo/1", "Authorization", "Bearer boom");
        assertEquals(500, broken.statusCode());
        assertEquals("{\"message\":\"Internal Server Error\"}", broken.body());
    }

    @Test
    void authorizerAnswersAreCachedForReauthorizeEveryPerIdentity() {
        String token = allow("cache-" + UUID.randomUUID());
        int before = TestAuthorizer.INVOCATIONS.get();
        assertEquals(200, get(cloud, "/echo/1", "Authorization", token).statusCode());
        var event = TestAuthorizer.LAST_EVENT.get();
        assertEquals("REQUEST", event.getType());
        assertEquals(List.of(token), event.getIdentitySource());
        assertEquals("GET /echo/{id}", event.getRouteKey());
        assertTrue(event.getRouteArn().endsWith(cloud.model().httpApis().get("TestApi").apiId() + "/$default/GET/echo/1"), event.getRouteArn());
        assertEquals(200, get(cloud, "/items/9", "Authorization", token).statusCode());
        assertEquals(before + 1, TestAuthorizer.INVOCATIONS.get(), "second request served from the cache");
        TestClouds.CLOCK.advance(Duration.ofSeconds(61));
        assertEquals(200, get(cloud, "/echo/1", "Authorization", token).statusCode());
        assertEquals(before + 2, TestAuthorizer.INVOCATIONS.get(), "ReauthorizeEvery 60 has passed");

        String denied = "Bearer denied-" + UUID.randomUUID();
        int beforeDeny = TestAuthorizer.INVOCATIONS.get();
        assertEquals(403, get(cloud, "/echo/1", "Authorization", denied).statusCode());
        assertEquals(403, get(cloud, "/echo/2", "Authorization", denied).statusCode());
        assertEquals(beforeDeny + 1, TestAuthorizer.INVOCATIONS.get(), "denials are cached too");
    }

    @Test
    void mostSpecificRouteWins() {
        String auth = allow("router");
        assertEquals("GET /items/special", json(get(cloud, "/items/special", "Authorization", auth).body()).get("routeKey").asText());
        assertEquals("GET /items/{id}", json(get(cloud, "/items/42", "Authorization", auth).body()).get("routeKey").asText());
        HttpResponse<String> delete = send(request(cloud, "/items/42").header("Authorization", auth).DELETE().build());
        assertEquals("ANY /items/{id}", json(delete.body()).get("routeKey").asText());
        JsonNode files = json(get(cloud, "/files/a/b/c.txt", "Authorization", auth).body());
        assertEquals("ANY /files/{proxy+}", files.get("routeKey").asText());
        assertEquals("a/b/c.txt", files.at("/pathParameters/proxy").asText());
    }

    @Test
    void unmatchedRequestsGoToTheDefaultRoute() {
        HttpResponse<String> r = get(cloud, "/no/such/route?q=1");
        assertEquals(404, r.statusCode());
        JsonNode event = json(r.body());
        assertEquals("$default", event.get("routeKey").asText());
        assertEquals("$default", event.at("/requestContext/routeKey").asText());
        assertEquals("/no/such/route", event.get("rawPath").asText());
        assertFalse(event.has("pathParameters"));
        assertFalse(event.get("requestContext").has("authorizer"), "the default route has Authorizer NONE");
        HttpResponse<String> wrongMethod = send(request(cloud, "/echo/1").PUT(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(404, wrongMethod.statusCode());
        assertEquals("$default", json(wrongMethod.body()).get("routeKey").asText());
    }

    @Test
    void structuredResponsesMapToStatusHeadersCookiesAndBody() {
        HttpResponse<String> r = get(cloud, "/status/201");
        assertEquals(201, r.statusCode());
        assertEquals("yes", r.headers().firstValue("X-Echo").orElseThrow());
        assertEquals(List.of("a=1; Path=/", "b=2; HttpOnly"), r.headers().allValues("Set-Cookie"));
        assertEquals("GET /status/{code}", json(r.body()).get("routeKey").asText());
        HttpResponse<byte[]> binary = Http.sendForBytes(request(cloud, "/status/200?binary").GET().build());
        assertEquals("application/octet-stream", binary.headers().firstValue("Content-Type").orElseThrow());
        assertArrayEquals(new byte[] {0, 1, 2, (byte) 255}, binary.body());
        HttpResponse<String> noContent = get(cloud, "/status/204");
        assertEquals(204, noContent.statusCode());
        assertEquals("", noContent.body());
    }

    @Test
    void aResultWithoutStatusCodeIsA200JsonBody() {
        HttpResponse<String> r = get(cloud, "/plain");
        assertEquals(200, r.statusCode());
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(json("{\"plain\":true,\"routeKey\":\"GET /plain\"}"), json(r.body()));
    }

    @Test
    void aThrowingHandlerIs500() {
        HttpResponse<String> r = get(cloud, "/boom");
        assertEquals(500, r.statusCode());
        assertEquals("{\"message\":\"Internal Server Error\"}", r.body());
    }

    @Test
    void bodiesOverTenMegabytesAre413() {
        byte[] big = new byte[HttpGateway.MAX_BODY_BYTES + 1];
        HttpResponse<String> r = send(request(cloud, "/public").header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(big)).build());
        assertEquals(413, r.statusCode());
        assertEquals("{\"message\":\"Request Entity Too Large\"}", r.body());
        byte[] fits = new byte[1024];
        assertEquals(200, send(request(cloud, "/public").POST(HttpRequest.BodyPublishers.ofByteArray(fits)).build()).statusCode());
    }

    @Test
    void concurrentRequestsShareAFewHandlerInstances() {
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String path = "/slow/" + i;
            calls.add(CompletableFuture.supplyAsync(() -> get(cloud, path)));
        }
        for (var c : calls) assertEquals(200, c.join().statusCode());
        int instances = cloud.runtime().function("EchoFunction").instanceCount();
        assertTrue(instances >= 1 && instances <= 4, "at most maxInstancesPerFunction (4): " + instances);
        assertTrue(EchoHandler.CONCURRENT_INSTANCES.size() <= 4);
    }

    @Test
    void localRoutes() {
        JsonNode health = json(get(cloud, "/_local/health").body());
        assertEquals("ok", health.get("status").asText());
        assertTrue(health.get("functionsStarted").asBoolean());
        assertEquals(cloud.model().functions().size(), health.get("functions").asInt());

        cloud.addLocalRoute("GET", "/_local/hello/{name}", r -> LocalResponse.json(200,
                "{\"hello\":\"" + r.pathParameter("name") + "\",\"q\":\"" + r.query("q") + "\"}"));
        HttpResponse<String> hello = get(cloud, "/_local/hello/world?q=1");
        assertEquals(200, hello.statusCode());
        assertEquals(json("{\"hello\":\"world\",\"q\":\"1\"}"), json(hello.body()));
        cloud.addLocalRoute("GET", "/_local/fails", r -> {
            throw new IllegalStateException("local route failure");
        });
        assertEquals(500, get(cloud, "/_local/fails").statusCode());
        assertEquals(404, get(cloud, "/_local/nothing-here").statusCode());
        assertThrows(IllegalArgumentException.class, () -> cloud.addLocalRoute("GET", "/hello", r -> LocalResponse.text(200, "x")));
        assertThrows(IllegalArgumentException.class, () -> cloud.addLocalRoute("GET", "/_local/health", r -> LocalResponse.text(200, "x")));
    }

    @Test
    void theStaffConsoleIsServedBesideTheApiWithItsRuntimeConfiguration() {
        assertEquals(cloud.baseUrl().resolve("/console/"), cloud.consoleUrl());
        HttpResponse<String> config = get(cloud, "/console/config.json");
        assertEquals(200, config.statusCode(), config.body());
        JsonNode c = json(config.body());
        assertEquals("", c.get("apiBaseUrl").asText(), "the API on the console's own origin");
        assertFalse(c.get("devLogin").asBoolean(), "no dev login in a cloud without LocalSetup");
        assertTrue(c.get("tiles").isNull());
        assertEquals("no-store", config.headers().firstValue("Cache-Control").orElse(""));
        // The test template has no console built beside it: the page says how to build one, and
        // the path never reaches the template's routes.
        HttpResponse<String> page = get(cloud, "/console/cases/case_1");
        assertEquals(503, page.statusCode());
        assertTrue(page.body().contains("npm run build"), page.body());
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
    }
}
