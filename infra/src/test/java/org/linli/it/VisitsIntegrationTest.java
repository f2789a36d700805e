package org.linli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linli.local.LocalCloud;
import org.linli.tools.DemoTerritory;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * 包联 visits through the gateway on the real template (docs/registers.md, "Visits"): households
 * bound monthly appear in the bound worker's due list; logging visits (one finding reported in the
 * same step) takes them off it, moves visitsDone and the visit rate beside the patrol rate in the
 * KPIs, a second visit in the period is kept but not counted; the supervision list counts per
 * worker; the community's recompute from the register and the visits equals the incremental
 * counters - and finds and repairs a counter spoilt behind its back.
 */
class VisitsIntegrationTest {
    private static final String UNIT = "DEMO-W1-G1-M2";
    private static LocalCloud cloud;
    private static Api api;
    private static String dispatcher;
    private static String worker;
    private static String workerId;
    private static String admin;
    private static String resident;
    private static int run;

    @BeforeAll
    static void start() {
        cloud = LinliCloud.get();
        api = new Api(cloud.baseUrl());
        dispatcher = api.login("dispatcher-DEMO-W1");
        worker = api.login("worker-DEMO-W1-G1");
        workerId = DemoTerritory.userId("worker-DEMO-W1-G1");
        admin = api.login("admin");
        resident = api.login("resident");
        run = ThreadLocalRandom.current().nextInt(1000);
    }

    private static String month() {
        return YearMonth.from(cloud.clock().instant().atZone(ZoneId.of("Asia/Shanghai"))).toString();
    }

    private static JsonNode kpi(String unit) {
        Api.Answer a = api.get("/kpis/" + unit + "?month=" + month(), admin);
        assertEquals(200, a.status(), a.body());
        return a.json();
    }

    private static String newHousehold(int n) {
        Api.Answer a = api.post("/communities/DEMO-W1/households", dispatcher, "{\"buildingCode\":\"DEMO-W1-G1-M2-B1\",\"unit\":\"2\","
                + "\"room\":\"" + (100 + n) + "\",\"members\":[{\"name\":\"访" + n + "\",\"idNumber\":\"" + Ledgers.id(run, 700 + n)
                + "\"}],\"careCategories\":[\"独居/空巢老人\"]}");
        assertEquals(201, a.status(), a.body());
        String id = a.json().path("householdId").asText();
        Api.Answer b = api.post("/communities/DEMO-W1/households/" + id + "/binding", dispatcher,
                "{\"userId\":\"" + workerId + "\",\"rhythm\":\"MONTHLY\"}");
        assertEquals(200, b.status(), b.body());
        return id;
    }

    private static Set<String> due(String token, boolean all) {
        Api.Answer a = api.get("/me/visits-due" + (all ? "?all=true" : ""), token);
        assertEquals(200, a.status(), a.body());
        Set<String> ids = new HashSet<>();
        for (JsonNode i : a.json().path("items")) {
            assertFalse(i.has("members") && i.path("members").isArray(), "a due list shows no residents: " + i);
            if (!all || i.path("status").asText().equals("DONE")) ids.add(i.path("householdId").asText());
            assertEquals(month(), i.path("dueBy").asText(), "a monthly household is due by the end of this month: " + i);
        }
        return ids;
    }

    private static Api.Answer visit(String token, String household, String body) {
        return api.post("/communities/DEMO-W1/households/" + household + "/visits", token, body);
    }

    private static String visitedAt() {
        return OffsetDateTime.ofInstant(cloud.clock().instant(), ZoneOffset.ofHours(8)).minusMinutes(5).withNano(0).toString();
    }

    private static JsonNode recompute(boolean repair) {
        Api.Answer a = api.post("/communities/DEMO-W1/visit-recompute", admin, "{\"month\":\"" + month() + "\",\"repair\":" + repair + "}");
        assertEquals(200, a.status(), a.body());
        return a.json();
    }

