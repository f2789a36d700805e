package org.linli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linli.core.Times;
import org.linli.json.Json;
import org.linli.local.LocalCloud;
import org.linli.volunteer.membership.Community;
import org.linli.volunteer.wishes.Claim;
import org.linli.volunteer.wishes.Wish;
import org.linli.volunteer.wishes.WishContent;
import org.linli.volunteer.wishes.WishState;
import org.linli.volunteer.wishes.WishStore;

/**
 * WishesApiFunction against DynamoDB Local: the claim race, dispatch to one member, supervision of
 * overdue claims, and the public feed's masking.
 */
class WishesIntegrationTest {
    private static final String FN = "WishesApiFunction";
    private static final String COMMUNITY = "DEMO-E2";
    private static final String STAFF = "usr_STAFFE2000000000000000000";
    private static LocalCloud cloud;
    private static VolunteerFixtures fx;
    private static ExecutorService pool;

    @BeforeAll
    static void start() {
        cloud = LinliCloud.get();
        fx = new VolunteerFixtures(cloud);
        pool = Executors.newFixedThreadPool(10);
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
    }

    private static String wishBody(String title) {
        String wantedBy = Times.api(LinliCloud.now().plus(Duration.ofDays(2)));
        return """
                {"community":"%s","title":"%s","detail":"帮忙把米扛上楼","wantedBy":"%s","place":"竹苑小区7号楼3单元402",
                 "contact":{"name":"王小明","phone":"13812341234"}}""".formatted(COMMUNITY, title, wantedBy);
    }

    private static VolunteerFixtures.Answer staff(String routeKey, String wishId, String body) {
        return fx.post(FN, routeKey, routeKey.substring(routeKey.indexOf(' ') + 1).replace("{wishId}", wishId),
                Map.of("wishId", wishId), body, STAFF, "RESIDENT,COMMUNITY_STAFF", COMMUNITY);
    }

    private static VolunteerFixtures.Answer as(String userId, String routeKey, String wishId, String body) {
        return fx.post(FN, routeKey, routeKey.substring(routeKey.indexOf(' ') + 1).replace("{wishId}", wishId),
                Map.of("wishId", wishId), body, userId, "RESIDENT", "");
    }

    /** A wish placed by a fresh resident and approved by staff (optionally dispatched to one member). */
    private static String publishedWish(String resident, String dispatchTo) {
        VolunteerFixtures.Answer placed = fx.post(FN, "POST /wishes", "/wishes", Map.of(), wishBody("扛米上楼"), resident, "RESIDENT", "");
        assertEquals(201, placed.status(), placed.body().toString());
        String id = placed.field("wishId");
        String review = dispatchTo == null ? "{\"decision\":\"APPROVE\"}"
                : "{\"decision\":\"APPROVE\",\"dispatchTo\":\"" + dispatchTo + "\"}";
        VolunteerFixtures.Answer approved = staff("POST /wishes/{wishId}/review", id, review);
        assertEquals("PUBLISHED", approved.field("state"), approved.body().toString());
        return id;
    }

