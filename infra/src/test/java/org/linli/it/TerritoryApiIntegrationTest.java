package org.linli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linli.geo.Datum;
import org.linli.geo.GeoPoint;
import org.linli.local.LocalCloud;
import org.linli.tools.DemoTerritory;

/** The registry's read API over HTTP on the demo territory: nodes, the building picker, locate, versions. */
class TerritoryApiIntegrationTest {
    private static Api api;
    private static String resident;
    private static String street;

    @BeforeAll
    static void start() {
        LocalCloud cloud = LinliCloud.get();
        api = new Api(cloud.baseUrl());
        resident = api.login("resident");
        street = api.login("street-DEMO-W");
    }

    private static JsonNode locate(GeoPoint p, String token) {
        Api.Answer a = api.get(String.format(Locale.ROOT, "/territory/locate?lat=%.7f&lng=%.7f&datum=%s", p.lat(), p.lng(), p.datum()), token);
        assertEquals(200, a.status(), a.body());
        return a.json();
    }

    @Test
    void aNodeComesWithItsChildrenAndCompounds() {
        Api.Answer a = api.get("/territory/nodes/DEMO-W1", resident);
        assertEquals(200, a.status(), a.body());
        JsonNode n = a.json();
        assertEquals("柳园社区", n.path("name").asText());
        assertEquals("COMMUNITY", n.path("level").asText());
        assertEquals(List.of("DEMO", "DEMO-W", "DEMO-W1"), List.of(n.path("path").get(0).asText(), n.path("path").get(1).asText(),
                n.path("path").get(2).asText()));
        assertEquals(List.of("DEMO-W1-G1", "DEMO-W1-G2", "DEMO-W1-G3", "DEMO-W1-S1", "DEMO-W1-X1"),
                n.path("children").findValuesAsText("code"));
        assertEquals("SCHOOL", n.path("children").get(3).path("kind").asText());
        assertEquals("COMPOUND", n.path("children").get(4).path("level").asText());
        JsonNode grid = api.get("/territory/nodes/DEMO-W1-G1?geometry=true", resident).json();
        assertEquals("Polygon", grid.path("boundary").path("type").asText());
        assertEquals(404, api.get("/territory/nodes/NOPE", resident).status());
        assertEquals(400, api.get("/territory/nodes/DEMO-W1?version=zero", resident).status());
    }

    @Test
    void theBuildingPickerListsACompoundsBuildings() {
        JsonNode b = api.get("/territory/nodes/DEMO-W1-X1/buildings", resident).json();
        assertEquals(12, b.path("items").size(), b.toString());
        JsonNode first = b.path("items").get(0);
        assertEquals("DEMO-W1-G1-M1-B1", first.path("code").asText());
        assertEquals("DEMO-W1-G1", first.path("grid").path("code").asText());
        assertEquals("DEMO-W1-G1-M1", first.path("microGrid").path("code").asText());
    }

    @Test
    void aSpotInGcj02AndTheSameSpotInWgs84LandOnTheSameGrid() {
        GeoPoint gcj = new GeoPoint(37.8481, 113.5452, Datum.GCJ02);
        GeoPoint wgs = gcj.in(Datum.WGS84);
        JsonNode a = locate(gcj, resident);
        JsonNode b = locate(wgs, resident);
        assertEquals("DEMO-W1-G1", a.path("grid").path("code").asText());
        assertEquals(a.path("grid"), b.path("grid"));
        assertEquals(a.path("microGrid"), b.path("microGrid"));
        assertEquals(37.8481, b.path("point").path("lat").asDouble(), 1e-6, "the WGS-84 point is converted to the map's GCJ-02");
        assertTrue(a.path("mapVersion").asInt() >= 1);
        // The raw WGS-84 numbers are ~500 m off in China: taken as GCJ-02 they would be a different spot.
        assertTrue(Math.abs(wgs.lng() - gcj.lng()) > 0.004, "the datums really differ here");
    }