    @Test
    void dueVisitsLoggedMoveTheVisitRateAndTheRecomputeAgrees() {
        JsonNode before = kpi(UNIT).path("counts");
        long dueBefore = before.path("visitsDue").asLong();
        long doneBefore = before.path("visitsDone").asLong();
        long communityDueBefore = kpi("DEMO-W1").path("counts").path("visitsDue").asLong();

        List<String> households = new ArrayList<>();
        for (int n = 0; n < 3; n++) households.add(newHousehold(n));

        // Bound households are due this month: in the worker's list, and counted on every node of their path.
        Set<String> open = due(worker, false);
        assertTrue(open.containsAll(households), open + " should hold " + households);
        assertEquals(dueBefore + 3, kpi(UNIT).path("counts").path("visitsDue").asLong());
        assertEquals(communityDueBefore + 3, kpi("DEMO-W1").path("counts").path("visitsDue").asLong());

        // Two visits logged by the bound worker, one finding reported in the same step.
        Api.Answer first = visit(worker, households.get(0), "{\"visitedAt\":\"" + visitedAt() + "\",\"note\":\"身体尚好\","
                + "\"findings\":[{\"note\":\"楼道灯坏了\",\"report\":{\"category\":\"sanitation\"}}]}");
        assertEquals(201, first.status(), first.body());
        assertTrue(first.json().path("credited").asBoolean());
        assertTrue(first.json().path("findings").get(0).path("reportId").asText().startsWith("rpt_"), first.body());
        assertEquals(month(), first.json().path("dueMonth").asText());
        Api.Answer second = visit(worker, households.get(1), "{\"visitedAt\":\"" + visitedAt() + "\"}");
        assertEquals(201, second.status(), second.body());
        // A retry with the same Idempotency-Key replays; a second visit in the period is kept, not counted.
        Api.Answer again = api.call("POST", "/communities/DEMO-W1/households/" + households.get(1) + "/visits", worker,
                "{\"visitedAt\":\"" + visitedAt() + "\"}", Map.of("Idempotency-Key", "visit-" + run, "Content-Type", "application/json"));
        assertEquals(201, again.status(), again.body());
        assertFalse(again.json().path("credited").asBoolean(), "the period was already credited");
        Api.Answer replay = api.call("POST", "/communities/DEMO-W1/households/" + households.get(1) + "/visits", worker,
                "{\"visitedAt\":\"" + again.json().path("visitedAt").asText() + "\"}", Map.of("Idempotency-Key", "visit-" + run, "Content-Type", "application/json"));
        assertEquals("true", replay.header("Idempotent-Replayed"), replay.body());
        assertEquals(again.json().path("visitId").asText(), replay.json().path("visitId").asText());

        // Off the list; the rate moved.
        open = due(worker, false);
        assertFalse(open.contains(households.get(0)) || open.contains(households.get(1)), open.toString());
        assertTrue(open.contains(households.get(2)));
        assertTrue(due(worker, true).containsAll(households.subList(0, 2)), "?all=true shows them DONE");
        JsonNode after = kpi(UNIT);
        assertEquals(doneBefore + 2, after.path("counts").path("visitsDone").asLong(), after.toString());
        double rate = after.path("rates").path("visit").asDouble();
        assertEquals((double) (doneBefore + 2) / (dueBefore + 3), rate, 0.0001, after.toString());
        assertTrue(after.path("rates").has("patrol"), "the visit rate stands beside the patrol rate");

        // Who may log: a resident nothing; staff of the territory not bound to it are refused; others do not learn it exists.
        assertEquals(403, visit(resident, households.get(2), "{\"visitedAt\":\"" + visitedAt() + "\"}").status());
        assertEquals(403, visit(api.login("leader-DEMO-W1-G1-M2"), households.get(2), "{\"visitedAt\":\"" + visitedAt() + "\"}").status());
        assertEquals(404, visit(api.login("dispatcher-DEMO-E2"), households.get(2), "{\"visitedAt\":\"" + visitedAt() + "\"}").status());
        assertEquals(400, visit(worker, households.get(2), "{\"visitedAt\":\"2001-01-01T00:00:00+08:00\"}").status());
        assertEquals(403, api.get("/me/visits-due", resident).status());

        // The supervision list: the worker's line.
        Api.Answer sup = api.get("/communities/DEMO-W1/visit-supervision", dispatcher);
        assertEquals(200, sup.status(), sup.body());
        JsonNode line = null;
        for (JsonNode l : sup.json().path("items")) if (l.path("userId").asText().equals(workerId)) line = l;
        assertTrue(line != null && line.path("bound").asInt() >= 3 && line.path("done").asInt() >= 2, sup.body());
        assertEquals(line.path("bound").asInt(), line.path("done").asInt() + line.path("due").asInt() + line.path("overdue").asInt());
        assertEquals(403, api.get("/communities/DEMO-W1/visit-supervision", worker).status());

        // The recompute from the register and the visits equals the incremental counters.
        JsonNode check = recompute(false);
        assertEquals(0, check.path("differences").size(), check.toString());
        assertTrue(check.path("households").asInt() >= 3 && check.path("visits").asInt() >= 3, check.toString());

        // ... and it is not vacuous: a counter spoilt behind its back is found, repaired, and then agrees again.
        cloud.dynamo().updateItem(b -> b.tableName(cloud.tableName("KpiTable"))
                .key(Map.of("pk", AttributeValue.fromS("KPI#" + UNIT), "sk", AttributeValue.fromS("M#" + month())))
                .updateExpression("ADD visitsDone :n").expressionAttributeValues(Map.of(":n", AttributeValue.fromN("5"))));
        JsonNode spoilt = recompute(true);
        assertEquals(1, spoilt.path("differences").size(), spoilt.toString());
        assertEquals(UNIT, spoilt.path("differences").get(0).path("unit").asText());
        assertEquals(5, spoilt.path("differences").get(0).path("storedDone").asLong() - spoilt.path("differences").get(0).path("expectedDone").asLong());
        assertEquals(1, spoilt.path("repaired").asInt());
        assertEquals(0, recompute(false).path("differences").size());
        assertEquals(doneBefore + 2, kpi(UNIT).path("counts").path("visitsDone").asLong());
        System.out.println("visits: recompute of DEMO-W1 " + month() + ": " + check.path("households") + " households due, "
                + check.path("visits") + " visits");
    }