    private static List<String> approvedMembers(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = VolunteerFixtures.newUser();
            fx.approve(id, "党员" + i, COMMUNITY);
            ids.add(id);
        }
        return ids;
    }

    @Test
    void tenConcurrentClaimsOfOneWishGiveExactlyOneWinner() throws Exception {
        List<String> members = approvedMembers(10);
        String wishId = publishedWish(VolunteerFixtures.newUser(), null);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<VolunteerFixtures.Answer>> answers = new ArrayList<>();
        for (String m : members) {
            answers.add(pool.submit(() -> {
                go.await();
                return as(m, "POST /wishes/{wishId}/claim", wishId, "{}");
            }));
        }
        go.countDown();
        List<String> winners = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            VolunteerFixtures.Answer a = answers.get(i).get();
            if (a.status() == 200) winners.add(members.get(i));
            else assertEquals("ALREADY_CLAIMED", a.errorCode(), a.body().toString());
        }
        assertEquals(1, winners.size(), "exactly one claim wins");
        Wish stored = fx.ports(LinliCloud.CLOCK).wishes().find(wishId).orElseThrow();
        assertEquals(WishState.CLAIMED, stored.state());
        assertEquals(winners.get(0), stored.claim().memberId());
        assertEquals(1, stored.history().stream().filter(e -> e.action().equals("CLAIMED")).count());
        // The winner asking again is answered with his claim, not a conflict.
        VolunteerFixtures.Answer again = as(winners.get(0), "POST /wishes/{wishId}/claim", wishId, "{}");
        assertEquals(200, again.status());
        assertEquals("true", again.headers().get("Idempotent-Replayed"));
    }

    @Test
    void tenClaimsReleasedAtOnceOnTheStoreGiveOneWinner() throws Exception {
        List<String> members = approvedMembers(10);
        String wishId = publishedWish(VolunteerFixtures.newUser(), null);
        WishStore store = fx.ports(LinliCloud.CLOCK).wishes();
        Wish published = store.find(wishId).orElseThrow();
        CyclicBarrier barrier = new CyclicBarrier(members.size());
        List<Future<Boolean>> won = new ArrayList<>();
        for (String m : members) {
            won.add(pool.submit(() -> {
                Wish claimed = published.claimed(new Claim(m, "党员", LinliCloud.now(), LinliCloud.now().plus(Duration.ofDays(1))));
                barrier.await();
                return store.claim(claimed).won();
            }));
        }
        int winners = 0;
        for (Future<Boolean> f : won) if (f.get()) winners++;
        assertEquals(1, winners);
        assertEquals(published.version() + 1, store.find(wishId).orElseThrow().version());
    }

    @Test
    void aDispatchedWishCanBeClaimedByItsMemberOnly() {
        List<String> members = approvedMembers(2);
        String wishId = publishedWish(VolunteerFixtures.newUser(), members.get(1));
        VolunteerFixtures.Answer other = as(members.get(0), "POST /wishes/{wishId}/claim", wishId, "{}");
        assertEquals(409, other.status());
        assertEquals("DISPATCHED_TO_ANOTHER", other.errorCode());
        assertEquals(200, as(members.get(1), "POST /wishes/{wishId}/claim", wishId, "{}").status());
        // Somebody who is not an approved volunteer of the community may not claim at all; one who
        // may not even see the wish learns no more from a claim than from a GET (issue 13 defect 6).
        String outsider = VolunteerFixtures.newUser();
        String open = publishedWish(VolunteerFixtures.newUser(), null);
        assertEquals(404, as(outsider, "GET /wishes/{wishId}", open, null).status());
        assertEquals(404, as(outsider, "POST /wishes/{wishId}/claim", open, "{}").status());
        String elsewhere = VolunteerFixtures.newUser();
        fx.approve(elsewhere, "别处党员", "DEMO-E1");
        assertEquals(404, as(elsewhere, "GET /wishes/{wishId}", open, null).status());
        VolunteerFixtures.Answer claim = as(elsewhere, "POST /wishes/{wishId}/claim", open, "{}");
        assertEquals(404, claim.status(), claim.body().toString());
        assertFalse(claim.body().toString().contains(COMMUNITY), "names the wish's community: " + claim.body());
        // Staff of the community see the wish: they are told why they may not claim it.
        assertEquals(403, staff("POST /wishes/{wishId}/claim", open, "{}").status());
    }

    @Test
    void overdueClaimsAreFlaggedToStaffWhoReleaseOrReassignThem() {
        List<String> members = approvedMembers(2);
        var ports = fx.ports(LinliCloud.CLOCK);
        Community c = ports.communities().find(COMMUNITY).orElseThrow();
        Instant past = LinliCloud.now().minus(Duration.ofDays(3));
        String resident = VolunteerFixtures.newUser();
        // A wish claimed four days ago whose date passed yesterday, written as the store would hold it.
        Wish w = Wish.placed(org.linli.core.Ids.random("wsh", past), c, resident, new WishContent("陪诊", "陪老人去医院",
                past.plus(Duration.ofDays(2)), "竹苑小区", List.of(), null, "13812341234"), "fp", past.minus(Duration.ofDays(1)))
                .published(null, STAFF, null, past.minus(Duration.ofDays(1)))
                .claimed(new Claim(members.get(0), "党员0", past, past.plus(Duration.ofDays(2))));
        assertTrue(ports.wishes().insertNew(w).isEmpty());

        var overdue = fx.call(FN, "GET /communities/{code}/wishes", "/communities/" + COMMUNITY + "/wishes", Map.of("code", COMMUNITY),
                Map.of("state", "CLAIMED", "overdue", "true"), null, STAFF, "RESIDENT,COMMUNITY_STAFF", COMMUNITY);
        assertEquals(200, overdue.status(), overdue.body().toString());
        boolean listed = false;
        for (var item : overdue.body().path("items")) {
            if (item.path("wishId").asText().equals(w.id())) listed = item.path("claim").path("overdue").asBoolean();
        }
        assertTrue(listed, "the overdue claim is on the staff's supervision list");

        VolunteerFixtures.Answer reassigned = staff("POST /wishes/{wishId}/reassign", w.id(),
                "{\"memberId\":\"" + members.get(1) + "\",\"reason\":\"原认领人出差\"}");
        assertEquals(200, reassigned.status(), reassigned.body().toString());
        assertEquals(members.get(1), reassigned.body().path("claim").path("memberId").asText());

        String newDate = Times.api(LinliCloud.now().plus(Duration.ofDays(3)));
        VolunteerFixtures.Answer released = staff("POST /wishes/{wishId}/release", w.id(),
                "{\"reason\":\"无人按期服务\",\"wantedBy\":\"" + newDate + "\"}");
        assertEquals("PUBLISHED", released.field("state"), released.body().toString());
        assertFalse(released.body().has("claim"));
        List<String> actions = released.body().path("history").findValuesAsText("action");
        assertEquals(List.of("PLACED", "APPROVED", "CLAIMED", "REASSIGNED", "RELEASED"), actions);
        // A resident is not staff: the supervision list is not his.
        assertEquals(403, fx.call(FN, "GET /communities/{code}/wishes", "/communities/" + COMMUNITY + "/wishes",
                Map.of("code", COMMUNITY), Map.of("state", "CLAIMED"), null, resident, "RESIDENT", "").status());
    }

    @Test
    void theWholeLoopEndsInAFeedWithoutPhonesFullNamesOrAddresses() {
        String member = approvedMembers(1).get(0);
        String resident = VolunteerFixtures.newUser();
        VolunteerFixtures.Answer placed = fx.post(FN, "POST /wishes", "/wishes", Map.of(),
                wishBody("请打13812341234找王小明"), resident, "RESIDENT", "");
        String id = placed.field("wishId");
        assertEquals("PUBLISHED", staff("POST /wishes/{wishId}/review", id, "{\"decision\":\"APPROVE\"}").field("state"));
        // A browsing member sees the wish with the phone masked and no address.
        VolunteerFixtures.Answer browsing = as(member, "GET /wishes/{wishId}", id, null);
        assertEquals("138****1234", browsing.body().path("contact").path("phone").asText(), browsing.body().toString());
        assertFalse(browsing.body().has("place"));
        assertEquals(200, as(member, "POST /wishes/{wishId}/claim", id, "{}").status());
        // The claimant sees what he needs to serve.
        assertEquals("竹苑小区7号楼3单元402", as(member, "GET /wishes/{wishId}", id, null).field("place"));
        VolunteerFixtures.Answer missing = as(member, "POST /wishes/{wishId}/completion", id, "{\"note\":\"done\"}");
        assertEquals("evidencePhotoKeys", missing.body().path("error").path("fields").get(0).path("field").asText());
        assertEquals("COMPLETED", as(member, "POST /wishes/{wishId}/completion", id,
                "{\"note\":\"已送到\",\"evidencePhotoKeys\":" + Photos.keys(cloud, member) + "}").field("state"));
        VolunteerFixtures.Answer confirmed = as(resident, "POST /wishes/{wishId}/confirmation", id,
                "{\"score\":5,\"comment\":\"谢谢！有事再打13812341234\"}");
        assertEquals("FULFILLED", confirmed.field("state"), confirmed.body().toString());

        var feed = fx.call(FN, "GET /communities/{code}/feed", "/communities/" + COMMUNITY + "/feed", Map.of("code", COMMUNITY),
                Map.of(), null, VolunteerFixtures.newUser(), "RESIDENT", "");
        String text = Json.write(feed.body());
        assertTrue(text.contains(id), text);
        for (String secret : List.of("13812341234", "王小明", "竹苑小区7号楼", "1234 1234", "党员0")) {
            assertFalse(text.contains(secret), "the feed shows " + secret + ": " + text);
        }
        var item = feed.body().path("items").get(0);
        assertEquals("王*", item.path("resident").asText());
        assertEquals("请打138****1234找王*", item.path("title").asText());
        assertEquals("谢谢！有事再打138****1234", item.path("rating").path("comment").asText());
    }
}
