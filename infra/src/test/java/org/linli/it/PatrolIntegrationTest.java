package org.linli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linli.kpi.CaseFacts;
import org.linli.local.LocalCloud;
import org.linli.tools.DemoTerritory;
import org.linli.tools.bench.CallCounter;
import org.linli.tools.bench.Events;

/**
 * Patrols on the real template: the month's plan derived from the demo map (N visits per
 * micro-grid), visits credited up to the plan and counted beyond it, a finding reported in the
 * same step, idempotent retries, scope and validation, and what a visit costs.
 */
class PatrolIntegrationTest {
    private static LocalCloud cloud;
    private static Api api;
    private static String worker;
    private static String month;

    @BeforeAll
    static void start() {
        cloud = LinliCloud.get();
        api = new Api(cloud.baseUrl());
        worker = api.login("worker-DEMO-W2-G3");
        month = CaseFacts.monthOf(LinliCloud.now()).toString();
    }

    private static String now(int minutesAgo) {
        return OffsetDateTime.ofInstant(LinliCloud.now(), ZoneOffset.ofHours(8)).minusMinutes(minutesAgo).withNano(0).toString();
    }

    private static Api.Answer visit(String token, String body, String key) {
        return api.call("POST", "/patrols", token, body, key == null ? Map.of("Content-Type", "application/json")
                : Map.of("Content-Type", "application/json", "Idempotency-Key", key));
    }

    private static JsonNode kpi(String unit) {
        return api.get("/kpis/" + unit + "?month=" + month, api.login("district")).json().path("counts");
    }

    private static JsonNode patrolCounts(String unit) {
        JsonNode c = kpi(unit);
        return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                .put("visits", c.path("patrolVisits").asLong()).put("credited", c.path("patrolCredited").asLong());
    }

    @Test
    void thePlanComesFromTheMapAndVisitsAreCreditedUpToIt() {
        // 示范区: 24 micro-grids + the school's gridless dedicated grid = 25 patrol units, 4 visits each.
        assertEquals(100, kpi("DEMO").path("patrolPlanned").asLong());
        JsonNode plan = api.get("/kpis/DEMO-W2-G3/ranking?month=" + month, worker).json();
        assertEquals(2, plan.path("items").size(), plan.toString());
        for (JsonNode row : plan.path("items")) assertEquals(4, row.path("counts").path("patrolPlanned").asInt(), row.toString());
        assertEquals(8, kpi("DEMO-W2-G3").path("patrolPlanned").asLong());

        for (int i = 0; i < 5; i++) {
            Api.Answer a = visit(worker, "{\"place\":{\"microGrid\":\"DEMO-W2-G3-M2\"},\"visitedAt\":\"" + now(60 - i) + "\",\"note\":\"巡查\"}", null);
            assertEquals(201, a.status(), a.body());
            assertEquals(i < 4, a.json().path("credited").asBoolean(), "visit " + (i + 1) + ": " + a.body());
        }
        JsonNode m2 = kpi("DEMO-W2-G3-M2");
        assertEquals(5, m2.path("patrolVisits").asLong());
        assertEquals(4, m2.path("patrolCredited").asLong());
        JsonNode grid = api.get("/kpis/DEMO-W2-G3?month=" + month, worker).json();
        assertEquals(4, grid.path("counts").path("patrolCredited").asLong());
        assertEquals(0.5, grid.path("rates").path("patrol").asDouble(), "4 credited of 8 planned");
    }

