package org.linli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linli.core.Times;
import org.linli.local.LocalCloud;

/**
 * GET /cases, the case register, on the local cloud: a street sees its own cases and not the other
 * street's, whatever the search; paging walks the street newest first; the searches by a phone's
 * last four digits and by case id stay inside the caller's territory; rows carry no contact;
 * malformed filters are 400s naming every field, a unit outside the territory a 403.
 */
class CaseRegisterIntegrationTest {
    private static Api api;
    private static String tail;
    private static String westA;
    private static String westB;
    private static String east;

    @BeforeAll
    static void fileReports() {
        LocalCloud cloud = LinliCloud.get();
        api = new Api(cloud.baseUrl());
        String resident = api.login("resident");
        tail = String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));
        westA = caseOf(resident, "sanitation", 37.8481, 113.5452);
        westB = caseOf(resident, "leak", 37.8420, 113.5610);
        east = caseOf(resident, "leak", 37.8420, 113.5910);
    }

    private static String caseOf(String token, String category, double lat, double lng) {
        JsonNode r = api.post("/reports", token, "{\"category\":\"" + category + "\",\"description\":\"台账测试\",\"location\":{\"lat\":"
                + lat + ",\"lng\":" + lng + ",\"datum\":\"GCJ02\"},\"contact\":{\"name\":\"王芳\",\"phone\":\"1390000" + tail + "\"}}").json();
        String reportId = r.path("reportId").asText();
        return Eventually.await(Duration.ofSeconds(20), () -> api.get("/reports/" + reportId, token).json(),
                j -> j.path("case").path("caseId").isTextual(), "the report's case").path("case").path("caseId").asText();
    }

    private static List<String> ids(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.path("items").forEach(i -> out.add(i.path("caseId").asText()));
        return out;
    }

    @Test
    void aPhonesLastFourDigitsFindTheStreetsCasesOnlyAndRowsCarryNoContact() {
        String street = api.login("street-DEMO-W");
        Api.Answer a = api.get("/cases?phoneLast4=" + tail, street);
        assertEquals(200, a.status(), a.body());
        List<String> found = ids(a.json());
        assertTrue(found.containsAll(List.of(westA, westB)), found + " lacks " + westA + ", " + westB);
        assertFalse(found.contains(east), "the east street's case leaked into the west's register");
        for (JsonNode row : a.json().path("items")) {
            assertFalse(row.has("contact"), "a register row carries a contact: " + row);
            assertFalse(row.toString().contains(tail + "\""), "a register row carries the phone: " + row);
            assertEquals("MINI_PROGRAM", row.path("source").asText());
        }
        // The east street sees its own case by the same digits, and not the west's.
        List<String> eastSide = ids(api.get("/cases?phoneLast4=" + tail, api.login("street-DEMO-E")).json());
        assertTrue(eastSide.contains(east) && !eastSide.contains(westA), eastSide.toString());
    }

    @Test
    void aCaseIdOutsideTheTerritoryFindsNothingAndInsideFindsTheCase() {
        String street = api.login("street-DEMO-W");
        assertEquals(List.of(), ids(api.get("/cases?caseId=" + east, street).json()));
        assertEquals(List.of(westA), ids(api.get("/cases?caseId=" + westA, street).json()));
        // A filter that excludes it: none.
        assertEquals(List.of(), ids(api.get("/cases?caseId=" + westA + "&status=CLOSED", street).json()));
    }

    @Test
    void theStreetsRegisterPagesNewestFirstAndHoldsBothCases() {
        String street = api.login("street-DEMO-W");
        String today = LocalDate.ofInstant(LinliCloud.now(), Times.CHINA).toString();
        Set<String> seen = new HashSet<>();
        List<String> createdAt = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Api.Answer a = api.get("/cases?limit=2&openedFrom=" + today + (cursor == null ? "" : "&cursor=" + cursor), street);
            assertEquals(200, a.status(), a.body());
            assertTrue(a.json().path("items").size() <= 2, "a page holds at most its limit");
            for (JsonNode row : a.json().path("items")) {
                assertTrue(seen.add(row.path("caseId").asText()), "a case on two pages: " + row.path("caseId"));
                assertTrue(row.path("placement").path("path").toString().contains("\"DEMO-W\""), "not the west street's: " + row);
                createdAt.add(row.path("createdAt").asText());
            }
            cursor = a.json().path("nextCursor").isTextual() ? a.json().path("nextCursor").asText() : null;
        } while (cursor != null && ++pages < 200);
        assertTrue(seen.containsAll(List.of(westA, westB)), "the register lacks the street's new cases");
        assertFalse(seen.contains(east));
        List<String> sorted = new ArrayList<>(createdAt);
        sorted.sort(java.util.Comparator.reverseOrder());
        assertEquals(sorted, createdAt, "newest first");
    }

    @Test
    void aCommunityAndTheDistrictSeeTheirUnits() {
        String community = api.login("dispatcher-DEMO-W1");
        List<String> mine = ids(api.get("/cases?phoneLast4=" + tail, community).json());
        assertTrue(mine.contains(westA), mine.toString());
        // The district reads month by month (above the streets): today's cases of either street.
        String today = LocalDate.ofInstant(LinliCloud.now(), Times.CHINA).toString();
        Set<String> district = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = api.get("/cases?limit=100&openedFrom=" + today + (cursor == null ? "" : "&cursor=" + cursor),
                    api.login("district")).json();
            district.addAll(ids(page));
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (cursor != null && ++pages < 50);
        assertTrue(district.containsAll(List.of(westA, westB, east)), "the district's register lacks today's cases");
    }

    @Test
    void badFiltersAreFourHundredsNamingEachFieldAndOtherUnitsForbidden() {
        String street = api.login("street-DEMO-W");
        Api.Answer bad = api.get("/cases?status=NOPE&phoneLast4=12&openedFrom=2026-12-05&openedTo=2026-12-01&matterType=X", street);
        assertEquals(400, bad.status(), bad.body());
        Set<String> fields = new HashSet<>();
        bad.json().path("error").path("fields").forEach(f -> fields.add(f.path("field").asText()));
        assertEquals(Set.of("status", "phoneLast4", "openedTo", "matterType"), fields, bad.body());
        assertEquals(400, api.get("/cases?cursor=bm90LWEtY3Vyc29y", street).status());
        assertEquals(403, api.get("/cases?unit=DEMO-E", street).status());
        assertEquals(403, api.get("/cases", api.login("resident")).status());
    }
}
