package org.linli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linli.local.LocalCloud;

/**
 * Issue 13 item 3: a revoked role, or a disabled account, stops writes and reads of personal data
 * on the next request - not when the 30-minute access token expires. Over HTTP through the local
 * gateway, with real tokens.
 */
class RevocationIntegrationTest {
    private static LocalCloud cloud;
    private static Api api;

    @BeforeAll
    static void start() {
        cloud = LinliCloud.get();
        api = new Api(cloud.baseUrl());
    }

    /** A new user promoted to COMMUNITY_STAFF of DEMO-W1: his id and a token that carries the grant. */
    private static String[] communityStaff(String admin) {
        Api.Answer login = api.post("/auth/wechat-login", null, "{\"code\":\"revoked_" + UUID.randomUUID().toString().replace("-", "") + "\"}");
        assertEquals(200, login.status(), login.body());
        String userId = login.json().path("user").path("userId").asText();
        Api.Answer granted = api.post("/admin/users/" + userId + "/grants", admin,
                "{\"role\":\"COMMUNITY_STAFF\",\"nodes\":[\"DEMO-W1\"],\"reason\":\"新任社区工作人员\"}");
        assertEquals(200, granted.status(), granted.body());
        Api.Answer refreshed = api.post("/auth/refresh", null, "{\"refreshToken\":\"" + login.json().path("refreshToken").asText() + "\"}");
        assertEquals(200, refreshed.status(), refreshed.body());
        return new String[] {userId, refreshed.json().path("accessToken").asText(), refreshed.json().path("refreshToken").asText()};
    }

    private static Api.Answer reject(String caseId, String token) {
        return api.call("POST", "/cases/" + caseId + "/actions/reject", token, "{\"reason\":\"不属于社区受理范围\"}",
                Map.of("Content-Type", "application/json", "Idempotency-Key", UUID.randomUUID().toString()));
    }

    @Test
    void aRevokedRoleStopsWritesAndPersonalReadsOnTheNextRequest() {
        String admin = api.login("admin");
        String[] staff = communityStaff(admin);
        String token = staff[1];
        Cases cases = new Cases(cloud);
        String first = cases.open("dispute", 37.8481, 113.5452, "resident");
        String second = cases.open("dispute", 37.8521, 113.5492, "resident2");

        Api.Answer volunteers = api.get("/communities/DEMO-W1/volunteers", token);
        assertEquals(200, volunteers.status(), volunteers.body());
        assertTrue(volunteers.body().contains("\"phone\""), "the community's staff sees volunteers' phones: " + volunteers.body());
        Api.Answer rejected = reject(first, token);
        assertEquals(200, rejected.status(), "before the revocation he may reject: " + rejected.body());

        Api.Answer revoked = api.post("/admin/users/" + staff[0] + "/revocations", admin,
                "{\"role\":\"COMMUNITY_STAFF\",\"reason\":\"调离\"}");
        assertEquals(200, revoked.status(), revoked.body());

        // The same access token, still unexpired, on the very next requests.
        Api.Answer list = api.get("/communities/DEMO-W1/volunteers", token);
        assertEquals(403, list.status(), list.body());
        assertEquals("GRANTS_REVOKED", list.errorCode(), list.body());
        Api.Answer write = reject(second, token);
        assertEquals(403, write.status(), write.body());
        assertEquals("GRANTS_REVOKED", write.errorCode(), write.body());
        // The case itself was rejectable: the community's own staff still may.
        assertEquals(200, reject(second, api.login("dispatcher-DEMO-W1")).status());
        // An ordinary read stays unchecked (one call); the token's grants end with it.
        assertEquals(200, api.get("/me", token).status());
    }

    @Test
    void aDisabledAccountStopsOnTheNextRequestAndCannotRefresh() {
        String admin = api.login("admin");
        String[] staff = communityStaff(admin);
        assertEquals(200, api.get("/communities/DEMO-W1/volunteers", staff[1]).status());

        Api.Answer disabled = api.post("/admin/users/" + staff[0] + "/disable", admin, "{\"reason\":\"离职\"}");
        assertEquals(200, disabled.status(), disabled.body());
        assertEquals("DISABLED", disabled.json().path("status").asText(), disabled.body());

        Api.Answer list = api.get("/communities/DEMO-W1/volunteers", staff[1]);
        assertEquals(403, list.status(), list.body());
        assertEquals("ACCOUNT_DISABLED", list.errorCode(), list.body());
        String caseId = new Cases(cloud).open("dispute", 37.8491, 113.5462, "resident");
        assertEquals(403, reject(caseId, staff[1]).status());
        Api.Answer refresh = api.post("/auth/refresh", null, "{\"refreshToken\":\"" + staff[2] + "\"}");
        assertEquals(403, refresh.status(), refresh.body());
        assertEquals("ACCOUNT_DISABLED", refresh.errorCode(), refresh.body());
        assertEquals("DISABLED", api.get("/admin/users/" + staff[0], admin).json().path("status").asText());
    }
}
