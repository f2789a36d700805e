package org.linli.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.linli.core.FieldError;
import org.linli.core.Forbidden;
import org.linli.core.NotFound;
import org.linli.core.ValidationFailed;
import org.linli.json.Json;
import org.linli.territory.Level;
import org.linli.testing.InMemoryUsers;
import org.linli.testing.MutableClock;

class PromotionsTest {
    private static final Map<String, Level> MAP = Map.of("D", Level.DISTRICT, "D-W", Level.STREET, "D-W1", Level.COMMUNITY,
            "D-W1-G1", Level.GRID, "D-W1-G1-M1", Level.MICRO_GRID, "D-E1", Level.COMMUNITY);
    private static final GrantTargets TARGETS = new GrantTargets() {
        public Map<String, Level> levels(Collection<String> codes) {
            Map<String, Level> out = new HashMap<>();
            for (String c : codes) if (MAP.containsKey(c)) out.put(c, MAP.get(c));
            return out;
        }

        public Set<String> departments(Collection<String> codes) {
            return codes.stream().filter(c -> c.startsWith("PS-")).collect(Collectors.toSet());
        }
    };

    private final InMemoryUsers users = new InMemoryUsers();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T02:00:00Z"));
    private final Promotions promotions = new Promotions(users, TARGETS, clock);
    private final Principal admin = new Principal("usr_admin", Set.of(Role.RESIDENT, Role.ADMIN), Set.of());
    private final String userId = "usr_01JD0000000000000000000000";

    PromotionsTest() {
        users.save(new UserAccount(userId, "o1", null, "李强", Set.of(Role.RESIDENT), Set.of(), clock.instant()));
    }

    private Promotions.Outcome grant(String json) {
        return promotions.grant(admin, userId, Json.parse(json));
    }

    @Test
    void anAdministratorGrantsARoleOverNodesOfTheRightLevelAndTheChangeIsRecorded() {
        var o = grant("{\"role\":\"GRID_WORKER\",\"nodes\":[\"D-W1-G1\"],\"reason\":\"新任网格员\"}");
        assertEquals(Set.of(Grant.of(Role.RESIDENT), new Grant(Role.GRID_WORKER, "D-W1-G1")), o.account().grants());
        assertEquals(1, o.account().version());
        assertEquals("usr_admin", o.change().actorId());
        assertEquals(List.of("D-W1-G1"), o.change().nodes());
        assertEquals(List.of("RESIDENT", "GRID_WORKER@D-W1-G1"), o.change().grantsAfter());
        assertEquals(List.of(o.change()), users.grantChanges(userId, 10));
        assertTrue(users.find(userId).orElseThrow().principal().covers(Role.GRID_WORKER, List.of("D", "D-W", "D-W1", "D-W1-G1")));
    }

    @Test
    void grantingWhatIsHeldAlreadyChangesNothing() {
        grant("{\"role\":\"COMMUNITY_STAFF\",\"nodes\":[\"D-W1\"],\"reason\":\"r\"}");
        var again = grant("{\"role\":\"COMMUNITY_STAFF\",\"nodes\":[\"D-W1\"],\"reason\":\"r\"}");
        assertNull(again.change());
        assertEquals(1, users.changes.size());
    }

    @Test
    void nodesMustExistInTheCurrentMapAtTheRoleLevel() {
        var e = assertThrows(ValidationFailed.class, () -> grant(
                "{\"role\":\"COMMUNITY_STAFF\",\"nodes\":[\"D-W1\",\"D-W1-G1\",\"NOPE\"],\"reason\":\"r\"}"));
        assertEquals(List.of("nodes[1]", "nodes[2]"), e.fields().stream().map(FieldError::field).toList(), e.fields().toString());
        assertTrue(e.fields().get(0).message().contains("GRID"), e.fields().toString());
        var dept = assertThrows(ValidationFailed.class, () -> grant("{\"role\":\"DEPARTMENT_STAFF\",\"nodes\":[\"D-W\"],\"reason\":\"r\"}"));
        assertEquals("is not a registered department", dept.fields().get(0).message());
        assertEquals(Set.of(Grant.of(Role.RESIDENT)), users.find(userId).orElseThrow().grants(), "nothing granted");
    }