    @Test
    void locateNamesTheWorkerAndMasksHisPhoneForResidents() {
        GeoPoint p = new GeoPoint(37.8481, 113.5452, Datum.GCJ02);
        JsonNode forResident = locate(p, resident);
        assertEquals(DemoTerritory.userId("worker-DEMO-W1-G1"), forResident.path("worker").path("userId").asText());
        assertEquals("ON_DUTY", forResident.path("worker").path("rule").asText());
        assertTrue(forResident.path("worker").path("phone").asText().contains("****"), forResident.toString());
        String phone = locate(p, street).path("worker").path("phone").asText();
        assertTrue(phone.matches("139\\d{8}"), phone);
        assertEquals(DemoTerritory.userId("leader-DEMO-W1-G1-M2"), forResident.path("microGridLeader").path("userId").asText());

        // DEMO-W1-G2's worker is on leave: his backup; DEMO-E2-G3 has nobody: the community dispatcher.
        assertEquals("BACKUP", locate(new GeoPoint(37.850, 113.555, Datum.GCJ02), resident).path("worker").path("rule").asText());
        assertEquals("COMMUNITY_DISPATCHER", locate(new GeoPoint(37.860, 113.595, Datum.GCJ02), resident).path("worker").path("rule").asText());
    }

    @Test
    void aBuildingCodeIsOneLookupAndAPlaceInNoGridNamesItsDispatchQueue() {
        JsonNode b = api.get("/territory/locate?building=DEMO-E1-G2-M1-B2", resident).json();
        assertEquals("BUILDING", b.path("method").asText());
        assertEquals("DEMO-E1-G2", b.path("grid").path("code").asText());
        assertEquals(404, api.get("/territory/locate?building=NO-SUCH-B", resident).status());

        JsonNode park = locate(new GeoPoint(37.876, 113.550, Datum.GCJ02), resident);
        assertTrue(park.path("grid").isNull());
        assertEquals("DEMO-W", park.path("queueNode").asText());
    }

    @Test
    void aLocationNeedsItsDatum() {
        Api.Answer a = api.get("/territory/locate?lat=37.8481&lng=113.5452", resident);
        assertEquals(400, a.status());
        assertEquals("datum", a.json().path("error").path("fields").get(0).path("field").asText());
        assertEquals(400, api.get("/territory/locate?lat=91&lng=113.5&datum=WGS84", resident).status());
    }

    @Test
    void versionsAreListedForStaffOnly() {
        JsonNode v = api.get("/territory/versions", street).json();
        assertTrue(v.path("items").size() >= 1);
        assertEquals(1, v.path("items").findValuesAsText("current").stream().filter("true"::equals).count());
        assertEquals(403, api.get("/territory/versions", resident).status());
    }

    @Test
    void theDepartmentRegistryListsWhatTheCallersTerritoryCanSummon() {
        // A community's staff: its street's police station and justice office, the district's bureaus; not the east side's.
        JsonNode w1 = api.get("/territory/departments", api.login("dispatcher-DEMO-W1")).json().path("items");
        java.util.List<String> codes = w1.findValuesAsText("code");
        assertTrue(codes.containsAll(java.util.List.of("DEMO-PS-W", "DEMO-SF-W", "DEMO-CG", "DEMO-SJ")), codes.toString());
        assertTrue(!codes.contains("DEMO-PS-E") && !codes.contains("DEMO-SF-E"), codes.toString());
        assertEquals("DEMO-W", w1.get(codes.indexOf("DEMO-PS-W")).path("seat").asText());
        // A department's staff: his own department only; residents: refused.
        JsonNode own = api.get("/territory/departments", api.login("dept-DEMO-PS-W")).json().path("items");
        assertEquals(java.util.List.of("DEMO-PS-W"), own.findValuesAsText("code"));
        assertEquals(403, api.get("/territory/departments", resident).status());
    }
}
