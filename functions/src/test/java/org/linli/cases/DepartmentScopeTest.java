package org.linli.cases;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.linli.identity.Principal;
import org.linli.identity.Role;

/** Which departments the registry lists to whom (GET /territory/departments). */
class DepartmentScopeTest {
    private static final Department STATION = new Department("DEPT-P", "东街道派出所", "police", "S1", List.of("D", "S1"));
    private static final Department BUREAU = new Department("DEPT-Q", "区城管局", "city_management", "D", List.of("D"));
    private static final Department ELSEWHERE = new Department("DEPT-X", "西街道派出所", "police", "S2", List.of("D", "S2"));

    @Test
    void streetStaffSeeTheirStationAndTheDistrictsBureauButNotAnotherStreets() {
        Principal street = new Principal("u1", Set.of(Role.STREET_STAFF), Set.of("S1"));
        List<List<String>> paths = List.of(List.of("D", "S1"));
        assertTrue(STATION.inScopeOf(street, paths));
        assertTrue(BUREAU.inScopeOf(street, paths));
        assertFalse(ELSEWHERE.inScopeOf(street, paths));
    }

    @Test
    void districtStaffSeeEveryDepartmentSeatedBelow() {
        Principal district = new Principal("u2", Set.of(Role.DISTRICT_STAFF), Set.of("D"));
        assertTrue(ELSEWHERE.inScopeOf(district, List.of(List.of("D"))));
        assertTrue(STATION.inScopeOf(district, List.of(List.of("D"))));
    }

    @Test
    void departmentStaffSeeTheirOwnOnlyAndAdministratorsAll() {
        Principal officer = new Principal("u3", Set.of(Role.DEPARTMENT_STAFF), Set.of("DEPT-P"));
        assertTrue(STATION.inScopeOf(officer, List.of()));
        assertFalse(BUREAU.inScopeOf(officer, List.of()));
        Principal admin = new Principal("u4", Set.of(Role.ADMIN), Set.of());
        assertTrue(ELSEWHERE.inScopeOf(admin, List.of()));
    }
}
