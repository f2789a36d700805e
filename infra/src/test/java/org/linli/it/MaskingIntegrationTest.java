package org.linli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linli.core.Times;
import org.linli.json.Json;
import org.linli.local.LocalCloud;
import org.linli.tools.OpenKeys;

/**
 * Issue 13 defect 1 through the views: the obfuscated corpus of {@link MaskingCorpusTest} in a
 * resident's words, read back where the public and other users see it - the public Open311 read
 * (JSON and XML), a browsing member's view of a wish, and the community's public feed (title and
 * rating comment). None may show a secret of the corpus however it was written.
 */
class MaskingIntegrationTest {
    private static final String FN = "WishesApiFunction";
    private static final String COMMUNITY = "DEMO-E2";
    private static final String STAFF = "usr_STAFFE2000000000000000000";
    private static LocalCloud cloud;
    private static Api api;
    private static VolunteerFixtures fx;

    @BeforeAll
    static void start() {
        cloud = LinliCloud.get();
        api = new Api(cloud.baseUrl());
        fx = new VolunteerFixtures(cloud);
    }

    /** The samples about the person a view knows (the reporter, the wish's contact): a bystander's name is not known to it. */
    private static List<MaskingCorpusTest.Sample> aboutTheReporter() {
        return MaskingCorpusTest.CORPUS.stream().filter(s -> !s.secret().equals(MaskingCorpusTest.OTHER_NAME)).toList();
    }

    private static void noLeak(String view, List<MaskingCorpusTest.Sample> samples, String shown) {
        List<String> leaks = new ArrayList<>();
        for (MaskingCorpusTest.Sample s : samples) {
            String leak = MaskingCorpusTest.leak(s, shown);
            if (leak != null) leaks.add(leak);
        }
        assertEquals(List.of(), leaks, view + " shows: " + shown);
    }

    @Test
    void thePublicOpen311ReadShowsNoObfuscatedNumberOrName() {
        List<MaskingCorpusTest.Sample> samples = aboutTheReporter();
        assertTrue(samples.size() >= 50, "samples: " + samples.size());
        StringBuilder description = new StringBuilder("楼道堵塞。");
        samples.forEach(s -> description.append(s.text()).append('\n'));
        String form = "api_key=" + OpenKeys.DEMO_KEY + "&service_code=sanitation&lat=37.8472&long=113.5792&first_name="
                + enc("芳") + "&last_name=" + enc("王") + "&phone=13924685317&description=" + enc(description.toString());
        Api.Answer created = api.call("POST", "/open311/v2/requests.json", null, form,
                Map.of("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"));
        assertEquals(200, created.status(), created.body());
        // the request's id comes with the answer (issue 16); it reads as the request before and after placement
        String id = created.json().get(0).path("service_request_id").asText();
        assertFalse(id.isEmpty(), created.body());
        JsonNode one = api.get("/open311/v2/requests/" + id + ".json", null).json().get(0);
        String shown = one.path("description").asText();
        assertTrue(shown.startsWith("楼道堵塞。"), shown);
        noLeak("Open311 JSON", samples, shown);
        noLeak("Open311 XML", samples, api.get("/open311/v2/requests/" + id + ".xml", null).body());
    }

    @Test
    void wishBrowsingAndThePublicFeedShowNoObfuscatedNumberOrName() {
        String member = VolunteerFixtures.newUser();
        fx.approve(member, "党员甲", COMMUNITY);
        String wantedBy = Times.api(LinliCloud.now().plus(Duration.ofDays(2)));
        List<MaskingCorpusTest.Sample> samples = aboutTheReporter();
        List<String> ids = new ArrayList<>();
        for (MaskingCorpusTest.Sample s : samples) {
            String resident = VolunteerFixtures.newUser();
            String body = Json.write(Json.object().put("community", COMMUNITY).put("title", s.text()).put("detail", "详情：" + s.text())
                    .put("wantedBy", wantedBy).put("place", "竹苑小区7号楼3单元402")
                    .set("contact", Json.object().put("name", MaskingCorpusTest.NAME).put("phone", "13812341234")));
            VolunteerFixtures.Answer placed = fx.post(FN, "POST /wishes", "/wishes", Map.of(), body, resident, "RESIDENT", "");
            assertEquals(201, placed.status(), placed.body().toString());
            String id = placed.field("wishId");
            ids.add(id);
            assertEquals("PUBLISHED", on(STAFF, "RESIDENT,COMMUNITY_STAFF", COMMUNITY, "POST /wishes/{wishId}/review", id,
                    "{\"decision\":\"APPROVE\"}").field("state"));
            // A browsing member: title and detail masked.
            JsonNode browsing = fx.call(FN, "GET /wishes/{wishId}", "/wishes/" + id, Map.of("wishId", id), Map.of(), null, member,
                    "RESIDENT", "").body();
            noLeak("a browsing member's wish", List.of(s), browsing.path("title").asText() + "\n" + browsing.path("detail").asText());
            assertEquals(200, on(member, "RESIDENT", "", "POST /wishes/{wishId}/claim", id, "{}").status());
            assertEquals("COMPLETED", on(member, "RESIDENT", "", "POST /wishes/{wishId}/completion", id,
                    "{\"note\":\"已送到\",\"evidencePhotoKeys\":" + Photos.keys(cloud, member) + "}").field("state"));
            String confirm = Json.write(Json.object().put("score", 5).put("comment", "谢谢！" + s.text()));
            assertEquals("FULFILLED", on(resident, "RESIDENT", "", "POST /wishes/{wishId}/confirmation", id, confirm).field("state"));
        }
        // The public feed, every page: each fulfilled wish's title and rating comment.
        int seen = 0;
        String cursor = null;
        do {
            Map<String, String> query = cursor == null ? Map.of("limit", "50") : Map.of("limit", "50", "cursor", cursor);
            JsonNode page = fx.call(FN, "GET /communities/{code}/feed", "/communities/" + COMMUNITY + "/feed", Map.of("code", COMMUNITY),
                    query, null, VolunteerFixtures.newUser(), "RESIDENT", "").body();
            for (JsonNode item : page.path("items")) {
                int at = ids.indexOf(item.path("wishId").asText());
                if (at < 0) continue;
                seen++;
                noLeak("the public feed", List.of(samples.get(at)),
                        item.path("title").asText() + "\n" + item.path("rating").path("comment").asText() + "\n" + item.path("resident").asText());
            }
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (cursor != null);
        assertEquals(samples.size(), seen, "every wish of the corpus is in the feed");
    }

    private static VolunteerFixtures.Answer on(String userId, String roles, String nodes, String routeKey, String wishId, String body) {
        return fx.post(FN, routeKey, routeKey.substring(routeKey.indexOf(' ') + 1).replace("{wishId}", wishId), Map.of("wishId", wishId),
                body, userId, roles, nodes);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
