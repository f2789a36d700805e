package org.linli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.linli.categories.Categories;
import org.linli.core.FieldError;
import org.linli.core.ValidationFailed;
import org.linli.geo.Datum;
import org.linli.json.Json;

class ReportParserTest {
    private final ReportParser parser = new ReportParser(Categories.fromClasspath());

    private static final String VALID = """
            {"category":"sanitation","description":"楼道堆放杂物，堵塞消防通道 🚒",
             "location":{"lat":37.8501,"lng":113.5601,"datum":"GCJ02","buildingCode":"DEMO-B01"},
             "photoKeys":["uploads/2026/11/a.jpg"],
             "contact":{"name":"王芳","phone":"13812341234"}}""";

    private Map<String, String> errors(String json) {
        ValidationFailed e = assertThrows(ValidationFailed.class, () -> parser.parse(Json.parse(json)));
        return e.fields().stream().collect(Collectors.toMap(FieldError::field, FieldError::message, (a, b) -> a + "; " + b));
    }

    @Test
    void aValidReportParses() {
        ReportDraft d = parser.parse(Json.parse(VALID));
        assertEquals("sanitation", d.category());
        assertEquals(Datum.GCJ02, d.point().datum());
        assertEquals(37.8501, d.point().lat());
        assertEquals("DEMO-B01", d.buildingCode());
        assertEquals(Source.MINI_PROGRAM, d.source());
        assertEquals("13812341234", d.contact().phone());
    }

    @Test
    void aBuildingCodeAloneIsEnough() {
        ReportDraft d = parser.parse(Json.parse("""
                {"category":"leak","description":"楼上漏水","location":{"buildingCode":"DEMO-B01"},"contact":{"phone":"0353-1234567"}}"""));
        assertNull(d.point());
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        Map<String, String> e = errors("""
                {"category":"nope","description":"","location":{"lat":91,"lng":"east","datum":"BD09"},
                 "photoKeys":["../etc/passwd", 3],"contact":{"phone":"12345"},"colour":"red"}""");
        assertEquals("is not a known category", e.get("category"));
        assertEquals("must not be empty", e.get("description"));
        assertEquals("must be between -90 and 90", e.get("location.lat"));
        assertEquals("must be a number", e.get("location.lng"));
        assertEquals("must be one of WGS84, GCJ02", e.get("location.datum"));
        assertTrue(e.get("photoKeys[0]").startsWith("must be an upload key"));
        assertEquals("must be a string", e.get("photoKeys[1]"));
        assertTrue(e.get("contact.phone").startsWith("must be a mainland mobile"));
        assertEquals("is not a known field", e.get("colour"));
    }

    @Test
    void aPointNeedsItsDatum() {
        Map<String, String> e = errors("""
                {"category":"noise","description":"x","location":{"lat":37.8,"lng":113.5},"contact":{"phone":"13812341234"}}""");
        assertTrue(e.get("location.datum").contains("WGS84 or GCJ02"));
    }

    @Test
    void aLocationNeedsAPointOrABuilding() {
        assertTrue(errors("""
                {"category":"noise","description":"x","location":{},"contact":{"phone":"13812341234"}}""")
                .containsKey("location"));
        assertEquals("is required", errors("""
                {"category":"noise","description":"x","contact":{"phone":"13812341234"}}""").get("location"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"a\\u0000b\"|must not hold control characters",
            "\"a\\u202Eb\"|must not hold bidirectional override characters",
            "\"a\\uFFFDb\"|holds an invalid character (was the text UTF-8?)",
            "\"\\uD800\"|holds an invalid character",
            "42|must be a string"})
    void hostileTextIsRefused(String description, String message) {
        String json = "{\"category\":\"noise\",\"description\":" + description
                + ",\"location\":{\"buildingCode\":\"B1\"},\"contact\":{\"phone\":\"13812341234\"}}";
        assertEquals(message, errors(json).get("description"));
    }

    @Test
    void rightToLeftTextAndEmojiAreFine() {
        ReportDraft d = parser.parse(Json.parse("""
                {"category":"noise","description":"مرحبا 👋 שלום","location":{"buildingCode":"B1"},"contact":{"phone":"13812341234"}}"""));
        assertEquals("مرحبا 👋 שלום", d.description());
    }

    @Test
    void atMostNinePhotos() {
        String keys = "\"k1\",\"k2\",\"k3\",\"k4\",\"k5\",\"k6\",\"k7\",\"k8\",\"k9\",\"k10\"";
        assertEquals("must hold at most 9 items", errors("{\"category\":\"noise\",\"description\":\"x\",\"location\":{\"buildingCode\":\"B\"},"
                + "\"contact\":{\"phone\":\"13812341234\"},\"photoKeys\":[" + keys + "]}").get("photoKeys"));
    }

    @Test
    void theBodyMustBeAnObject() {
        assertEquals("must be a JSON object", errors("[1,2]").get(""));
    }

    @Test
    void theFingerprintIgnoresFormattingButNotContent() {
        ReportDraft a = parser.parse(Json.parse(VALID));
        ReportDraft b = parser.parse(Json.parse(VALID.replace("\n", " ").replace("{\"category\":\"sanitation\",", "{  \"category\" : \"sanitation\" ,")));
        ReportDraft c = parser.parse(Json.parse(VALID.replace("王芳", "王芬")));
        assertEquals(a.fingerprint(), b.fingerprint());
        assertTrue(!a.fingerprint().equals(c.fingerprint()));
    }
}
