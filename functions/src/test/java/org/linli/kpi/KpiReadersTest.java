package org.linli.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.linli.core.Forbidden;
import org.linli.core.NotFound;
import org.linli.identity.Grant;
import org.linli.identity.Principal;
import org.linli.identity.Role;
import org.linli.open311.ApiKeys;

/** A unit's figures for its line of command only; an Open311 key's requests inside its node only. */
class KpiReadersTest {
    private static final UnitDirectory UNITS = new UnitDirectory() {
        private final Map<String, UnitInfo> all = Map.of(
                "D", new UnitInfo("D", "区", "DISTRICT", Unit.Kind.NODE, List.of("D")),
                "D-W1", new UnitInfo("D-W1", "社区", "COMMUNITY", Unit.Kind.NODE, List.of("D", "D-W", "D-W1")),
                "D-E1", new UnitInfo("D-E1", "社区", "COMMUNITY", Unit.Kind.NODE, List.of("D", "D-E", "D-E1")),
                "PS-W", new UnitInfo("PS-W", "派出所", "DEPARTMENT", Unit.Kind.DEPARTMENT, List.of("D", "PS-W")));

        @Override
        public Map<String, UnitInfo> find(Collection<String> codes) {
            Map<String, UnitInfo> found = new HashMap<>();
            for (String c : codes) if (all.containsKey(c)) found.put(c, all.get(c));
            return found;
        }

        @Override
        public List<UnitInfo> children(String code) {
            return List.of();
        }

        @Override
        public String root() {
            return "D";
        }
    };

    private static Principal holding(Role role, String node) {
        return new Principal("usr_x", Set.of(Grant.of(Role.RESIDENT), new Grant(role, node)));
    }

    private static boolean reads(Principal p, String unit) {
        try {
            KpiReaders.visible(p, UNITS, unit);
            return true;
        } catch (Forbidden e) {
            return false;
        }
    }

    @Test
    void aNodesStaffAndStaffAboveItReadItsFiguresNobodyElse() {
        assertEquals(true, reads(holding(Role.COMMUNITY_STAFF, "D-W1"), "D-W1"));
        assertEquals(true, reads(holding(Role.STREET_STAFF, "D-W"), "D-W1"));
        assertEquals(true, reads(holding(Role.DISTRICT_STAFF, "D"), "D-W1"));
        assertEquals(false, reads(holding(Role.STREET_STAFF, "D-W"), "D-E1"));
        assertEquals(false, reads(holding(Role.COMMUNITY_STAFF, "D-W1"), "D"));
        assertEquals(false, reads(holding(Role.DEPARTMENT_STAFF, "PS-W"), "D-W1"));
        assertEquals(false, reads(new Principal("usr_r", Set.of(Grant.of(Role.RESIDENT))), "D-W1"));
        assertEquals(true, reads(new Principal("usr_a", Set.of(Grant.of(Role.ADMIN))), "D-E1"));
    }

    @Test
    void aDepartmentsFiguresAreItsOwnStaffsAndTheDistricts() {
        assertEquals(true, reads(holding(Role.DEPARTMENT_STAFF, "PS-W"), "PS-W"));
        assertEquals(true, reads(holding(Role.DISTRICT_STAFF, "D"), "PS-W"));
        assertEquals(false, reads(holding(Role.DEPARTMENT_STAFF, "PS-E"), "PS-W"));
        assertEquals(false, reads(holding(Role.STREET_STAFF, "D-W"), "PS-W"));
    }

    @Test
    void unknownOrMalformedUnitsAreNotFound() {
        Principal admin = new Principal("usr_a", Set.of(Grant.of(Role.ADMIN)));
        assertThrows(NotFound.class, () -> KpiReaders.visible(admin, UNITS, "NOPE"));
        assertThrows(NotFound.class, () -> KpiReaders.visible(admin, UNITS, "../etc"));
    }

    @Test
    void anOpen311KeyReportsOnlyInsideItsNode() {
        ApiKeys.ApiKey west = new ApiKeys.ApiKey("hotline", "D-W", "usr_key");
        west.requireCovers(List.of("D", "D-W", "D-W1"));
        assertThrows(Forbidden.class, () -> west.requireCovers(List.of("D", "D-E", "D-E1")));
    }
}
