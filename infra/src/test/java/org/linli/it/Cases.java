package org.linli.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.linli.adapters.dynamo.cases.DynamoReportStore;
import org.linli.adapters.sqs.ReportReceivedMessage;
import org.linli.core.Ids;
import org.linli.core.Times;
import org.linli.geo.Datum;
import org.linli.geo.GeoPoint;
import org.linli.json.Json;
import org.linli.local.LocalCloud;
import org.linli.report.Contact;
import org.linli.report.Report;
import org.linli.report.ReportDraft;
import org.linli.report.ReportReceived;
import org.linli.report.Source;
import org.linli.tools.DemoTerritory;
import org.linli.tools.bench.CallCounter;
import org.linli.tools.bench.Events;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Helpers for driving cases through the functions directly (so that CallCounter sees each call):
 * opening a case from a stored report, acting as a demo user, and moving a deadline into the past.
 */
final class Cases {
    private final LocalCloud cloud;

    Cases(LocalCloud cloud) {
        this.cloud = cloud;
    }

    /** A demo user as the authorizer would pass him: handle, roles, scope. */
    record Who(String handle, String roles, String scope) {
        String userId() {
            return DemoTerritory.userId(handle);
        }
    }

    static final Who RESIDENT = new Who("resident", "RESIDENT", "");

    static Who worker(String grid) {
        return new Who("worker-" + grid, "RESIDENT,GRID_WORKER", grid);
    }

    static final Who STREET_W = new Who("street-DEMO-W", "RESIDENT,STREET_STAFF", "DEMO-W");
    static final Who DISTRICT = new Who("district", "RESIDENT,DISTRICT_STAFF", "DEMO");

    static Who department(String code) {
        return new Who("dept-" + code, "RESIDENT,DEPARTMENT_STAFF", code);
    }

    /** A report stored as intake would, assigned synchronously: returns its case id (its own or the one it joined). */
    String open(String category, double lat, double lng, String reporterHandle) {
        var reports = new DynamoReportStore(cloud.dynamo(), cloud.tableName("CasesTable"));
        Instant now = LinliCloud.now();
        Report r = Report.received(Ids.random("rpt", now), DemoTerritory.userId(reporterHandle), new ReportDraft(category, "x",
                new GeoPoint(lat, lng, Datum.GCJ02), null, List.of(), new Contact(null, "13812341234"), false,
                Source.MINI_PROGRAM), now);
        reports.insertNew(r);
        String answer = cloud.invoke("AssignmentFunction", Events.sqs(cloud.queueArn("AssignmentQueue"), "m-" + r.id(),
                ReportReceivedMessage.encode(ReportReceived.of(r))));
        if (Json.parse(answer).path("batchItemFailures").size() > 0) throw new AssertionError(answer);
        return reports.find(r.id()).orElseThrow().caseId();
    }

    /** The function's answer: status and parsed body. */
    record Answer(int status, JsonNode body) {
        String error() {
            return body.path("error").path("code").asText(null);
        }
    }

    Answer act(String caseId, String action, String body, Who who) {
        return act(caseId, action, body, who, UUID.randomUUID().toString());
    }

    Answer act(String caseId, String action, String body, Who who, String requestId) {
        String event = Events.http("POST /cases/{caseId}/actions/{action}", "/cases/" + caseId + "/actions/" + action,
                Map.of("caseId", caseId, "action", action), body, who.userId(), who.roles(), who.scope(),
                Map.of("Idempotency-Key", requestId));
        JsonNode r = Json.parse(cloud.invoke("CasesApiFunction", event));
        return new Answer(r.path("statusCode").asInt(), Json.parse(r.path("body").asText()));
    }

    Answer get(String caseId, Who who) {
        String event = Events.http("GET /cases/{caseId}", "/cases/" + caseId, Map.of("caseId", caseId), null, who.userId(),
                who.roles(), who.scope());
        JsonNode r = Json.parse(cloud.invoke("CasesApiFunction", event));
        return new Answer(r.path("statusCode").asInt(), Json.parse(r.path("body").asText()));
    }

    /**
     * Moves a case's current deadline a minute into the past, in the item and in the index keys
     * that carry it (as if the time had passed), so that the sweep finds it due.
     */
    void backdate(String caseId) {
        Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("CASE#" + caseId), "sk", AttributeValue.fromS("CASE"));
        Map<String, AttributeValue> item = new HashMap<>(cloud.dynamo().getItem(b -> b.tableName(cloud.tableName("CasesTable"))
                .key(key).consistentRead(true)).item());
        String old = item.get("deadline").s();
        String past = Times.stored(LinliCloud.now().minusSeconds(60));
        for (String attr : List.of("deadline", "duesk", "gsi2sk", "gsi4sk")) {
            AttributeValue v = item.get(attr);
            if (v != null && v.s() != null) item.put(attr, AttributeValue.fromS(v.s().replace(old, past)));
        }
        cloud.dynamo().putItem(b -> b.tableName(cloud.tableName("CasesTable")).item(item));
    }
}
