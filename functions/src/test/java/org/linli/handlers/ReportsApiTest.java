package org.linli.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linli.categories.Categories;
import org.linli.json.Json;
import org.linli.cases.Case;
import org.linli.testing.CaseWorld;
import org.linli.testing.Events;
import org.linli.testing.InMemoryCasesTable;
import org.linli.testing.MutableClock;
import org.linli.testing.InMemoryPhotos;
import org.linli.testing.RecordingQueue;

/**
 * The HTTP edge through a real handler and real event fixtures: status codes, the one error
 * format, idempotency, and that nothing is stored for a refused request.
 */
class ReportsApiTest {
    private final InMemoryCasesTable table = new InMemoryCasesTable();
    private final RecordingQueue queue = new RecordingQueue();
    private final InMemoryPhotos photos = photos();
    private final ReportsApi api = new ReportsApi(table.reportStore, table.caseStore, queue, Categories.fromClasspath(),
            new MutableClock(Instant.parse("2026-11-23T02:00:00Z")), photos.refs(new MutableClock(Instant.parse("2026-11-23T02:00:00Z"))));

    /** The event fixture's photo, uploaded and checked. */
    private static InMemoryPhotos photos() {
        InMemoryPhotos p = new InMemoryPhotos();
        p.validated("uploads/2026/11/a.jpg", "usr_resident");
        return p;
    }

    private static APIGatewayV2HTTPEvent create() {
        return Events.load("create-report.json", APIGatewayV2HTTPEvent.class);
    }

    private static JsonNode error(APIGatewayV2HTTPResponse r) {
        JsonNode e = Json.parse(r.getBody()).get("error");
        assertTrue(e.get("code").isTextual() && e.get("message").isTextual() && e.get("fields").isArray(), r.getBody());
        return e;
    }

