package org.linli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linli.adapters.sqs.RatingMessage;
import org.linli.json.Json;
import org.linli.local.LocalCloud;
import org.linli.tools.bench.Events;
import org.linli.volunteer.VolunteerTime;
import org.linli.volunteer.points.YearAccount;
import org.linli.volunteer.servicelog.ServiceLog;

/**
 * VolunteersApiFunction's service log and RatingFunction against the embedded cloud: refusals
 * with field messages, hours and points only once verified and only once, and a rating folded once
 * however often it is delivered.
 */
class ServiceLogIntegrationTest {
    private static final String FN = "VolunteersApiFunction";
    private static final String COMMUNITY = "DEMO-W2";
    private static final String STAFF = "usr_STAFFW2000000000000000000";
    /** Yesterday in China: always past, always one whole day. */
    private static final LocalDate DAY = VolunteerTime.day(LinliCloud.now()).minusDays(1);
    private static LocalCloud cloud;
    private static VolunteerFixtures fx;

    @BeforeAll
    static void start() {
        cloud = LinliCloud.get();
        fx = new VolunteerFixtures(cloud);
    }

    static String at(String hhmm) {
        return DAY + "T" + hhmm + ":00+08:00";
    }

    static String logBody(String community, String start, String end, String beneficiary) {
        return "{\"community\":\"" + community + "\",\"type\":\"elderly_care\",\"start\":\"" + start + "\",\"end\":\"" + end + "\""
                + (beneficiary == null ? "" : ",\"beneficiaryId\":\"" + beneficiary + "\"") + "}";
    }

    static VolunteerFixtures.Answer log(String member, String body) {
        return fx.post(FN, "POST /service-logs", "/service-logs", Map.of(), body, member, "RESIDENT,VOLUNTEER", "");
    }

    static VolunteerFixtures.Answer verify(String logId, String userId, String roles, String scope) {
        return fx.post(FN, "POST /service-logs/{logId}/verification", "/service-logs/" + logId + "/verification",
                Map.of("logId", logId), "{\"decision\":\"VERIFY\"}", userId, roles, scope);
    }

    static JsonNode points(String member) {
        return fx.call(FN, "GET /me/points", "/me/points", Map.of(), Map.of("year", Integer.toString(DAY.getYear())), null,
                member, "RESIDENT", "").body();
    }

    /** A fresh approved member's pending log for a fresh beneficiary. */
    private record Logged(String member, String beneficiary, String logId) {}

    private static Logged pendingLog(String name, String from, String to) {
        String member = VolunteerFixtures.newUser();
        String beneficiary = VolunteerFixtures.newUser();
        fx.approve(member, name, COMMUNITY);
        return new Logged(member, beneficiary, log(member, logBody(COMMUNITY, at(from), at(to), beneficiary)).field("logId"));
    }

    private static Map<String, String> fields(VolunteerFixtures.Answer a) {
        assertEquals(400, a.status(), a.body().toString());
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (JsonNode f : a.body().path("error").path("fields")) out.merge(f.path("field").asText(), f.path("message").asText(), (x, y) -> x + " | " + y);
        return out;
    }

    @Test
    void invalidLogsAreRefusedWithFieldLevelMessagesAndStoreNothing() {
        String member = VolunteerFixtures.newUser();
        fx.approve(member, "李卫国", COMMUNITY);
        assertEquals(Map.of("end", "must be after start"), fields(log(member, logBody(COMMUNITY, at("11:00"), at("09:00"), null))));
        String tomorrow = DAY.plusDays(2) + "T09:00:00+08:00";
        String later = DAY.plusDays(2) + "T10:00:00+08:00";
        assertEquals(Map.of("start", "must not be in the future", "end", "must not be in the future"),
                fields(log(member, logBody(COMMUNITY, tomorrow, later, null))));
        assertEquals(Map.of("community", "you are not an approved volunteer of community DEMO-E1"),
                fields(log(member, logBody("DEMO-E1", at("09:00"), at("10:00"), null))));
        assertEquals(Map.of("beneficiaryId", "must be someone else: you cannot be your own beneficiary", "colour", "is not a known field"),
                fields(log(member, logBody(COMMUNITY, at("09:00"), at("10:00"), member).replace("}", ",\"colour\":\"red\"}"))));

        VolunteerFixtures.Answer first = log(member, logBody(COMMUNITY, at("09:00"), at("15:00"), null));
        assertEquals(201, first.status(), first.body().toString());
        assertEquals(Map.of("start", "overlaps your service log " + first.field("logId") + " (09:00–15:00)",
                        "end", "brings the day's service to 9 h; at most 8 h count per day (6 h logged already)"),
                fields(log(member, logBody(COMMUNITY, at("14:00"), at("17:00"), null))));
        assertEquals(Map.of("end", "brings the day's service to 8 h 30 min; at most 8 h count per day (6 h logged already)"),
                fields(log(member, logBody(COMMUNITY, at("16:00"), at("18:30"), null))));
        assertEquals(201, log(member, logBody(COMMUNITY, at("16:00"), at("18:00"), null)).status(), "exactly 8 h is allowed");

        var mine = fx.call(FN, "GET /me/service-logs", "/me/service-logs", Map.of(), Map.of(), null, member, "RESIDENT", "");
        assertEquals(2, mine.body().path("items").size());
    }

