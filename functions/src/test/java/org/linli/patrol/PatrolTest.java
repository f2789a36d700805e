package org.linli.patrol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linli.categories.Categories;
import org.linli.core.ValidationFailed;
import org.linli.json.Json;
import org.linli.kpi.Unit;
import org.linli.kpi.UnitDirectory;

/** The month's plan from a small map, and the visit body's rules. */
class PatrolTest {
    /** D → S → C → G1 (two micro-grids), G2 (none: a patrol unit itself), G3 (three micro-grids). */
    private static UnitDirectory map() {
        Map<String, List<UnitDirectory.UnitInfo>> children = new HashMap<>();
        Map<String, UnitDirectory.UnitInfo> all = new HashMap<>();
        java.util.function.BiFunction<String, String, UnitDirectory.UnitInfo> add = (code, level) -> {
            String parent = code.contains("-") ? code.substring(0, code.lastIndexOf('-')) : null;
            List<String> path = new java.util.ArrayList<>(parent == null ? List.of() : all.get(parent).path());
            path.add(code);
            UnitDirectory.UnitInfo i = new UnitDirectory.UnitInfo(code, code, level, Unit.Kind.NODE, path);
            all.put(code, i);
            if (parent != null) children.computeIfAbsent(parent, k -> new java.util.ArrayList<>()).add(i);
            return i;
        };
        add.apply("D", "DISTRICT");
        add.apply("D-S", "STREET");
        add.apply("D-S-C", "COMMUNITY");
        add.apply("D-S-C-G1", "GRID");
        add.apply("D-S-C-G1-M1", "MICRO_GRID");
        add.apply("D-S-C-G1-M2", "MICRO_GRID");
        add.apply("D-S-C-G2", "GRID");
        add.apply("D-S-C-G3", "GRID");
        for (int m = 1; m <= 3; m++) add.apply("D-S-C-G3-M" + m, "MICRO_GRID");
        return new UnitDirectory() {
            @Override
            public Map<String, UnitInfo> find(Collection<String> codes) {
                Map<String, UnitInfo> out = new HashMap<>();
                codes.forEach(c -> {
                    if (all.containsKey(c)) out.put(c, all.get(c));
                });
                return out;
            }

            @Override
            public List<UnitInfo> children(String code) {
                return children.getOrDefault(code, List.of());
            }

            @Override
            public String root() {
                return "D";
            }
        };
    }

    @Test
    void thePlanCountsMicroGridsAndGridsWithoutThem() {
        Map<String, Long> planned = new HashMap<>();
        for (PatrolPlan.Row r : PatrolPlan.derive(map(), 4)) planned.put(r.node().code(), r.planned());
        assertEquals(4 * 6L, planned.get("D"), "5 micro-grids + 1 grid without micro-grids");
        assertEquals(4 * 2L, planned.get("D-S-C-G1"));
        assertEquals(4L, planned.get("D-S-C-G2"));
        assertEquals(4L, planned.get("D-S-C-G3-M2"));
        assertEquals(11, planned.size(), "every node of the map");
    }

    @Test
    void aVisitNamesExactlyOnePlaceAndItsFindingsAreChecked() {
        PatrolParser parser = new PatrolParser(Categories.fromClasspath());
        PatrolDraft d = parser.parse(Json.parse("""
                {"place":{"buildingCode":"B-1"},"visitedAt":"2026-11-23T09:30:00+08:00",
                 "findings":[{"note":"纸箱","report":{"category":"sanitation"}},{"note":"正常"}]}"""));
        assertEquals("B-1", d.buildingCode());
        assertEquals("sanitation", d.findings().get(0).reportCategory());
        assertEquals(null, d.findings().get(1).reportCategory());
        ValidationFailed two = assertThrows(ValidationFailed.class, () -> parser.parse(Json.parse(
                "{\"place\":{\"grid\":\"G\",\"microGrid\":\"M\"},\"visitedAt\":\"2026-11-23T09:30:00+08:00\"}")));
        assertEquals("place", two.fields().get(0).field());
        ValidationFailed bad = assertThrows(ValidationFailed.class, () -> parser.parse(Json.parse("""
                {"place":{"microGrid":"M"},"visitedAt":"yesterday","findings":[{"note":"x","report":{"category":"potholes"}},
                 {"report":{"category":"sanitation","location":{"lat":37.8}}}],"colour":"red"}""")));
        List<String> fields = bad.fields().stream().map(f -> f.field()).toList();
        assertTrue(fields.containsAll(List.of("visitedAt", "findings[0].report.category", "findings[1].note", "colour")), fields.toString());
        assertTrue(fields.stream().anyMatch(f -> f.startsWith("findings[1].report.location")), fields.toString());
    }
}
