package org.linli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linli.json.Json;
import org.linli.local.LocalCloud;
import org.linli.territory.imports.GeoJsonTerritory;
import org.linli.tools.DemoExport;
import org.linli.tools.DemoTerritory;
import org.linli.tools.ImportClient;

/**
 * Territory imports end to end on the real template: the CLI's client uploads parts over HTTP,
 * the ImportWorker validates and publishes from the import queue. The map it publishes is the demo
 * territory again (the same codes and shapes), so other tests sharing the cloud are unaffected.
 */
class TerritoryImportIntegrationTest {
    private static LocalCloud cloud;
    private static Api api;
    private static String admin;
    private static DemoTerritory demo;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        cloud = LinliCloud.get();
        api = new Api(cloud.baseUrl());
        admin = api.login("admin");
        demo = DemoTerritory.create(LinliCloud.now());
    }

    private ImportClient.Result importFiles(ObjectNode territory, String buildings, String rosters, ByteArrayOutputStream out,
                                            int partBytes) throws Exception {
        Path t = Files.writeString(dir.resolve("t.geojson"), Json.write(territory));
        Path b = buildings == null ? null : Files.writeString(dir.resolve("b.csv"), buildings);
        Path r = rosters == null ? null : Files.writeString(dir.resolve("r.csv"), rosters);
        var client = new ImportClient(cloud.baseUrl(), admin, new PrintStream(out, true, StandardCharsets.UTF_8), Duration.ofMillis(100));
        return client.run(new ImportClient.Request(t, b, r, "it", null, null, partBytes));
    }

    private static org.locationtech.jts.geom.Geometry wkt(String text) {
        try {
            return new org.locationtech.jts.io.WKTReader().read(text);
        } catch (org.locationtech.jts.io.ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static ObjectNode feature(ObjectNode fc, String code) {
        for (JsonNode f : fc.path("features")) if (code.equals(f.path("properties").path("code").asText())) return (ObjectNode) f;
        throw new AssertionError(code);
    }

    private static int index(ObjectNode fc, String code) {
        ArrayNode features = (ArrayNode) fc.path("features");
        for (int i = 0; i < features.size(); i++) if (code.equals(features.get(i).path("properties").path("code").asText())) return i;
        throw new AssertionError(code);
    }

    private static JsonNode versions() {
        return api.get("/territory/versions", admin).json().path("items");
    }

    private static int current() {
        for (JsonNode v : versions()) if (v.path("current").asBoolean()) return v.path("version").asInt();
        throw new AssertionError("no current version");
    }

    /**
     * A report in DEMO-W1-G1 of a category and place no other test uses, so that it opens its own
     * case rather than joining a nearby open one of the same category (issue 4's duplicates rule).
     */
    private static JsonNode reportAndAwaitCase(String resident, String category) {
        Api.Answer posted = api.post("/reports", resident, """
                {"category":"%s","description":"楼道堆放杂物","location":{"lat":37.8471,"lng":113.5442,"datum":"GCJ02"},
                 "contact":{"phone":"13812341234"}}""".formatted(category));
        assertEquals(202, posted.status(), posted.body());
        String id = posted.json().path("reportId").asText();
        return Eventually.await(Duration.ofSeconds(10), () -> api.get("/reports/" + id, resident).json(),
                j -> "ASSIGNED".equals(j.path("status").asText()), "case of " + id).path("case");
    }

    @Test
    void aFaultyImportIsRefusedWithOneMessagePerProblemThenTheFixedOnePublishesAVersionThatNewCasesName() throws Exception {
        String resident = api.login("resident");
        int before = current();
        int versionsBefore = versions().size();
        JsonNode first = reportAndAwaitCase(resident, "dispute");
        assertEquals(before, first.path("placement").path("mapVersion").asInt());

        // An invalid polygon, a child outside its parent and a duplicate code.
        ObjectNode spoiled = DemoExport.geoJson(demo.map());
        feature(spoiled, "DEMO-W1-G2").set("geometry", GeoJsonTerritory.geometry(
                wkt("POLYGON((113.55 37.84, 113.56 37.856, 113.56 37.84, 113.55 37.856, 113.55 37.84))")));
        feature(spoiled, "DEMO-E1-G1-M1").set("geometry", GeoJsonTerritory.geometry(
                wkt("POLYGON((113.59 37.84, 113.60 37.84, 113.60 37.848, 113.59 37.848, 113.59 37.84))")));
        ((ArrayNode) spoiled.path("features")).add(feature(spoiled, "DEMO-E2-G1").deepCopy());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImportClient.Result refused = importFiles(spoiled, null, null, out, 4096); // small parts: several uploads
        assertEquals("REFUSED", refused.state(), out.toString(StandardCharsets.UTF_8));
        assertEquals(List.of(
                "feature " + index(spoiled, "DEMO-W1-G2") + " (DEMO-W1-G2): the boundary intersects itself at (113.555000, 37.848000)",
                "feature " + index(spoiled, "DEMO-E1-G1-M1") + " (DEMO-E1-G1-M1): lies outside its parent DEMO-E1-G1: 100% of its area"
                        + " is outside (tolerance 1%)",
                "feature " + (spoiled.path("features").size() - 1) + " (DEMO-E2-G1): code DEMO-E2-G1 is already used by feature "
                        + index(spoiled, "DEMO-E2-G1")), ImportClient.problems(refused.job()));
        assertTrue(refused.job().path("parts").path("territory").asInt() > 1, refused.job().toString());
        assertEquals(versionsBefore, versions().size(), "a refused import reserves no version");
        assertEquals(before, current(), "and publishes nothing");

        // Fixed: the demo territory with its buildings and rosters, as a new version.
        out.reset();
        ImportClient.Result published = importFiles(DemoExport.geoJson(demo.map()), DemoExport.buildingsCsv(demo.map().buildings()),
                DemoExport.rostersCsv(demo.territoryRosters()), out, 3 * 1024 * 1024);
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals("PUBLISHED", published.state(), printed);
        int next = published.job().path("mapVersion").asInt();
        assertTrue(next > before);
        assertEquals(48, published.job().path("summary").path("buildings").asInt());
        assertTrue(printed.contains("writing (4/5):") && printed.contains("items/s") && printed.contains("ETA"), printed);
        assertTrue(printed.contains("published map version " + next), printed);
        assertEquals(next, current());

        // New cases name the new version once warm functions re-read the pointer (MapCacheSeconds=2 locally).
        Thread.sleep(2_500);
        JsonNode second = reportAndAwaitCase(resident, "other");
        assertEquals(next, second.path("placement").path("mapVersion").asInt());
        assertEquals("DEMO-W1-G1", second.path("grid").path("code").asText());
        JsonNode firstAgain = api.get("/cases/" + first.path("caseId").asText(), admin).json();
        assertEquals(before, firstAgain.path("placement").path("mapVersion").asInt(), "the earlier case keeps its version");
        assertEquals(200, api.get("/territory/nodes/DEMO-W1-G1?version=" + before, resident).status(), "and that map stays readable");
    }

    @Test
    void onlyAdministratorsAndDistrictStaffImport() {
        assertEquals(403, api.post("/territory/imports", api.login("resident"), "{}").status());
        assertEquals(403, api.post("/territory/imports", api.login("street-DEMO-W"), "{}").status());
        assertEquals(201, api.post("/territory/imports", api.login("district"), "{\"note\":\"district\"}").status());
    }

    @Test
    void partsAreCheckedAsTheyArriveAndAfterCommitNothingChanges() {
        Api.Answer created = api.post("/territory/imports", admin, "{\"datum\":\"WGS84\",\"cellPrecision\":7}");
        assertEquals(201, created.status(), created.body());
        assertEquals("WGS84", created.json().path("datum").asText());
        String id = created.json().path("jobId").asText();
        String base = "/territory/imports/" + id;
        assertEquals(400, api.call("PUT", base + "/parts/territory-1", admin, "{}", java.util.Map.of("Content-Type", "application/json")).status());
        assertEquals(400, api.call("PUT", base + "/parts/territory-0001", admin, "{\"type\":\"Feature\"}",
                java.util.Map.of("Content-Type", "application/json")).status());
        assertEquals(400, api.post(base + "/commit", admin, "{}").status(), "nothing uploaded yet");
        assertEquals(400, api.post("/territory/imports", admin, "{\"cellPrecision\":12}").status());

        // A node the map does not have: the job is refused, so the demo rosters stay as they are.
        String roster = Json.write(Json.object().put("csv", DemoExport.ROSTERS_HEADER + "\nDEMO-NOPE,u1,李强,,GRID_WORKER,ON_DUTY\n"));
        assertEquals(200, api.call("PUT", base + "/parts/rosters-0001", admin, roster, java.util.Map.of("Content-Type", "application/json")).status());
        assertEquals(202, api.post(base + "/commit", admin, "{}").status());
        assertEquals(202, api.post(base + "/commit", admin, "{}").status(), "commit is idempotent");
        Api.Answer late = api.call("PUT", base + "/parts/rosters-0002", admin, roster, java.util.Map.of("Content-Type", "application/json"));
        assertEquals(409, late.status(), late.body());
        assertEquals(404, api.get(base, api.login("district")).status(), "another importer's job is not his");
    }
}