    /**
     * The month's first step counts the households whose period begins due, against the local cloud's tables: the
     * household bound now is not counted again this month; next month it is, once, however often the step runs.
     */
    @Test
    void aPeriodBeginningCountsEachBoundHouseholdDueOnce() {
        String id = newHousehold(40);
        var store = new org.linli.adapters.dynamo.kpi.DynamoVisitStore(cloud.dynamo(), cloud.tableName("RegistersTable"),
                cloud.tableName("KpiTable"));
        List<String> path = List.of("DEMO", "DEMO-W", "DEMO-W1");
        YearMonth now = YearMonth.parse(month());
        assertFalse(store.addDue("DEMO-W1", id, path, now), "the binding already counted this month");
        YearMonth next = now.plusMonths(1);
        java.time.Instant first = next.atDay(1).atTime(0, 30).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
        var unit = org.linli.kpi.Unit.node(path);
        long before = store.counters(unit, next)[0];
        int counted = org.linli.registers.Visits.periodsBegun(store, (c, b) -> path, "DEMO-W1", first);
        assertTrue(counted >= 1, "at least the household bound now: " + counted);
        assertEquals(before + counted, store.counters(unit, next)[0]);
        assertEquals(next, store.boundIn("DEMO-W1").stream().filter(b -> b.listing().id().equals(id)).findFirst().orElseThrow().duePeriod());
        assertEquals(0, org.linli.registers.Visits.periodsBegun(store, (c, b) -> path, "DEMO-W1", first.plusSeconds(600)),
                "a re-run counts nothing");
        assertEquals(before + counted, store.counters(unit, next)[0]);
    }
}
