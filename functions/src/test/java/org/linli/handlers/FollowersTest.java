package org.linli.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linli.cases.Assignment;
import org.linli.cases.CaseStatus;
import org.linli.identity.Principal;
import org.linli.identity.Role;
import org.linli.json.Json;
import org.linli.testing.CaseWorld;
import org.linli.testing.HttpEvents;

/**
 * Issue 13 defect 2, with two residents through the real handler: resident B files the same
 * category 20 m from resident A's open case and joins it. B gets a follower's view (status and
 * outcome; nothing of A, the grid, the assignee, the audit trail), B's verdict is satisfaction data
 * that does not close A's case, A's verdict still decides; a personal matter (个事) never joins
 * another resident's case.
 */
class FollowersTest {
    private static final String B = "usr_0000000000000000000000000B";
    private final CaseWorld world = new CaseWorld();
    private final CasesApi api = new CasesApi(world.table.caseStore, world.workflow, world.categories, null, world.clock,
            new org.linli.testing.InMemoryPhotos().refs(world.clock));
    private final Principal a = CaseWorld.principal(CaseWorld.REPORTER, Role.RESIDENT);
    private final Principal b = CaseWorld.principal(B, Role.RESIDENT);
    private final Principal worker = CaseWorld.actor(Role.GRID_WORKER).principal();
    private int keys;

    private APIGatewayV2HTTPResponse act(String caseId, String action, String body, Principal who) {
        return api.handleRequest(HttpEvents.of("POST /cases/{caseId}/actions/{action}", Map.of("caseId", caseId, "action", action),
                body, who, Map.of("Idempotency-Key", "k" + (++keys))), null);
    }

    private APIGatewayV2HTTPResponse get(String routeKey, String caseId, Principal who) {
        return api.handleRequest(HttpEvents.of(routeKey, Map.of("caseId", caseId), null, who, Map.of()), null);
    }

    @Test
    void aFollowerSeesStatusAndOutcomeOnlyAndHisVerdictDoesNotDecide() {
        String id = world.assignment.assign(world.report("sanitation", 37.85, 113.56, CaseWorld.REPORTER)).c().id();
        Assignment.Outcome joined = world.assignment.assign(world.report("sanitation", 37.85015, 113.56005, B));
        assertTrue(joined.joined());
        assertEquals(id, joined.c().id());

        JsonNode asB = Json.parse(get("GET /cases/{caseId}", id, b).getBody());
        assertEquals("ASSIGNED", asB.path("status").asText());
        assertTrue(asB.path("following").asBoolean(), asB.toString());
        for (String hidden : new String[] {"grid", "microGrid", "assignee", "placement", "tier", "tierNode", "followers", "location",
                "reportIds", "verdict"}) {
            assertFalse(asB.has(hidden), "a follower sees " + hidden + ": " + asB);
        }
        assertFalse(asB.toString().contains(CaseWorld.WORKER), asB.toString());
        assertEquals(0, asB.path("allowedActions").size());
        assertEquals(404, get("GET /cases/{caseId}/audit", id, b).getStatusCode(), "a follower does not read the case's trail");
        JsonNode asA = Json.parse(get("GET /cases/{caseId}", id, a).getBody());
        assertTrue(asA.has("grid") && asA.has("assignee"), "the first reporter's view is unchanged: " + asA);
        assertEquals(200, get("GET /cases/{caseId}/audit", id, a).getStatusCode());

        for (String step : new String[] {"accept", "start"}) assertEquals(200, act(id, step, "{}", worker).getStatusCode());
        assertEquals(200, act(id, "resolve", "{\"result\":\"已清理\"}", worker).getStatusCode());
        assertEquals(200, act(id, "feed-back", "{}", worker).getStatusCode());

        // B's SATISFIED is recorded, the case stays FED_BACK for A to decide.
        APIGatewayV2HTTPResponse bSays = act(id, "verdict", "{\"verdict\":\"SATISFIED\"}", b);
        assertEquals(200, bSays.getStatusCode(), bSays.getBody());
        assertEquals(CaseStatus.FED_BACK, world.table.cases.get(id).status());
        assertEquals("SATISFIED", world.events.last().detail("verdict"));
        assertEquals("true", world.events.last().detail("follower"));
        // A's DISSATISFIED governs: back to rework, never 409.
        APIGatewayV2HTTPResponse aSays = act(id, "verdict", "{\"verdict\":\"DISSATISFIED\",\"comment\":\"还是很脏\"}", a);
        assertEquals(200, aSays.getStatusCode(), aSays.getBody());
        assertEquals(CaseStatus.REWORK, world.table.cases.get(id).status());
        assertEquals(CaseStatus.REWORK.name(), Json.parse(get("GET /cases/{caseId}", id, b).getBody()).path("status").asText());
    }

    @Test
    void aPersonalMatterNeverJoinsAnotherResidentsCase() {
        String aCase = world.assignment.assign(world.report("leak", 37.85, 113.56, CaseWorld.REPORTER)).c().id();
        Assignment.Outcome bLeak = world.assignment.assign(world.report("leak", 37.85015, 113.56005, B));
        assertFalse(bLeak.joined(), "another resident's 个事 opens its own case");
        assertNotEquals(aCase, bLeak.c().id());
        assertEquals(1, world.table.cases.get(aCase).reporterIds().size());
        // The same resident reporting his own leak again joins his own case.
        Assignment.Outcome again = world.assignment.assign(world.report("leak", 37.85005, 113.56002, CaseWorld.REPORTER));
        assertTrue(again.joined());
        assertEquals(aCase, again.c().id());
    }
}