    @Test
    void rolesWithoutNodesResidentsAndVolunteersAreRefusedAsInput() {
        for (String body : List.of("{\"role\":\"GRID_WORKER\",\"reason\":\"r\"}", "{\"role\":\"ADMIN\",\"nodes\":[\"D\"],\"reason\":\"r\"}",
                "{\"role\":\"RESIDENT\",\"reason\":\"r\"}", "{\"role\":\"VOLUNTEER\",\"reason\":\"r\"}",
                "{\"role\":\"KING\",\"nodes\":[\"D\"],\"reason\":\"r\"}", "{\"role\":\"GRID_WORKER\",\"nodes\":[\"D-W1-G1\"]}",
                "{\"role\":\"GRID_WORKER\",\"nodes\":[\"D W\"],\"reason\":\"r\"}")) {
            assertThrows(ValidationFailed.class, () -> grant(body), body);
        }
        assertTrue(users.changes.isEmpty());
    }

    @Test
    void revokingRemovesTheNamedNodesOrEveryNodeOfTheRole() {
        grant("{\"role\":\"GRID_WORKER\",\"nodes\":[\"D-W1-G1\"],\"reason\":\"r\"}");
        grant("{\"role\":\"COMMUNITY_STAFF\",\"nodes\":[\"D-W1\",\"D-E1\"],\"reason\":\"r\"}");
        var one = promotions.revoke(admin, userId, Json.parse("{\"role\":\"COMMUNITY_STAFF\",\"nodes\":[\"D-E1\"],\"reason\":\"调离\"}"));
        assertEquals(Set.of("D-W1-G1", "D-W1"), one.account().scope());
        var all = promotions.revoke(admin, userId, Json.parse("{\"role\":\"COMMUNITY_STAFF\",\"reason\":\"离职\"}"));
        assertEquals(List.of("D-W1"), all.change().nodes());
        assertFalse(all.account().roles().contains(Role.COMMUNITY_STAFF));
        assertTrue(all.account().roles().contains(Role.GRID_WORKER));
        assertNull(promotions.revoke(admin, userId, Json.parse("{\"role\":\"COMMUNITY_STAFF\",\"reason\":\"x\"}")).change());
        assertEquals(4, promotions.history(admin, userId, 10).size());
    }

    @Test
    void onlyAdministratorsPromoteAndNobodyRevokesHisOwnAdministration() {
        Principal district = new Principal("usr_d", Set.of(Role.RESIDENT, Role.DISTRICT_STAFF), Set.of("D"));
        assertThrows(Forbidden.class, () -> promotions.grant(district, userId,
                Json.parse("{\"role\":\"GRID_WORKER\",\"nodes\":[\"D-W1-G1\"],\"reason\":\"r\"}")));
        assertThrows(Forbidden.class, () -> promotions.revoke(admin, "usr_admin", Json.parse("{\"role\":\"ADMIN\",\"reason\":\"r\"}")));
        assertThrows(NotFound.class, () -> promotions.grant(admin, "usr_01JD0000000000000000000001",
                Json.parse("{\"role\":\"ADMIN\",\"reason\":\"r\"}")));
        assertThrows(NotFound.class, () -> promotions.account(admin, "not-an-id"));
    }

    @Test
    void aConcurrentChangeIsReadAgainAndBothSurvive() {
        users.beforeChange = () -> {
            UserAccount now = users.users.get(userId);
            var g = new java.util.TreeSet<>(now.grants());
            g.add(new Grant(Role.MICRO_GRID_LEADER, "D-W1-G1-M1"));
            users.users.put(userId, now.withGrants(g));
        };
        var o = grant("{\"role\":\"GRID_WORKER\",\"nodes\":[\"D-W1-G1\"],\"reason\":\"r\"}");
        assertEquals(2, o.account().version());
        assertEquals(Set.of(Role.RESIDENT, Role.GRID_WORKER, Role.MICRO_GRID_LEADER), o.account().roles());
    }

    @Test
    void grantsBindEachRoleToItsOwnNodes() {
        grant("{\"role\":\"COMMUNITY_STAFF\",\"nodes\":[\"D-W1\"],\"reason\":\"r\"}");
        grant("{\"role\":\"GRID_WORKER\",\"nodes\":[\"D-E1-G9\"],\"reason\":\"r\"}".replace("D-E1-G9", "D-W1-G1"));
        Principal p = users.find(userId).orElseThrow().principal();
        assertTrue(p.covers(Role.COMMUNITY_STAFF, List.of("D", "D-W", "D-W1")));
        assertFalse(p.covers(Role.GRID_WORKER, List.of("D", "D-W", "D-W1")), "the grid worker role does not reach the community");
        assertTrue(p.worksFor("D-W1"));
        assertFalse(p.worksFor("D-E1"));
    }
}
