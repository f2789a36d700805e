package org.linli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linli.adapters.dynamo.cases.DynamoCaseStore;
import org.linli.adapters.dynamo.cases.DynamoReportStore;
import org.linli.adapters.dynamo.territory.DynamoDepartmentDirectory;
import org.linli.adapters.dynamo.territory.DynamoTerritoryDirectory;
import org.linli.adapters.sqs.CaseEventMessage;
import org.linli.cases.Assignment;
import org.linli.cases.CaseEvent;
import org.linli.categories.Categories;
import org.linli.core.Ids;
import org.linli.geo.Datum;
import org.linli.geo.GeoPoint;
import org.linli.json.Json;
import org.linli.kpi.CaseFacts;
import org.linli.local.LocalCloud;
import org.linli.report.Contact;
import org.linli.report.Report;
import org.linli.report.ReportDraft;
import org.linli.report.ReportReceived;
import org.linli.report.Source;
import org.linli.territory.Locator;
import org.linli.tools.DemoTerritory;
import org.linli.tools.bench.CallCounter;
import org.linli.tools.bench.Events;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * KPIs on the real template: a seeded month of cases with every kind of outcome, folded from the
 * case event stream by the real consumer, equals what the test recomputes from the raw items;
 * rankings and the CSV export; incremental == recompute after a random history with redelivered
 * events; and the calls a fold and a read cost.
 */
class KpiIntegrationTest {
    private static LocalCloud cloud;
    private static Cases cases;
    private static Api api;
    private static String district;
    private static final JsonNode SETTINGS = IndependentKpis.settings();
    /** Calls per operation, printed for docs/kpis.md. */
    private static final Map<String, Map<String, Integer>> BUDGET = new TreeMap<>();

    @BeforeAll
    static void start() {
        cloud = LinliCloud.get();
        cases = new Cases(cloud);
        api = new Api(cloud.baseUrl());
        district = api.login("district");
    }

    @AfterAll
    static void print() {
        BUDGET.forEach((op, calls) -> System.out.println("budget: " + op + " " + calls));
    }

    private static YearMonth thisMonth() {
        return CaseFacts.monthOf(LinliCloud.now());
    }

    /** A point in micro-grid M2 of {@code grid} (e.g. DEMO-E1-G3), the {@code j}-th of a row 60 m apart. */
    static double[] point(String grid, int j) {
        String community = grid.substring(0, 7);
        int c = List.of("DEMO-W1", "DEMO-W2", "DEMO-E1", "DEMO-E2").indexOf(community);
        int g = grid.charAt(grid.length() - 1) - '0';
        double west = c < 2 ? 113.540 : 113.570;
        double south = c % 2 == 0 ? 37.840 : 37.856;
        return new double[] {south + 0.0113 + j * 0.0006, west + (g - 1) * 0.010 + 0.0017 + j * 0.0011};
    }

    private static void ok(Cases.Answer a, String what) {
        assertEquals(200, a.status(), what + " → " + a.body());
    }