    @Test
    void aFindingBecomesAReportInTheSameStepAndARetryChangesNothing() {
        String other = api.login("worker-DEMO-W2-G2");
        String body = "{\"place\":{\"buildingCode\":\"DEMO-W2-G2-M1-B2\"},\"visitedAt\":\"" + now(30) + "\",\"note\":\"例行巡查\","
                + "\"photoKeys\":[\"uploads/p1.jpg\"],\"findings\":[{\"note\":\"楼道堆放纸箱\",\"report\":{\"category\":\"sanitation\"}},"
                + "{\"note\":\"路灯正常\"}]}";
        Api.Answer first = visit(other, body, "patrol-demo-1");
        assertEquals(201, first.status(), first.body());
        JsonNode p = first.json();
        assertEquals("DEMO-W2-G2-M1", p.path("place").path("unit").asText());
        String reportId = p.path("findings").get(0).path("reportId").asText();
        assertTrue(reportId.startsWith("rpt_"), p.toString());
        assertTrue(p.path("findings").get(1).path("reportId").isNull());
        JsonNode report = api.get("/reports/" + reportId, other).json();
        assertEquals("PATROL", report.path("source").asText(), report.toString());
        JsonNode before = patrolCounts("DEMO-W2-G2-M1");

        Api.Answer again = visit(other, body, "patrol-demo-1");
        assertEquals(201, again.status());
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(p.path("patrolId").asText(), again.json().path("patrolId").asText());
        assertEquals(reportId, again.json().path("findings").get(0).path("reportId").asText(), "the same report, not a second");
        assertEquals(before, patrolCounts("DEMO-W2-G2-M1"), "counted once");

        JsonNode mine = api.get("/me/patrols", other).json();
        assertTrue(mine.path("items").findValuesAsText("patrolId").contains(p.path("patrolId").asText()));
        assertEquals(200, api.get("/patrols/" + p.path("patrolId").asText(), api.login("dispatcher-DEMO-W2")).status());
        assertEquals(403, api.get("/patrols/" + p.path("patrolId").asText(), api.login("worker-DEMO-E1-G1")).status());
        assertEquals(404, api.get("/patrols/ptl_00000000000000000000000000", other).status());
    }

    @Test
    void refusals() {
        assertEquals(403, visit(api.login("worker-DEMO-E1-G1"), "{\"place\":{\"microGrid\":\"DEMO-W2-G3-M1\"},\"visitedAt\":\"" + now(1) + "\"}", null).status());
        assertEquals(403, visit(api.login("resident"), "{\"place\":{\"microGrid\":\"DEMO-W2-G3-M1\"},\"visitedAt\":\"" + now(1) + "\"}", null).status());
        Api.Answer future = visit(worker, "{\"place\":{\"microGrid\":\"DEMO-W2-G3-M1\"},\"visitedAt\":\"" + now(-60) + "\"}", null);
        assertEquals(400, future.status());
        assertTrue(future.body().contains("visitedAt"));
        Api.Answer two = visit(worker, "{\"place\":{\"microGrid\":\"DEMO-W2-G3-M1\",\"grid\":\"DEMO-W2-G3\"},\"visitedAt\":\"" + now(1) + "\"}", null);
        assertEquals(400, two.status());
        Api.Answer divided = visit(worker, "{\"place\":{\"grid\":\"DEMO-W2-G3\"},\"visitedAt\":\"" + now(1) + "\"}", null);
        assertEquals(400, divided.status());
        assertTrue(divided.body().contains("micro-grids"), divided.body());
        assertEquals(400, visit(worker, "{\"place\":{\"buildingCode\":\"NO-SUCH\"},\"visitedAt\":\"" + now(1) + "\"}", null).status());
        Api.Answer noLocation = visit(worker, "{\"place\":{\"microGrid\":\"DEMO-W2-G3-M1\"},\"visitedAt\":\"" + now(1)
                + "\",\"findings\":[{\"note\":\"x\",\"report\":{\"category\":\"sanitation\"}}]}", null);
        assertEquals(400, noLocation.status());
        assertTrue(noLocation.body().contains("findings[0].report.location"), noLocation.body());
    }

    @Test
    void aVisitCostsOneBuildingReadAndOneWriteRequest() {
        String body = "{\"place\":{\"buildingCode\":\"DEMO-W2-G2-M1-B1\"},\"visitedAt\":\"" + now(5) + "\"}";
        String event = Events.http("POST /patrols", "/patrols", Map.of(), body, DemoTerritory.userId("worker-DEMO-W2-G2"),
                "RESIDENT,GRID_WORKER", "DEMO-W2-G2");
        cloud.invoke("PatrolsApiFunction", event); // warm: the map pointer is cached
        var calls = CallCounter.INSTANCE.count(() -> assertTrue(cloud.invoke("PatrolsApiFunction", event).contains("\"statusCode\":201")));
        System.out.println("budget: patrol visit " + calls.byOperation());
        assertEquals(Map.of("DynamoDb.GetItem", 2, "DynamoDb.TransactWriteItems", 1), calls.byOperation()); // one GetItem: the caller's account
        assertFalse(Duration.ZERO.isNegative());
        assertNotNull(month);
    }
}
