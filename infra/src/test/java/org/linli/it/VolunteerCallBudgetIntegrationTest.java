package org.linli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linli.adapters.sqs.RatingMessage;
import org.linli.core.Times;
import org.linli.json.Json;
import org.linli.local.LocalCloud;
import org.linli.tools.bench.CallCounter;
import org.linli.tools.bench.Events;

/**
 * AWS calls of the volunteer service's hot paths, counted on the real SDK clients (see
 * CallBudgetIntegrationTest). The claim is one write; so are a log, a verification and a fold. Every write
 * also reads the caller's account once first (identity.AccountCheck, issue 13 item 3): one GetItem.
 */
class VolunteerCallBudgetIntegrationTest {
    private static final String COMMUNITY = "DEMO-W2";
    private static final String STAFF = "usr_STAFFW2000000000000000001";
    private static LocalCloud cloud;
    private static VolunteerFixtures fx;

    @BeforeAll
    static void start() {
        cloud = LinliCloud.get();
        fx = new VolunteerFixtures(cloud);
    }

    /** Invokes and returns the answer, counting the calls on this thread. */
    private static CallCounter.Calls count(String function, String routeKey, String path, Map<String, String> params, String body,
                                           String userId, String roles, String scope, int expectedStatus) {
        return CallCounter.INSTANCE.count(() -> {
            var a = fx.post(function, routeKey, path, params, body, userId, roles, scope);
            assertEquals(expectedStatus, a.status(), a.body().toString());
        });
    }

    private static String wish(String resident) {
        String body = """
                {"community":"%s","title":"买菜","detail":"帮忙买菜","wantedBy":"%s","place":"桃源小区1号楼","contact":{"phone":"13812341234"}}"""
                .formatted(COMMUNITY, Times.api(LinliCloud.now().plus(Duration.ofDays(1))));
        String id = fx.post("WishesApiFunction", "POST /wishes", "/wishes", Map.of(), body, resident, "RESIDENT", "").field("wishId");
        fx.post("WishesApiFunction", "POST /wishes/{wishId}/review", "/wishes/" + id + "/review", Map.of("wishId", id),
                "{\"decision\":\"APPROVE\"}", STAFF, "RESIDENT,COMMUNITY_STAFF", COMMUNITY);
        return id;
    }

    @Test
    void placingAWishIsOneTransactionOfTheWishAndTheResidentsRateLimitCounter() {
        wish(VolunteerFixtures.newUser()); // warm: the community node is cached
        String body = """
                {"community":"%s","title":"买药","detail":"帮忙买药","wantedBy":"%s","place":"桃源小区2号楼","contact":{"phone":"13812341234"}}"""
                .formatted(COMMUNITY, Times.api(LinliCloud.now().plus(Duration.ofDays(1))));
        var calls = count("WishesApiFunction", "POST /wishes", "/wishes", Map.of(), body, VolunteerFixtures.newUser(), "RESIDENT", "", 201);
        assertEquals(Map.of("DynamoDb.GetItem", 1, "DynamoDb.TransactWriteItems", 1), calls.byOperation(), calls.toString());
    }

    @Test
    void claimIsOneReadAndOneConditionalWrite() {
        String member = VolunteerFixtures.newUser();
        fx.approve(member, "陈明", COMMUNITY);
        String id = wish(VolunteerFixtures.newUser());
        var calls = count("WishesApiFunction", "POST /wishes/{wishId}/claim", "/wishes/" + id + "/claim", Map.of("wishId", id), "{}",
                member, "RESIDENT", "", 200);
        assertEquals(Map.of("DynamoDb.GetItem", 1, "DynamoDb.BatchGetItem", 1, "DynamoDb.UpdateItem", 1), calls.byOperation(), calls.toString());
        assertEquals(1, calls.dynamoWrites());
    }

    @Test
    void confirmingAWishIsOneReadOneTransactionAndOneSend() {
        String member = VolunteerFixtures.newUser();
        String resident = VolunteerFixtures.newUser();
        fx.approve(member, "陈亮", COMMUNITY);
        String id = wish(resident);
        String p = "/wishes/" + id;
        fx.post("WishesApiFunction", "POST /wishes/{wishId}/claim", p + "/claim", Map.of("wishId", id), "{}", member, "RESIDENT", "");
        fx.post("WishesApiFunction", "POST /wishes/{wishId}/completion", p + "/completion", Map.of("wishId", id),
                "{\"evidencePhotoKeys\":" + Photos.keys(cloud, member) + "}", member, "RESIDENT", "");
        var calls = count("WishesApiFunction", "POST /wishes/{wishId}/confirmation", p + "/confirmation", Map.of("wishId", id),
                "{\"score\":4}", resident, "RESIDENT", "", 200);
        assertEquals(Map.of("DynamoDb.GetItem", 2, "DynamoDb.TransactWriteItems", 1, "Sqs.SendMessage", 1), calls.byOperation(),
                calls.toString());
    }

    @Test
    void logVerifyAndRateAreOneWriteEach() {
        String member = VolunteerFixtures.newUser();
        String beneficiary = VolunteerFixtures.newUser();
        fx.approve(member, "林涛", COMMUNITY);
        String body = ServiceLogIntegrationTest.logBody(COMMUNITY, ServiceLogIntegrationTest.at("08:00"),
                ServiceLogIntegrationTest.at("09:30"), beneficiary);
        String[] logId = new String[1];
        var log = CallCounter.INSTANCE.count(() -> logId[0] = fx.post("VolunteersApiFunction", "POST /service-logs", "/service-logs",
                Map.of(), body, member, "RESIDENT", "").field("logId"));
        assertEquals(Map.of("DynamoDb.GetItem", 1, "DynamoDb.BatchGetItem", 1, "DynamoDb.TransactWriteItems", 1), log.byOperation(), log.toString());

        String p = "/service-logs/" + logId[0];
        var verify = count("VolunteersApiFunction", "POST /service-logs/{logId}/verification", p + "/verification",
                Map.of("logId", logId[0]), "{\"decision\":\"VERIFY\"}", beneficiary, "RESIDENT", "", 200);
        assertEquals(Map.of("DynamoDb.GetItem", 2, "DynamoDb.TransactWriteItems", 1), verify.byOperation(), verify.toString());

        var again = count("VolunteersApiFunction", "POST /service-logs/{logId}/verification", p + "/verification",
                Map.of("logId", logId[0]), "{\"decision\":\"VERIFY\"}", beneficiary, "RESIDENT", "", 200);
        assertEquals(Map.of("DynamoDb.GetItem", 2), again.byOperation(), "a second verification writes nothing");

        var rate = count("VolunteersApiFunction", "POST /service-logs/{logId}/rating", p + "/rating", Map.of("logId", logId[0]),
                "{\"score\":4}", beneficiary, "RESIDENT", "", 200);
        assertEquals(Map.of("DynamoDb.GetItem", 1, "DynamoDb.UpdateItem", 1, "Sqs.SendMessage", 1), rate.byOperation(), rate.toString());

        var stored = fx.ports(LinliCloud.CLOCK).logs().find(logId[0]).orElseThrow();
        String event = Events.sqs(cloud.queueArn("RatingsQueue"), "m-budget", RatingMessage.encode(stored.ratingEvent()));
        var fold = CallCounter.INSTANCE.count(() -> {
            JsonNode r = Json.parse(cloud.invoke("RatingFunction", event));
            assertEquals(0, r.path("batchItemFailures").size(), r.toString());
        });
        assertEquals(Map.of("DynamoDb.TransactWriteItems", 1), fold.byOperation(), fold.toString());
    }
}
