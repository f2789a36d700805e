package org.linli.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The streaming tree reader and writer give what the configured ObjectMapper gives, and refuse what it refuses. */
class JsonTest {
    private static final List<String> SAMPLES = List.of(
            "{\"category\":\"noise\",\"location\":{\"lat\":37.8400,\"lng\":113.5,\"datum\":\"GCJ02\"},\"tags\":[1,2,\"三\",null,true,false]}",
            "[0.0,1.50,-2.5e3,1E-7,12345678901234567890123,9007199254740993,2147483648,-1,0]",
            "\"a \\\"quoted\\\" \\u00e9 text\\n\"",
            "42", "true", "null", "{}", "[]", "{\"a\":{\"b\":[{\"c\":[]}]}}", "  {\"k\" : 1 }  ");

    @Test
    void parsesTheTreesTheMapperParses() throws Exception {
        for (String s : SAMPLES) {
            JsonNode expected = Json.mapper().readTree(s);
            JsonNode actual = Json.parse(s);
            assertEquals(expected, actual, s);
            assertEquals(Json.mapper().writeValueAsString(expected), Json.write(actual), s);
        }
    }

    @Test
    void writesWhatItReadsBack() {
        for (String s : SAMPLES) {
            String once = Json.write(Json.parse(s));
            assertEquals(once, Json.write(Json.parse(once)), s); // text is stable (0.0 reads back as the integer 0, as with the mapper)
        }
        assertEquals("{\"a\":\"b\",\"n\":[1,2.50]}", Json.write(Json.object().put("a", "b")
                .set("n", Json.array().add(1).add(new java.math.BigDecimal("2.50")))));
    }

    @Test
    void plainValuesBecomeTheTreesTheMapperMakes() {
        var details = new java.util.LinkedHashMap<String, Object>();
        details.put("caseId", "case_1");
        details.put("version", 3);
        details.put("big", 12345678901L);
        details.put("allowed", List.of("accept", "reject"));
        details.put("score", new java.math.BigDecimal("4.5"));
        details.put("none", null);
        details.put("kind", java.time.DayOfWeek.MONDAY);
        details.put("nested", java.util.Map.of("ok", true));
        assertEquals(Json.mapper().valueToTree(details), Json.tree(details));
    }

    @Test
    void refusesWhatIsNotOneStrictJsonValue() {
        assertEquals("The body is empty.", assertThrows(Json.MalformedJson.class, () -> Json.parse("  ")).getMessage());
        assertTrue(assertThrows(Json.MalformedJson.class, () -> Json.parse("{\"a\":1,\"a\":2}")).getMessage()
                .startsWith("The body repeats a field"));
        assertTrue(assertThrows(Json.MalformedJson.class, () -> Json.parse("{\"a\":1} {}")).getMessage()
                .startsWith("The body has content after the JSON value"));
        assertTrue(assertThrows(Json.MalformedJson.class, () -> Json.parse("{\"a\":")).getMessage()
                .startsWith("The body ends before the JSON value does"));
        assertEquals("The body is nested deeper than 32 levels.",
                assertThrows(Json.MalformedJson.class, () -> Json.parse("[".repeat(40) + "]".repeat(40))).getMessage());
        assertTrue(assertThrows(Json.MalformedJson.class, () -> Json.parse("1" + "0".repeat(50))).getMessage()
                .startsWith("The body holds a value that is too long"));
        assertTrue(assertThrows(Json.MalformedJson.class, () -> Json.parse("{a:1}")).getMessage()
                .startsWith("The body is not valid JSON"));
    }

    /** Issue 13 defect 4: an exponent beyond an int escaped the parser as a NumberFormatException (a 500 on every JSON route). */
    @Test
    void hugeExponentsAreMalformedJsonNotACrash() {
        for (String body : List.of("{\"code\":1e2147483648}", "{\"code\":-1e2147483648}", "{\"code\":1e-2147483649}",
                "[1E+99999999999]", "{\"a\":{\"b\":[0.5e2147483648]}}", "1e2147483648")) {
            Json.MalformedJson e = assertThrows(Json.MalformedJson.class, () -> Json.parse(body), body);
            assertTrue(e.getMessage().startsWith("The body holds a number out of range"), body + ": " + e.getMessage());
        }
        // large but representable exponents still parse (a range check refuses them as a field error)
        assertEquals(new java.math.BigDecimal("1E+400"), Json.parse("1e400").decimalValue());
    }
}
