package org.linli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linli.local.LocalCloud;
import org.linli.tools.DemoTerritory;

/**
 * WeChat login with unionids, and staff promotion by an administrator, over HTTP through the
 * local gateway: the grant is checked against the current map, recorded, and reaches the user's
 * token at his next refresh; a revocation takes it away the same way.
 */
class IdentityIntegrationTest {
    private static LocalCloud cloud;
    private static Api api;

    @BeforeAll
    static void start() {
        cloud = LinliCloud.get();
        api = new Api(cloud.baseUrl());
    }

    private static JsonNode login(String code) {
        return api.wechatLogin(code);
    }

    private static JsonNode refresh(String refreshToken) {
        Api.Answer a = api.post("/auth/refresh", null, "{\"refreshToken\":\"" + refreshToken + "\"}");
        assertEquals(200, a.status(), a.body());
        return a.json();
    }

    @Test
    void aUnionIdMakesTwoAppsOnePerson() {
        String person = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        JsonNode miniProgram = login("union_" + person + "_mp");
        JsonNode officialAccount = login("union_" + person + "_oa");
        assertTrue(miniProgram.path("newUser").asBoolean());
        assertFalse(officialAccount.path("newUser").asBoolean());
        assertEquals(miniProgram.path("user").path("userId"), officialAccount.path("user").path("userId"));
        assertNotEquals(miniProgram.path("user").path("userId"), login("plain_" + person).path("user").path("userId"));
    }

    @Test
    void anAdministratorPromotesAResidentWhoseNextRefreshCarriesTheGrant() {
        JsonNode first = login("promoted_" + UUID.randomUUID().toString().replace("-", ""));
        String userId = first.path("user").path("userId").asText();
        String token = first.path("accessToken").asText();
        assertEquals(403, api.get("/me/cases", token).status(), "a resident has no case queue");

        String admin = api.login("admin");
        String path = "/admin/users/" + userId;
        Api.Answer refused = api.post(path + "/grants", admin, "{\"role\":\"GRID_WORKER\",\"nodes\":[\"DEMO-W1\"],\"reason\":\"新任\"}");
        assertEquals(400, refused.status(), refused.body());
        assertTrue(refused.body().contains("COMMUNITY"), "DEMO-W1 is a community, not a grid: " + refused.body());
        assertEquals(403, api.post(path + "/grants", api.login("district"),
                "{\"role\":\"GRID_WORKER\",\"nodes\":[\"DEMO-W1-G2\"],\"reason\":\"x\"}").status(), "administrators only");

        Api.Answer granted = api.post(path + "/grants", admin, "{\"role\":\"GRID_WORKER\",\"nodes\":[\"DEMO-W1-G2\"],\"reason\":\"新任网格员\"}");
        assertEquals(200, granted.status(), granted.body());
        assertTrue(granted.json().path("changed").asBoolean());
        assertEquals(DemoTerritory.userId("admin"), granted.json().path("change").path("by").asText());

        // The old access token still says resident; the next refresh carries the grant.
        assertEquals(403, api.get("/me/cases", token).status());
        JsonNode refreshed = refresh(first.path("refreshToken").asText());
        String staffToken = refreshed.path("accessToken").asText();
        assertEquals(200, api.get("/me/cases", staffToken).status());
        JsonNode me = api.get("/me", staffToken).json();
        assertEquals("GRID_WORKER", me.path("grants").get(1).path("role").asText(), me.toString());
        assertEquals("DEMO-W1-G2", me.path("grants").get(1).path("node").asText(), me.toString());

        // The staff listing: the promoted account appears under its role and node, and leaves it when revoked.
        String listing = "/admin/users?role=GRID_WORKER&node=DEMO-W1-G2&q=" + userId;
        JsonNode listed = api.get(listing, admin).json().path("items");
        assertEquals(List.of(userId), listed.findValuesAsText("userId"), listed.toString());
        assertEquals(0, api.get("/admin/users?role=DISTRICT_STAFF&q=" + userId, admin).json().path("items").size());
        assertEquals(400, api.get("/admin/users?role=NOBODY", admin).status());
        assertEquals(403, api.get("/admin/users", api.login("district")).status());

        JsonNode account = api.get(path, admin).json();
        assertEquals(1, account.path("grantChanges").size(), account.toString());
        assertEquals("新任网格员", account.path("grantChanges").get(0).path("reason").asText());

        Api.Answer revoked = api.post(path + "/revocations", admin, "{\"role\":\"GRID_WORKER\",\"reason\":\"调离\"}");
        assertEquals(200, revoked.status(), revoked.body());
        String after = refresh(refreshed.path("refreshToken").asText()).path("accessToken").asText();
        assertEquals(403, api.get("/me/cases", after).status());
        assertEquals(2, api.get(path, admin).json().path("grantChanges").size());
        assertEquals(0, api.get(listing, admin).json().path("items").size(), "a resident again: not staff, not listed");
    }
}
