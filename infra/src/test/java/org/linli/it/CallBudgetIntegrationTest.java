package org.linli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linli.adapters.dynamo.cases.DynamoReportStore;
import org.linli.adapters.sqs.ReportReceivedMessage;
import org.linli.core.Ids;
import org.linli.geo.Datum;
import org.linli.geo.GeoPoint;
import org.linli.json.Json;
import org.linli.local.LocalCloud;
import org.linli.report.Contact;
import org.linli.report.Report;
import org.linli.report.ReportDraft;
import org.linli.report.ReportReceived;
import org.linli.report.Source;
import org.linli.tools.bench.CallCounter;
import org.linli.tools.bench.Events;

/**
 * AWS calls per operation, counted with an SDK ExecutionInterceptor on the real clients. Counts are
 * deterministic, so budgets are asserted (speed is measured by benchmarks, never here).
 */
class CallBudgetIntegrationTest {
    private static LocalCloud cloud;

    @BeforeAll
    static void start() {
        cloud = LinliCloud.get();
        org.linli.tools.bench.Accounts.ensure(cloud, "usr_budget", "RESIDENT", "");
    }

    private static final String REPORT = """
            {"category":"noise","description":"夜间施工","location":{"lat":37.8481,"lng":113.5752,"datum":"GCJ02"},
             "contact":{"phone":"13812341234"}}""";

    /**
     * One write request - a transaction of the conditional put and the reporter's rate-limit
     * counter - and one send. A retry with the same Idempotency-Key gets the first report back
     * from the failed condition (no read) and re-sends nothing once it is assigned; it is not counted.
     */
    @Test
    void intakeIsOneWriteAndOneSendAndARetryIsOneWrite() {
        String key = "budget-" + java.util.UUID.randomUUID();
        String event = Events.http("POST /reports", "/reports", Map.of(), REPORT, "usr_budget", "RESIDENT", "",
                Map.of("Idempotency-Key", key));
        var calls = CallCounter.INSTANCE.count(() -> {
            String answer = cloud.invoke("ReportsApiFunction", event);
            assertEquals(202, Json.parse(answer).path("statusCode").asInt(), answer);
        });
        // and the caller's account, read once before any write (identity.AccountCheck: a revoked role stops at once)
        assertEquals(Map.of("DynamoDb.GetItem", 1, "DynamoDb.TransactWriteItems", 1, "Sqs.SendMessage", 1), calls.byOperation(), calls.toString());
        System.out.println("budget: intake " + calls);
        var retry = CallCounter.INSTANCE.count(() -> {
            String answer = cloud.invoke("ReportsApiFunction", event);
            assertEquals("true", Json.parse(answer).path("headers").path("Idempotent-Replayed").asText(), answer);
        });
        int sends = retry.of("Sqs.SendMessage"); // 1 while the report is still RECEIVED, 0 once assigned
        assertEquals(Map.of("DynamoDb.GetItem", 1, "DynamoDb.TransactWriteItems", 1), retry.byOperation().entrySet().stream()
                .filter(e -> !e.getKey().equals("Sqs.SendMessage"))
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)), retry.toString());
        assertTrue(sends <= 1, retry.toString());
    }

    /** A RECEIVED report stored directly, as intake would have, and its assignment message. */
    private static String stored(String category, double lat, double lng, String messageId) {
        var reports = new DynamoReportStore(cloud.dynamo(), cloud.tableName("CasesTable"));
        Instant now = LinliCloud.now();
        Report r = Report.received(Ids.random("rpt", now), "usr_budget", new ReportDraft(category, "x",
                new GeoPoint(lat, lng, Datum.GCJ02), null, List.of(), new Contact(null, "13812341234"), false,
                Source.MINI_PROGRAM), now);
        reports.insertNew(r);
        return Events.sqs(cloud.queueArn("AssignmentQueue"), messageId, ReportReceivedMessage.encode(ReportReceived.of(r)));
    }

    @Test
    void assignmentIsOneCellReadOneRosterBatchAFewNearbyQueriesOneTransactionAndOneSend() {
        cloud.invoke("AssignmentFunction", stored("sanitation", 37.8431, 113.5852, "m-budget")); // warm: map pointer cached
        String event = stored("sanitation", 37.8431, 113.5892, "m-budget-2"); // ~350 m away: no duplicate
        var calls = CallCounter.INSTANCE.count(() -> cloud.invoke("AssignmentFunction", event));
        int nearby = calls.of("DynamoDb.Query");
        assertTrue(nearby >= 1 && nearby <= 4, calls.toString());
        assertEquals(Map.of("DynamoDb.GetItem", 1, "DynamoDb.BatchGetItem", 1, "DynamoDb.Query", nearby,
                "DynamoDb.TransactWriteItems", 1, "Sqs.SendMessage", 1), calls.byOperation(), calls.toString());
        System.out.println("budget: assignment (open) " + calls);
    }

    @Test
    void aReportJoiningANearbyCaseCostsTheNearbyQueriesOneTransactionAndOneSend() {
        cloud.invoke("AssignmentFunction", stored("leak", 37.8433, 113.5954, "m-budget-3"));
        String event = stored("leak", 37.8434, 113.5955, "m-budget-4"); // ~14 m away: joins
        var calls = CallCounter.INSTANCE.count(() -> cloud.invoke("AssignmentFunction", event));
        int nearby = calls.of("DynamoDb.Query");
        assertTrue(nearby >= 1 && nearby <= 4, calls.toString());
        assertEquals(Map.of("DynamoDb.Query", nearby, "DynamoDb.TransactWriteItems", 1, "Sqs.SendMessage", 1),
                calls.byOperation(), calls.toString());
        System.out.println("budget: assignment (join) " + calls);
    }

    @Test
    void locatingAPointIsOneCellReadAndOneRosterBatchWhateverTheTerritory() {
        String event = Events.http("GET /territory/locate", "/territory/locate", Map.of(),
                Map.of("lat", "37.8481", "lng", "113.5452", "datum", "WGS84"), null, "usr_budget", "RESIDENT", "");
        cloud.invoke("TerritoryApiFunction", event); // warm: the map pointer is cached after the first call
        var calls = CallCounter.INSTANCE.count(() -> {
            String answer = cloud.invoke("TerritoryApiFunction", event);
            assertEquals(200, Json.parse(answer).path("statusCode").asInt(), answer);
        });
        assertEquals(Map.of("DynamoDb.GetItem", 1, "DynamoDb.BatchGetItem", 1), calls.byOperation(), calls.toString());
    }
}
