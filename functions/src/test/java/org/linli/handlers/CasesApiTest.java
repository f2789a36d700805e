package org.linli.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.linli.cases.Case;
import org.linli.cases.CaseStatus;
import org.linli.identity.Principal;
import org.linli.identity.Role;
import org.linli.json.Json;
import org.linli.testing.CaseWorld;
import org.linli.testing.InMemoryPhotos;
import org.linli.testing.HttpEvents;

/** Case routes through the real handler: the action route, its 400 / 404 / 409 shapes, the audit trail and the queues. */
class CasesApiTest {
    private final CaseWorld world = new CaseWorld();
    private final CasesApi api = new CasesApi(world.table.caseStore, world.workflow, world.categories, null, world.clock,
            new InMemoryPhotos().refs(world.clock));
    private final Principal worker = CaseWorld.actor(Role.GRID_WORKER).principal();
    private final Principal reporter = CaseWorld.actor(Role.RESIDENT).principal();

    private APIGatewayV2HTTPResponse act(Case c, String action, String body, Principal who, String key) {
        Map<String, String> headers = key == null ? Map.of() : Map.of("Idempotency-Key", key);
        return api.handleRequest(HttpEvents.of("POST /cases/{caseId}/actions/{action}", Map.of("caseId", c.id(), "action", action),
                body, who, headers), null);
    }

    private APIGatewayV2HTTPResponse get(String routeKey, Map<String, String> params, Principal who) {
        return api.handleRequest(HttpEvents.of(routeKey, params, null, who, Map.of()), null);
    }

    private static JsonNode json(APIGatewayV2HTTPResponse r) {
        return Json.parse(r.getBody());
    }

    @Test
    void anActionAnswersWithTheCaseTheEventAndTheNextButtons() {
        Case c = world.fixture(CaseStatus.ASSIGNED);
        APIGatewayV2HTTPResponse r = act(c, "accept", "{}", worker, "k1");
        assertEquals(200, r.getStatusCode(), r.getBody());
        JsonNode body = json(r);
        assertEquals("ACCEPTED", body.path("status").asText());
        assertEquals(2, body.path("version").asInt());
        assertEquals("accept", body.path("event").path("action").asText());
        assertTrue(body.path("allowedActions").toString().contains("start"), body.toString());

        APIGatewayV2HTTPResponse again = act(c, "accept", "{}", worker, "k1");
        assertEquals(200, again.getStatusCode(), "a retry of an applied request is not a conflict");
        assertEquals("true", again.getHeaders().get("Idempotent-Replayed"));
    }

    @Test
    void aDisallowedActionIs409WithTheStateAndTheAllowedActions() {
        Case c = world.fixture(CaseStatus.ASSIGNED);
        APIGatewayV2HTTPResponse r = act(c, "resolve", "{\"result\":\"x\"}", worker, "k2");
        assertEquals(409, r.getStatusCode());
        JsonNode error = json(r).path("error");
        assertEquals("INVALID_TRANSITION", error.path("code").asText());
        assertEquals("ASSIGNED", error.path("details").path("status").asText());
        assertEquals(Set.of("accept", "return", "escalate", "add-note"),
                Set.copyOf(Json.mapper().convertValue(error.path("details").path("allowedActions"), java.util.List.class)));
    }

    @Test
    void badInputIsA400OrA404NeverA500() {
        Case c = world.fixture(CaseStatus.UNASSIGNED);
        Principal community = CaseWorld.actor(Role.COMMUNITY_STAFF).principal();
        assertEquals(400, act(c, "dispatch", "{}", community, null).getStatusCode(), "no Idempotency-Key");
        APIGatewayV2HTTPResponse r = act(c, "dispatch", "{\"assignee\":{\"userId\":\"x\"},\"extra\":1}", community, "k3");
        assertEquals(400, r.getStatusCode());
        assertEquals(2, json(r).path("error").path("fields").size(), r.getBody());
        assertEquals(404, act(c, "teleport", "{}", community, "k4").getStatusCode());
        assertEquals(404, act(c, "open", "{}", community, "k5").getStatusCode(), "OPEN is recorded by assignment, not an action");
        assertEquals(400, act(c, "dispatch", "[1,2]", community, "k6").getStatusCode());
        assertEquals(400, act(c, "dispatch", "{\"assignee\":", community, "k7").getStatusCode());
        assertEquals(CaseStatus.UNASSIGNED, world.table.cases.get(c.id()).status());
    }

    @Test
    void theAuditTrailIsFullForStaffAndDiscreetForTheReporter() {
        Case c = world.fixture(CaseStatus.ASSIGNED);
        act(c, "add-note", "{\"note\":\"楼道已拍照\"}", worker, "k8");
        JsonNode staff = json(get("GET /cases/{caseId}/audit", Map.of("caseId", c.id()), worker));
        assertEquals(2, staff.path("items").size());
        assertEquals("楼道已拍照", staff.path("items").get(1).path("note").asText());
        assertEquals(CaseWorld.WORKER, staff.path("items").get(1).path("actorId").asText());
        JsonNode mine = json(get("GET /cases/{caseId}/audit", Map.of("caseId", c.id()), reporter));
        assertEquals("add-note", mine.path("items").get(1).path("action").asText());
        assertFalse(mine.path("items").get(1).has("note"));
        assertFalse(mine.path("items").get(1).has("actorId"));
        Principal stranger = new Principal(CaseWorld.STRANGER, Set.of(Role.RESIDENT), Set.of());
        assertEquals(404, get("GET /cases/{caseId}/audit", Map.of("caseId", c.id()), stranger).getStatusCode());
    }

    @Test
    void theQueuesAreScopedToTheCallersNodes() {
        Case c = world.fixture(CaseStatus.ESCALATED);
        world.clock.advance(java.time.Duration.ofHours(2));
        Principal street = CaseWorld.actor(Role.STREET_STAFF).principal();
        JsonNode overdue = json(get("GET /supervision/{nodeCode}/overdue", Map.of("nodeCode", "D"),
                CaseWorld.actor(Role.DISTRICT_STAFF).principal()));
        assertEquals(c.id(), overdue.path("items").get(0).path("caseId").asText(), overdue.toString());
        assertEquals(403, get("GET /supervision/{nodeCode}/overdue", Map.of("nodeCode", "D"), street).getStatusCode());
        assertEquals(1, json(get("GET /dispatch/{nodeCode}/unassigned", Map.of("nodeCode", "S1"), street)).path("items").size());
        Case coordinating = world.fixture(CaseStatus.COORDINATING);
        Principal dept = CaseWorld.actor(Role.DEPARTMENT_STAFF).principal();
        JsonNode tasks = json(get("GET /departments/{departmentCode}/tasks", Map.of("departmentCode", "DEPT-P"), dept));
        assertEquals(coordinating.id(), tasks.path("items").get(0).path("caseId").asText());
        assertEquals("SUMMONED", tasks.path("items").get(0).path("status").asText());
        assertEquals(403, get("GET /departments/{departmentCode}/tasks", Map.of("departmentCode", "DEPT-R"), dept).getStatusCode());
    }
}