    @Test
    void aSeededMonthYieldsTheFiguresRecomputedIndependently() {
        String[] grids = {"DEMO-W1-G1", "DEMO-W1-G3", "DEMO-W2-G2", "DEMO-W2-G3", "DEMO-E1-G1", "DEMO-E1-G2", "DEMO-E1-G3", "DEMO-E2-G1"};
        int k = 0;
        for (String grid : grids) {
            Cases.Who worker = Cases.worker(grid);
            for (int outcome = 0; outcome < 6; outcome++, k++) {
                double[] p = point(grid, outcome);
                String id = cases.open(outcome % 2 == 0 ? "sanitation" : "leak", p[0], p[1], "resident");
                if (!"ASSIGNED".equals(cases.get(id, worker).body().path("status").asText())) continue; // joined someone's case
                switch ((outcome + k) % 6) {
                    case 0, 1, 2 -> {
                        ok(cases.act(id, "accept", "{}", worker), "accept");
                        ok(cases.act(id, "resolve", "{\"result\":\"已处理\"}", worker), "resolve");
                        ok(cases.act(id, "feed-back", "{}", worker), "feed-back");
                        String verdict = List.of("SATISFIED", "BASICALLY_SATISFIED", "DISSATISFIED").get((outcome + k) % 3);
                        ok(cases.act(id, "verdict", "{\"verdict\":\"" + verdict + "\""
                                + (verdict.equals("DISSATISFIED") ? ",\"comment\":\"没修好\"" : "") + "}", Cases.RESIDENT), "verdict");
                    }
                    case 3 -> ok(cases.act(id, "accept", "{}", worker), "accept");
                    case 4 -> {
                        cases.backdate(id);
                        assertTrue(cloud.fireSchedule("linli-local-case-sweep").succeeded());
                    }
                    default -> { } // left waiting
                }
            }
        }
        // The street's queue: a rejection and a merge; a department matter taken by the police station.
        String a = cases.open("illegal_construction", 37.8770, 113.5455, "resident");
        String b = cases.open("illegal_construction", 37.8770, 113.5495, "resident2");
        String c = cases.open("illegal_construction", 37.8770, 113.5535, "resident2");
        ok(cases.act(b, "merge", "{\"into\":\"" + a + "\"}", Cases.STREET_W), "merge");
        ok(cases.act(c, "reject", "{\"reason\":\"属于规划部门审批事项\"}", Cases.STREET_W), "reject");
        String noise = cases.open("noise", 37.8488, 113.5842, "resident");
        Cases.Who police = Cases.department(cases.get(noise, Cases.DISTRICT).body().path("tierNode").asText());
        ok(cases.act(noise, "accept", "{}", police), "police accept");

        YearMonth month = thisMonth();
        drain();
        Map<String, Map<String, Long>> expected = Eventually.await(Duration.ofSeconds(30), () -> {
            Map<String, Map<String, Long>> want = IndependentKpis.compute(cloud, month);
            for (var e : want.entrySet()) {
                JsonNode got = api.get("/kpis/" + e.getKey() + "?month=" + month, district).json();
                for (String counter : IndependentKpis.COUNTERS) {
                    if (got.path("counts").path(counter).asLong() != e.getValue().getOrDefault(counter, 0L)) return null;
                }
                for (String source : IndependentKpis.SOURCES) {
                    for (String measure : IndependentKpis.BY_SOURCE) {
                        if (got.path("bySource").path(source).path(measure).asLong()
                                != e.getValue().getOrDefault("bySource." + source + "." + measure, 0L)) return null;
                    }
                }
            }
            return want;
        }, w -> w != null, "KPI counters equal to the independent recomputation");
        assertTrue(expected.get("DEMO").get("received") >= 40, expected.get("DEMO").toString());
        assertTrue(expected.get("DEMO").getOrDefault("bySource.MINI_PROGRAM.received", 0L) >= 40, "residents' reports split out: " + expected.get("DEMO"));
        for (String code : List.of("DEMO", "DEMO-W", "DEMO-E", "DEMO-E1", "DEMO-W1-G1", police.scope())) {
            JsonNode got = api.get("/kpis/" + code + "?month=" + month, district).json();
            Map<String, Double> rates = IndependentKpis.rates(expected.get(code), SETTINGS);
            rates.forEach((rate, want) -> {
                JsonNode v = got.path("rates").path(rate);
                if (want == null) assertTrue(v.isNull(), code + " " + rate);
                // the API rounds to four places (half up): 1/32 = 0.03125 is shown as 0.0313
                else assertEquals(want, v.asDouble(), 0.00005 + 1e-9, code + " " + rate);
            });
            Double score = IndependentKpis.score(rates, SETTINGS);
            assertEquals(score == null ? null : score, got.path("score").isNull() ? null : got.path("score").asDouble(), code + " score");
        }

        // The district's streets, ranked by score: rank 1 has the highest.
        JsonNode ranking = api.get("/kpis/DEMO/ranking?month=" + month, district).json();
        assertEquals(2, ranking.path("items").size(), ranking.toString());
        JsonNode first = ranking.path("items").get(0);
        JsonNode second = ranking.path("items").get(1);
        assertEquals(1, first.path("rank").asInt());
        assertTrue(first.path("score").asDouble() >= second.path("score").asDouble());
        assertEquals(first.path("score").asDouble() == second.path("score").asDouble() ? 1 : 2, second.path("rank").asInt());
        assertEquals("街道", first.path("unit").path("name").asText().substring(2), "a street's name: " + first);
        // The departments of the district, ranked among themselves.
        JsonNode depts = api.get("/kpis/DEMO/ranking?among=departments&month=" + month, district).json();
        assertTrue(depts.path("items").findValuesAsText("code").contains(police.scope()), depts.toString());

        // The same table as CSV: UTF-8 with BOM, Chinese headers and names, one row per street.
        Api.Answer csv = api.get("/kpis/DEMO/ranking?format=csv&month=" + month, district);
        assertEquals(200, csv.status());
        assertTrue(csv.header("Content-Type").startsWith("text/csv"), csv.header("Content-Type"));
        assertTrue(csv.header("Content-Disposition").contains("kpi-ranking-DEMO-children-" + month + ".csv"));
        assertTrue(csv.body().startsWith("\uFEFF排名,单位编码,单位名称,层级,月份,受理量"), csv.body());
        String[] lines = csv.body().split("\r\n");
        assertEquals(3, lines.length);
        assertTrue(lines[1].contains("街道") && lines[1].contains("街道/乡镇"), lines[1]);

        // Scope: a street sees its own communities, not the other street.
        String streetW = api.login("street-DEMO-W");
        assertEquals(200, api.get("/kpis/DEMO-W1?month=" + month, streetW).status());
        assertEquals(403, api.get("/kpis/DEMO-E1?month=" + month, streetW).status());
        assertEquals(403, api.get("/kpis/DEMO-W1", api.login("resident")).status());
        assertEquals(404, api.get("/kpis/NOWHERE", district).status());
        assertEquals(400, api.get("/kpis/DEMO?month=2026-13", district).status());
        assertEquals(400, api.get("/kpis/DEMO-W1/ranking?among=departments", district).status());
        JsonNode year = api.get("/kpis/DEMO/months?year=" + month.getYear(), district).json();
        assertTrue(year.path("items").size() >= 1);
    }

