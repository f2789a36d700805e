package org.linli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linli.core.Ids;
import org.linli.json.Json;
import org.linli.local.LocalCloud;
import org.linli.tools.DemoTerritory;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The registers through the gateway on the real template (docs/registers.md): a 500-household
 * ledger with five bad rows imported through the import pipeline (a dry run first, which stores
 * nothing), 包联 bindings, who sees what (the bound worker only his households, whole; other staff
 * masked; a resident nothing), every whole read in the access log, the export, the fields sealed at
 * rest under the local KMS key, and what it costs in KMS calls.
 */
class RegistersIntegrationTest {
    private static LocalCloud cloud;
    private static Api api;
    private static String dispatcher;
    private static String worker;
    private static String admin;
    private static int run;

    @BeforeAll
    static void start() {
        cloud = LinliCloud.get();
        api = new Api(cloud.baseUrl());
        dispatcher = api.login("dispatcher-DEMO-W1");
        worker = api.login("worker-DEMO-W1-G1");
        admin = api.login("admin");
        run = ThreadLocalRandom.current().nextInt(1000);
    }

    private static JsonNode importLedger(String csv, boolean dryRun) {
        Api.Answer a = api.post("/communities/DEMO-W1/household-imports", dispatcher,
                Json.write(Json.object().put("csv", csv).put("dryRun", dryRun)));
        assertEquals(202, a.status(), a.body());
        String location = a.header("Location");
        assertTrue(location.startsWith("/communities/DEMO-W1/household-imports/imp_"), location);
        return Eventually.await(Duration.ofSeconds(60), () -> api.get(location, dispatcher).json(),
                j -> j.path("state").asText().equals("PUBLISHED") || j.path("state").asText().equals("FAILED"), "the ledger import");
    }

    private static int households(String token) {
        int n = 0;
        String cursor = null;
        do {
            JsonNode page = api.get("/communities/DEMO-W1/households?limit=200" + (cursor == null ? "" : "&cursor=" + cursor), token).json();
            n += page.path("items").size();
            cursor = page.path("nextCursor").asText(null);
        } while (cursor != null);
        return n;
    }

    private static String household(String prefix, int h) {
        return Ids.derived("hh", "DEMO-W1", prefix + h);
    }

    @Test
    void aLedgerOfFiveHundredHouseholdsWithFiveBadRows() {
        String prefix = "R" + run + "-";
        String csv = Ledgers.ledger(prefix, run, 500, true);
        int before = households(dispatcher);
        long generated = cloud.kms().calls("GenerateDataKey");

        long t0 = System.nanoTime();
        JsonNode dry = importLedger(csv, true);
        long dryMs = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(5, dry.path("problemCount").asInt(), dry.toString());
        assertEquals(495, dry.path("summary").path("households").asInt(), dry.toString());
        assertEquals(0, dry.path("summary").path("stored").asInt());
        assertTrue(dry.path("ledger").path("dryRun").asBoolean());
        assertEquals(before, households(dispatcher), "a dry run stores nothing");
        assertEquals(generated, cloud.kms().calls("GenerateDataKey"), "a dry run seals nothing");

        t0 = System.nanoTime();
        JsonNode done = importLedger(csv, false);
        long importMs = (System.nanoTime() - t0) / 1_000_000;
        assertEquals("PUBLISHED", done.path("state").asText(), done.toString());
        assertEquals(5, done.path("problemCount").asInt());
        assertEquals(495, done.path("summary").path("stored").asInt());
        assertEquals(990, done.path("summary").path("residents").asInt());
        List<String> where = new ArrayList<>();
        for (JsonNode p : done.path("problems")) {
            where.add(p.path("index").asInt() + ":" + p.path("field").asText());
            assertFalse(p.toString().contains("140302"), "a problem never carries the value: " + p);
        }
        assertEquals(List.of("20:身份证号", "40:电话", "60:楼栋", "80:关怀类别", "101:身份证号"), where);
        assertEquals(before + 495, households(dispatcher));
        assertFalse(api.get("/communities/DEMO-W1/households/" + household(prefix, 10), dispatcher).status() == 200,
                "a household with a bad row is left out whole");
        long sealedBy = cloud.kms().calls("GenerateDataKey") - generated;
        assertTrue(sealedBy <= 1, "one data key seals the whole ledger: " + sealedBy);
        System.out.println("registers: ledger of 500 households (1,000 rows): dry run " + dryMs + " ms, import " + importMs
                + " ms, GenerateDataKey " + sealedBy);

        // Sealed at rest: the raw item holds no ID number, name or care category in clear.
        Map<String, AttributeValue> item = cloud.dynamo().getItem(b -> b.tableName(cloud.tableName("RegistersTable"))
                .key(Map.of("pk", AttributeValue.fromS("COMMUNITY#DEMO-W1"), "sk", AttributeValue.fromS("HH#" + household(prefix, 3)))))
                .item();
        String raw = item.toString();
        assertFalse(raw.contains(Ledgers.id(run, 6)), raw);
        assertFalse(raw.contains("张3") || raw.contains("独居") || raw.contains("ELDERLY"), raw);
        assertTrue(item.containsKey("dataKey") && item.containsKey("membersSealed") && item.containsKey("careSealed"));

        // The export gives the ledger back whole (the valid rows) and is recorded.
        Api.Answer export = api.get("/communities/DEMO-W1/household-ledger", dispatcher);
        assertEquals(200, export.status());
        assertTrue(export.body().contains(Ledgers.id(run, 6)));
        assertTrue(export.body().contains("独居/空巢老人;残疾") || export.body().contains("残疾;独居/空巢老人"));
        JsonNode exportLog = api.get("/admin/access-log?subject=households:DEMO-W1&limit=200", admin).json();
        assertTrue(exportLog.toString().contains("REGISTER_EXPORT"), exportLog.toString());
    }