    @Test
    void twoOverlappingLogsSentAtOnceStoreOne() throws Exception {
        String member = VolunteerFixtures.newUser();
        fx.approve(member, "周海", COMMUNITY);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<VolunteerFixtures.Answer>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String start = at("0" + (8 + i % 2) + ":00");
                answers.add(pool.submit(() -> {
                    go.await();
                    return log(member, logBody(COMMUNITY, start, at("11:00"), null));
                }));
            }
            go.countDown();
            int stored = 0;
            for (Future<VolunteerFixtures.Answer> f : answers) {
                VolunteerFixtures.Answer a = f.get();
                if (a.status() == 201) stored++;
                else assertTrue(a.status() == 400 || "LOG_DAY_BUSY".equals(a.errorCode()), a.body().toString());
            }
            assertEquals(1, stored, "the day sheet lets exactly one of the overlapping logs in");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anUnverifiedLogEarnsNothingAndVerifyingItTwiceEarnsOnce() {
        Logged l = pendingLog("吴敏", "09:00", "11:30");
        String member = l.member();
        String beneficiary = l.beneficiary();
        String logId = l.logId();
        assertEquals(0, points(member).path("points").asInt(), "a pending log earns nothing");

        // Neither the member himself nor a stranger verifies.
        assertEquals(403, verify(logId, member, "RESIDENT", "").status());
        assertEquals(404, verify(logId, VolunteerFixtures.newUser(), "RESIDENT", "").status());

        VolunteerFixtures.Answer byBeneficiary = verify(logId, beneficiary, "RESIDENT", "");
        assertEquals(200, byBeneficiary.status(), byBeneficiary.body().toString());
        assertEquals("BENEFICIARY", byBeneficiary.body().path("decision").path("via").asText());
        assertEquals(5, byBeneficiary.body().path("points").asInt()); // 150 min × 2 per hour
        VolunteerFixtures.Answer byStaff = verify(logId, STAFF, "RESIDENT,COMMUNITY_STAFF", COMMUNITY);
        assertEquals(200, byStaff.status());
        assertEquals("true", byStaff.headers().get("Idempotent-Replayed"));

        JsonNode p = points(member);
        assertEquals(5, p.path("points").asInt());
        assertEquals(150, p.path("verifiedMinutes").asInt());
        assertEquals(1, p.path("entries").size(), p.toString());
        assertEquals(logId, p.path("entries").get(0).path("sourceId").asText());
    }

    @Test
    void aRatingEventDeliveredTwiceCountsOnce() {
        Logged l = pendingLog("郑强", "13:00", "14:00");
        String member = l.member();
        String beneficiary = l.beneficiary();
        String logId = l.logId();
        verify(logId, STAFF, "RESIDENT,COMMUNITY_STAFF", COMMUNITY);
        VolunteerFixtures.Answer rated = fx.post(FN, "POST /service-logs/{logId}/rating", "/service-logs/" + logId + "/rating",
                Map.of("logId", logId), "{\"score\":5,\"comment\":\"很耐心\"}", beneficiary, "RESIDENT", "");
        assertEquals(200, rated.status(), rated.body().toString());

        var ports = fx.ports(LinliCloud.CLOCK);
        int year = DAY.getYear();
        int ratingYear = VolunteerTime.year(LinliCloud.now());
        // The queue delivers it once to RatingFunction ...
        Eventually.await(Duration.ofSeconds(10), () -> ports.points().statement(member, ratingYear)
                .map(s -> s.account().beneficiaryCount()).orElse(0L), n -> n == 1, "the rating folded");
        // ... and then twice more, by hand, as SQS may.
        ServiceLog log = ports.logs().find(logId).orElseThrow();
        String event = Events.sqs(cloud.queueArn("RatingsQueue"), "m-dup", RatingMessage.encode(log.ratingEvent()));
        for (int i = 0; i < 2; i++) {
            JsonNode r = Json.parse(cloud.invoke("RatingFunction", event));
            assertEquals(0, r.path("batchItemFailures").size(), r.toString());
        }
        YearAccount a = ports.points().statement(member, ratingYear).orElseThrow().account();
        assertEquals(1, a.beneficiaryCount());
        assertEquals(5, a.beneficiarySum());
        int expected = ratingYear == year ? 2 + 2 : 2; // the hour's 2 points count in the log's year; the bonus in the rating's
        assertEquals(expected, a.points());
        assertEquals(1, ports.members().membership(member).orElseThrow().ratingCount());

        // Rating again with the same score is a replay; with another score a conflict.
        VolunteerFixtures.Answer again = fx.post(FN, "POST /service-logs/{logId}/rating", "/service-logs/" + logId + "/rating",
                Map.of("logId", logId), "{\"score\":5}", beneficiary, "RESIDENT", "");
        assertEquals("true", again.headers().get("Idempotent-Replayed"));
        assertEquals("ALREADY_RATED", fx.post(FN, "POST /service-logs/{logId}/rating", "/service-logs/" + logId + "/rating",
                Map.of("logId", logId), "{\"score\":3}", beneficiary, "RESIDENT", "").errorCode());
    }
}