    @Test
    void incrementalEqualsRecomputedAfterARandomHistoryWithRedeliveredEvents() {
        Random random = new Random(20261123);
        String grid = "DEMO-E1-G2";
        Cases.Who worker = Cases.worker(grid);
        List<Cases.Who> actors = List.of(worker, Cases.RESIDENT, Cases.DISTRICT, Cases.STREET_W,
                new Cases.Who("street-DEMO-E", "RESIDENT,STREET_STAFF", "DEMO-E"), Cases.department("DEMO-PS-E"));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            double[] p = point(grid, 7 + i);
            ids.add(cases.open(List.of("dispute", "noise", "illegal_construction").get(i % 3), p[0] - 0.004, p[1], "resident"));
        }
        var store = new DynamoCaseStore(cloud.dynamo(), cloud.tableName("CasesTable"));
        for (int step = 0; step < 80; step++) {
            String id = ids.get(random.nextInt(ids.size()));
            List<Object[]> buttons = new ArrayList<>();
            for (Cases.Who who : actors) {
                for (JsonNode act : cases.get(id, who).body().path("allowedActions")) buttons.add(new Object[] {who, act.asText()});
            }
            if (!buttons.isEmpty()) {
                Object[] chosen = buttons.get(random.nextInt(buttons.size()));
                cases.act(id, (String) chosen[1], body((String) chosen[1], ids, random), (Cases.Who) chosen[0]);
            }
            if (random.nextInt(4) == 0) {
                // Redeliver an old event of a random case (SQS delivers at least once, in no particular order).
                String any = ids.get(random.nextInt(ids.size()));
                long latest = store.find(any).orElseThrow().version();
                CaseEvent old = store.auditEntry(any, 1 + random.nextInt((int) latest)).orElseThrow();
                cloud.sqs().sendMessage(m -> m.queueUrl(cloud.queueUrl("CaseEventsQueue")).messageBody(CaseEventMessage.encode(old)));
            }
        }
        drain();
        String admin = api.login("admin");
        int refolded = 0;
        JsonNode last = null;
        String cursor = null;
        do {
            Api.Answer r = api.post("/kpis/recompute", admin, "{\"month\":\"" + thisMonth() + "\""
                    + (cursor == null ? "" : ",\"cursor\":\"" + cursor + "\"") + "}");
            assertEquals(200, r.status(), r.body());
            last = r.json();
            refolded += last.path("refolded").asInt();
            cursor = last.path("nextCursor").isNull() ? null : last.path("nextCursor").asText();
        } while (cursor != null);
        assertEquals(0, refolded, "every event was folded: the recompute had nothing to fold again");
        assertEquals(0, last.path("differences").size(), last.toString());
        assertEquals(403, api.post("/kpis/recompute", district, "{\"month\":\"" + thisMonth() + "\"}").status());
    }

    @Test
    void aFoldCostsOneReadOfItsRecordOneQueryOfTheTrailAndOneWrite() {
        // A case opened and worked without its events reaching the queue: the test delivers them itself.
        var casesTable = cloud.tableName("CasesTable");
        var store = new DynamoCaseStore(cloud.dynamo(), casesTable);
        var territory = new DynamoTerritoryDirectory(cloud.dynamo(), cloud.tableName("TerritoryTable"), LinliCloud.CLOCK);
        List<CaseEvent> held = new ArrayList<>();
        var assignment = new Assignment(new Locator(territory), territory, store,
                new DynamoDepartmentDirectory(cloud.dynamo(), cloud.tableName("TerritoryTable")), held::add,
                Categories.fromClasspath(), LinliCloud.CLOCK);
        double[] p = point("DEMO-W2-G1", 3);
        var reports = new DynamoReportStore(cloud.dynamo(), casesTable);
        Report r = Report.received(Ids.random("rpt", LinliCloud.now()), DemoTerritory.userId("resident"),
                new ReportDraft("leak", "x", new GeoPoint(p[0] - 0.002, p[1], Datum.GCJ02), null, List.of(),
                        new Contact(null, "13812341234"), false, Source.MINI_PROGRAM), LinliCloud.now());
        reports.insertNew(r);
        assignment.assign(ReportReceived.of(r));
        CaseEvent opened = held.get(0);
        String fresh = fold(opened, "first fold");
        var calls = BUDGET.get("first fold");
        assertEquals(1, calls.get("DynamoDb.GetItem"), fresh);
        assertEquals(1, calls.get("DynamoDb.Query"), fresh);
        assertEquals(1, calls.get("DynamoDb.TransactWriteItems"), fresh);
        fold(opened, "redelivered");
        calls = BUDGET.get("redelivered");
        assertEquals(1, calls.get("DynamoDb.GetItem"), "the fold record says it is done");
        assertEquals(null, calls.get("DynamoDb.Query"));
        assertEquals(null, calls.get("DynamoDb.TransactWriteItems"));

        // Reads: one Query for a unit's month (the item and, for a hot unit, its shards), one Query for a ranking
        // (names cached after the first call).
        String unit = Events.http("GET /kpis/{unit}", "/kpis/DEMO-W2", Map.of("unit", "DEMO-W2"), null,
                DemoTerritory.userId("district"), "RESIDENT,DISTRICT_STAFF", "DEMO");
        cloud.invoke("KpisApiFunction", unit);
        var read = CallCounter.INSTANCE.count(() -> cloud.invoke("KpisApiFunction", unit));
        BUDGET.put("read a unit's month", read.byOperation());
        assertEquals(Map.of("DynamoDb.Query", 1), read.byOperation());
        String rank = Events.http("GET /kpis/{unit}/ranking", "/kpis/DEMO-W/ranking", Map.of("unit", "DEMO-W"), null,
                DemoTerritory.userId("district"), "RESIDENT,DISTRICT_STAFF", "DEMO");
        cloud.invoke("KpisApiFunction", rank);
        var ranked = CallCounter.INSTANCE.count(() -> cloud.invoke("KpisApiFunction", rank));
        BUDGET.put("read a ranking", ranked.byOperation());
        assertEquals(Map.of("DynamoDb.Query", 1), ranked.byOperation());
    }

    private static String fold(CaseEvent e, String name) {
        String[] answer = new String[1];
        var calls = CallCounter.INSTANCE.count(() -> answer[0] = cloud.invoke("CaseEventsFunction",
                Events.sqs(cloud.queueArn("CaseEventsQueue"), "m-" + name.hashCode() + e.eventId(), CaseEventMessage.encode(e))));
        Map<String, Integer> kpi = new HashMap<>();
        calls.byOperation().forEach((op, n) -> {
            if (op.equals("DynamoDb.GetItem") || op.equals("DynamoDb.Query") || op.equals("DynamoDb.TransactWriteItems")) kpi.put(op, n);
        });
        BUDGET.put(name, kpi);
        assertEquals(0, Json.parse(answer[0]).path("batchItemFailures").size(), answer[0]);
        return answer[0];
    }

    /** Waits until the case event queue has nothing visible or in flight, three checks in a row. */
    static void drain() {
        int quiet = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (quiet < 3) {
            var attrs = cloud.sqs().getQueueAttributes(b -> b.queueUrl(cloud.queueUrl("CaseEventsQueue"))
                    .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
            boolean empty = attrs.values().stream().allMatch(v -> v.equals("0"));
            quiet = empty ? quiet + 1 : 0;
            if (System.nanoTime() > deadline) throw new AssertionError("the case event queue did not drain: " + attrs);
            try {
                Thread.sleep(150);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new AssertionError(ex);
            }
        }
    }

    private static String body(String action, List<String> ids, Random random) {
        return switch (action) {
            case "dispatch", "redispatch" -> "{\"assignee\":{\"userId\":\"" + DemoTerritory.userId("worker-DEMO-E1-G2") + "\"}}";
            case "reject", "return", "escalate", "reopen" -> "{\"reason\":\"r\"}";
            case "add-note", "close" -> "{\"note\":\"n\"}";
            case "resolve", "complete-task" -> "{\"result\":\"done\"}";
            case "summon" -> "{\"departments\":[\"DEMO-SF-E\"]}";
            case "verdict" -> List.of("{\"verdict\":\"SATISFIED\"}", "{\"verdict\":\"BASICALLY_SATISFIED\"}",
                    "{\"verdict\":\"DISSATISFIED\",\"comment\":\"c\"}").get(random.nextInt(3));
            case "callback" -> "{\"outcome\":\"" + List.of("SATISFIED", "BASICALLY_SATISFIED", "DISSATISFIED", "UNREACHABLE").get(random.nextInt(4)) + "\"}";
            case "merge" -> "{\"into\":\"" + ids.get(random.nextInt(ids.size())) + "\"}";
            default -> "{}";
        };
    }
}