    @Test
    void aReportIsAcceptedWith202AndItsId() {
        APIGatewayV2HTTPResponse r = api.handleRequest(create(), null);
        assertEquals(202, r.getStatusCode());
        JsonNode body = Json.parse(r.getBody());
        assertEquals("RECEIVED", body.get("status").asText());
        assertTrue(body.get("reportId").asText().startsWith("rpt_"));
        assertEquals("/reports/" + body.get("reportId").asText(), r.getHeaders().get("Location"));
        assertEquals(1, table.reports.size());
        assertEquals(1, queue.sent.size());
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheSameReport() {
        String first = Json.parse(api.handleRequest(create(), null).getBody()).get("reportId").asText();
        APIGatewayV2HTTPResponse again = api.handleRequest(create(), null);
        assertEquals(202, again.getStatusCode());
        assertEquals(first, Json.parse(again.getBody()).get("reportId").asText());
        assertEquals("true", again.getHeaders().get("Idempotent-Replayed"));
        assertEquals(1, table.reports.size());
    }

    /** Issue 13 defect 6: a retry after assignment answered the report's internal status CASED, which the API documents nowhere. */
    @Test
    void aRetryAfterAssignmentShowsTheCasesStatusNotTheInternalOne() {
        CaseWorld world = new CaseWorld();
        ReportsApi withCases = new ReportsApi(world.table.reportStore, world.table.caseStore, world.queue, world.categories, world.clock,
                photos.refs(world.clock));
        String first = Json.parse(withCases.handleRequest(create(), null).getBody()).get("reportId").asText();
        Case c = world.assignment.assign(world.queue.sent.get(0)).c();
        assertEquals(org.linli.report.ReportStatus.CASED, world.table.reportStore.find(first).orElseThrow().status());
        APIGatewayV2HTTPResponse again = withCases.handleRequest(create(), null);
        assertEquals(202, again.getStatusCode());
        assertEquals("true", again.getHeaders().get("Idempotent-Replayed"));
        JsonNode body = Json.parse(again.getBody());
        assertEquals(first, body.get("reportId").asText());
        assertEquals(c.status().name(), body.get("status").asText(), "the case's status, as GET /reports/{id} shows it");
    }

    @Test
    void malformedJsonIs400InTheErrorFormatAndStoresNothing() {
        APIGatewayV2HTTPEvent e = create();
        e.setBody("{\"category\": \"sanitation\",");
        APIGatewayV2HTTPResponse r = api.handleRequest(e, null);
        assertEquals(400, r.getStatusCode());
        assertEquals("INVALID_JSON", error(r).get("code").asText());
        assertTrue(table.reports.isEmpty());
        assertTrue(queue.sent.isEmpty());
    }

    @Test
    void invalidFieldsAre400WithOneMessagePerField() {
        APIGatewayV2HTTPEvent e = create();
        e.setBody("{\"category\":\"nope\",\"description\":\"x\",\"location\":{\"lat\":100,\"lng\":113,\"datum\":\"GCJ02\"},\"contact\":{\"phone\":\"1\"}}");
        JsonNode err = error(api.handleRequest(e, null));
        assertEquals("VALIDATION_FAILED", err.get("code").asText());
        assertEquals(3, err.get("fields").size(), err.toString());
        assertTrue(table.reports.isEmpty());
    }

    @Test
    void aNonJsonBodyIs415() {
        APIGatewayV2HTTPEvent e = create();
        e.getHeaders().put("content-type", "text/plain");
        APIGatewayV2HTTPResponse r = api.handleRequest(e, null);
        assertEquals(415, r.getStatusCode());
        assertEquals("UNSUPPORTED_MEDIA_TYPE", error(r).get("code").asText());
        e.getHeaders().put("content-type", "application/json; charset=gbk");
        assertEquals(415, api.handleRequest(e, null).getStatusCode());
    }

    @Test
    void aBodyOverTheLimitIs413() {
        APIGatewayV2HTTPEvent e = create();
        e.setBody("{\"description\":\"" + "x".repeat(70_000) + "\"}");
        APIGatewayV2HTTPResponse r = api.handleRequest(e, null);
        assertEquals(413, r.getStatusCode());
        assertEquals("PAYLOAD_TOO_LARGE", error(r).get("code").asText());
    }

    @Test
    void invalidUtf8InABase64BodyIs400() {
        APIGatewayV2HTTPEvent e = create();
        byte[] bytes = "{\"description\":\"\u00ff\"}".getBytes(StandardCharsets.ISO_8859_1);
        e.setBody(Base64.getEncoder().encodeToString(bytes));
        e.setIsBase64Encoded(true);
        APIGatewayV2HTTPResponse r = api.handleRequest(e, null);
        assertEquals(400, r.getStatusCode());
        assertEquals("INVALID_ENCODING", error(r).get("code").asText());
    }

    @Test
    void deepNestingIs400NotAStackOverflow() {
        APIGatewayV2HTTPEvent e = create();
        e.setBody("[".repeat(5000) + "]".repeat(5000));
        assertEquals(400, api.handleRequest(e, null).getStatusCode());
    }

    @Test
    void aMissingOrBadTokenIs401() {
        APIGatewayV2HTTPEvent e = create();
        e.getRequestContext().setAuthorizer(null);
        assertEquals(401, api.handleRequest(e, null).getStatusCode());
        APIGatewayV2HTTPEvent bad = create();
        Map<String, Object> ctx = new HashMap<>();
        ctx.put("authError", "TOKEN_EXPIRED");
        bad.getRequestContext().getAuthorizer().setLambda(ctx);
        APIGatewayV2HTTPResponse r = api.handleRequest(bad, null);
        assertEquals(401, r.getStatusCode());
        assertEquals("TOKEN_EXPIRED", error(r).get("code").asText());
        assertTrue(table.reports.isEmpty());
    }

    @Test
    void aResidentMayNotClaimAHotlineSource() {
        APIGatewayV2HTTPEvent e = create();
        e.setBody(e.getBody().replace("{\"category\"", "{\"source\":\"HOTLINE_12345\",\"category\""));
        assertEquals(403, api.handleRequest(e, null).getStatusCode());
        assertTrue(table.reports.isEmpty());
    }

    @Test
    void aBadIdempotencyKeyIs400() {
        APIGatewayV2HTTPEvent e = create();
        e.getHeaders().put("idempotency-key", "spaces are not allowed");
        JsonNode err = error(api.handleRequest(e, null));
        assertEquals("Idempotency-Key", err.get("fields").get(0).get("field").asText());
    }

    @Test
    void anotherResidentCannotSeeAReportAndItsOwnerCan() {
        String id = Json.parse(api.handleRequest(create(), null).getBody()).get("reportId").asText();
        String fixture = Events.read("get-report.json").replace("REPORT_ID", id);
        APIGatewayV2HTTPResponse mine = api.handleRequest(Events.parse(fixture, APIGatewayV2HTTPEvent.class), null);
        assertEquals(200, mine.getStatusCode());
        assertEquals("13812341234", Json.parse(mine.getBody()).get("contact").get("phone").asText());
        APIGatewayV2HTTPResponse theirs = api.handleRequest(
                Events.parse(fixture.replace("usr_resident", "usr_neighbour"), APIGatewayV2HTTPEvent.class), null);
        assertEquals(404, theirs.getStatusCode());
        assertEquals(404, api.handleRequest(Events.parse(
                Events.read("get-report.json").replace("REPORT_ID", "rpt_nonsense"), APIGatewayV2HTTPEvent.class), null).getStatusCode());
    }

    @Test
    void anUnexpectedFailureIs500WithoutDetails() {
        ReportsApi broken = new ReportsApi(table.reportStore, table.caseStore, new org.linli.report.AssignmentQueue() {
            public void enqueue(org.linli.report.ReportReceived m) { throw new IllegalStateException("secret detail"); }
            public int enqueueAll(java.util.List<org.linli.report.ReportReceived> m) { return 0; }
        }, Categories.fromClasspath(), new MutableClock(Instant.now()), photos.refs(new MutableClock(Instant.now())));
        APIGatewayV2HTTPResponse r = broken.handleRequest(create(), null);
        assertEquals(500, r.getStatusCode());
        assertEquals("INTERNAL", error(r).get("code").asText());
        assertTrue(!r.getBody().contains("secret detail"));
    }

    @Test
    void overTheRateLimitIs429WithRetryAfterAndStoresNothingButARetryStillAnswers() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T02:59:00Z"));
        ReportsApi limited = new ReportsApi(table.reportStore, table.caseStore, queue, Categories.fromClasspath(), clock,
                org.linli.core.RateLimit.parse("reports", "2/PT1H"), org.linli.core.RateLimit.parse("reports", "5/PT1H"),
                photos.refs(clock));
        APIGatewayV2HTTPEvent keyed = create(); // carries an Idempotency-Key
        assertEquals(202, limited.handleRequest(keyed, null).getStatusCode());
        APIGatewayV2HTTPEvent other = create();
        other.getHeaders().remove("idempotency-key");
        assertEquals(202, limited.handleRequest(other, null).getStatusCode());
        APIGatewayV2HTTPResponse third = limited.handleRequest(other, null);
        assertEquals(429, third.getStatusCode(), third.getBody());
        assertEquals("TOO_MANY_REQUESTS", error(third).get("code").asText());
        assertEquals("60", third.getHeaders().get("Retry-After"));
        assertEquals(2, table.reports.size());
        APIGatewayV2HTTPResponse retry = limited.handleRequest(create(), null);
        assertEquals(202, retry.getStatusCode(), "a retry of a stored report is neither counted nor refused");
        assertEquals("true", retry.getHeaders().get("Idempotent-Replayed"));
        clock.advance(java.time.Duration.ofMinutes(1));
        assertEquals(202, limited.handleRequest(other, null).getStatusCode(), "a new window");
    }
}