    @Test
    void whoSeesWhatAndEveryWholeReadIsRecorded() {
        String prefix = "V" + run + "-";
        JsonNode done = importLedger(Ledgers.ledger(prefix, run + 1, 6, false), false);
        assertEquals(6, done.path("summary").path("stored").asInt(), done.toString());
        String mine = household(prefix, 2);   // DEMO-W1-G1-M1-B1: in the worker's grid
        String other = household(prefix, 4);
        String workerId = DemoTerritory.userId("worker-DEMO-W1-G1");
        Api.Answer bound = api.post("/communities/DEMO-W1/households/" + mine + "/binding", dispatcher,
                "{\"userId\":\"" + workerId + "\"}");
        assertEquals(200, bound.status(), bound.body());
        assertEquals(workerId, bound.json().path("boundTo").asText());

        // The worker's list holds only his bound households, masked.
        JsonNode list = api.get("/me/households", worker).json();
        List<String> ids = new ArrayList<>();
        list.path("items").forEach(i -> ids.add(i.path("householdId").asText()));
        assertTrue(ids.contains(mine), list.toString());
        assertFalse(ids.contains(other));
        for (JsonNode i : list.path("items")) assertTrue(i.path("head").asText().endsWith("*"), i.toString());
        JsonNode community = api.get("/communities/DEMO-W1/households?limit=200", worker).json();
        community.path("items").forEach(i -> assertEquals(workerId, i.path("boundTo").asText(), "only his: " + i));

        // Whole for the bound worker and the community's staff; masked for other staff; nothing for a resident.
        JsonNode whole = api.get("/communities/DEMO-W1/households/" + mine, worker).json();
        assertFalse(whole.path("masked").asBoolean(), whole.toString());
        assertEquals(Ledgers.id(run + 1, 4), whole.path("members").get(0).path("idNumber").asText());
        assertEquals(200, api.get("/communities/DEMO-W1/households/" + mine, dispatcher).status());
        for (String staff : List.of("street-DEMO-W", "leader-DEMO-W1-G1-M1")) {
            JsonNode masked = api.get("/communities/DEMO-W1/households/" + mine, api.login(staff)).json();
            assertTrue(masked.path("masked").asBoolean(), staff + ": " + masked);
            assertTrue(masked.path("members").get(0).path("idNumber").asText().contains("********"));
            assertTrue(masked.path("careCategories").isNull());
            assertEquals("张*", masked.path("members").get(0).path("name").asText());
        }
        assertEquals(404, api.get("/communities/DEMO-W1/households/" + other, worker).status(), "not his grid, not bound to him");
        String resident = api.login("resident");
        assertEquals(403, api.get("/communities/DEMO-W1/households/" + mine, resident).status());
        assertEquals(403, api.get("/communities/DEMO-W1/households", resident).status());
        assertEquals(403, api.get("/me/households", resident).status());

        // Every whole read is in the access log (two: the worker's and the dispatcher's); the masked ones are not.
        JsonNode log = api.get("/admin/access-log?subject=household:" + mine, admin).json();
        List<String> viewers = new ArrayList<>();
        for (JsonNode e : log.path("items")) {
            assertEquals("REGISTER", e.path("purpose").asText(), e.toString());
            viewers.add(e.path("viewerId").asText());
        }
        assertEquals(2, viewers.size(), log.toString());
        assertTrue(viewers.contains(workerId) && viewers.contains(DemoTerritory.userId("dispatcher-DEMO-W1")), viewers.toString());
    }

    @Test
    void badInputIsRefusedAndNothingStored() {
        Api.Answer bad = api.post("/communities/DEMO-W1/households", dispatcher, "{\"buildingCode\":\"DEMO-W1-G1-M1-B1\",\"members\":"
                + "[{\"name\":\"王五\",\"idNumber\":\"110105194912310021\"}]}");
        assertEquals(400, bad.status(), bad.body());
        assertFalse(bad.body().contains("110105194912310021"), "the error names the rule, not the value");
        assertEquals(400, api.post("/communities/DEMO-W1/households", dispatcher, "{\"buildingCode\":\"DEMO-E1-G1-M1-B1\",\"members\":"
                + "[{\"name\":\"王五\",\"idNumber\":\"11010519491231002X\"}]}").status(), "a building of another community");
        assertEquals(400, api.post("/communities/DEMO-W1/households", dispatcher, "{\"buildingCode\":\"DEMO-W1-G1-M1-B1\",\"members\":"
                + "[{\"name\":\"王五\",\"idNumber\":\"11010519491231002X\"}],\"careCategories\":[\"外星人\"]}").status());
        Api.Answer created = api.post("/communities/DEMO-W1/households", dispatcher, "{\"buildingCode\":\"DEMO-W1-G1-M1-B1\",\"unit\":\"2\","
                + "\"room\":\"301\",\"members\":[{\"name\":\"王五\",\"idNumber\":\"11010519491231002x\",\"phone\":\"139 1234 5678\"}],"
                + "\"careCategories\":[\"VETERAN\"]}");
        assertEquals(201, created.status(), created.body());
        assertEquals("王*", created.json().path("head").asText());
        assertEquals(403, api.post("/communities/DEMO-E1/households", dispatcher, "{\"buildingCode\":\"DEMO-E1-G1-M1-B1\",\"members\":"
                + "[{\"name\":\"王五\",\"idNumber\":\"11010519491231002X\"}]}").status(), "another community's register");
        assertEquals(403, api.post("/communities/DEMO-W1/household-imports", worker, "{\"csv\":\"x\"}").status());
    }
}
