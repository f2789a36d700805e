package org.linli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.linli.core.Conflict;
import org.linli.core.Ids;
import org.linli.core.Times;
import org.linli.identity.Principal;
import org.linli.identity.Role;
import org.linli.json.Json;
import org.linli.local.LocalCloud;
import org.linli.local.MutableClock;
import org.linli.volunteer.Grade;
import org.linli.volunteer.grading.GradeRow;
import org.linli.volunteer.grading.GradeSheet;
import org.linli.volunteer.grading.Standings;
import org.linli.volunteer.membership.Memberships;
import org.linli.volunteer.points.LedgerEntry;
import org.linli.volunteer.points.PointsRule;
import org.linli.volunteer.points.PointsStatement;
import org.linli.volunteer.points.Ratings;
import org.linli.volunteer.points.YearAccount;
import org.linli.volunteer.servicelog.ServiceLogs;
import org.linli.volunteer.wishes.Wishes;
import org.linli.wiring.VolunteerPorts;

/**
 * A scripted year of one community (枫林社区 DEMO-E1, 2025): 30 members in six profiles of five,
 * ten residents, 265 service logs and 97 wishes through the domain services on DynamoDB Local, the
 * ratings through the real queue and RatingFunction, then year-end grades that must equal the
 * hand computation below. The clock is scripted; the rules are those shipped in volunteers.json
 * (2 points per verified hour, 5 per fulfilled wish, rating 1..5 → −2, −1, 0, +1, +2, monthly cap
 * 60; weights 0.20 points / 0.40 assessment / 0.20 residents / 0.20 beneficiaries, 50 points for a
 * full points score, a missing assessment 60, no ratings 75: issue 13 defect 8).
 *
 * <pre>
 * profile  what each of its five members does in 2025                                 points
 * A  Jan–Oct one 3 h log (6 each = 60); Jan–Apr those verified by and rated 5 by the
 *    person served (+2 each = 8); Jan–Jun one wish rated 5 (5 + 2 each = 42)                110
 * B  Jan–Dec one 2 h log (4 each = 48); Jan–Feb rated 4 (+1 each = 2);
 *    Jan–Apr one wish rated 4 (5 + 1 each = 24)                                                74
 * C  Jan–Oct one 2 h log (40); Nov a log left unverified (0); Dec a log rejected (0);
 *    Jan–Feb one wish rated 3 (5 + 0 each = 10)                                                50
 * D  Jan–Feb one 1 h log (2 each = 4); Mar–Apr one wish rated 1 (5 − 2 each = 6)               10
 * E  nothing                                                                                    0
 * F  Mar twelve 4 h logs (96, capped at 60: the 8th earns 4, the 9th to 12th 0); Jun five
 *    2 h logs (20); Sep three wishes rated 5 (21)                                             101
 *
 * profile points  pts score  assessment   residents (appraisals)  beneficiaries (ratings)  total  grade
 * A       110     100.00     95           5,5,5 → 100.00          ten 5s → 100.00          20 + 38 + 20 + 20       = 98.00 EXCELLENT
 * B        74     100.00     90           4,4 → 75.00             six 4s → 75.00           20 + 36 + 15 + 15       = 86.00 QUALIFIED
 * C        50     100.00     90           none → 75.00            3,3 → 50.00              20 + 36 + 15 + 10       = 81.00 QUALIFIED
 * D        10      20.00     70           2,2 → 25.00             1,1 → 0.00               4 + 28 + 5 + 0          = 37.00 UNQUALIFIED
 * E         0       0.00     missing → 60 none → 75.00            none → 75.00             0 + 24 + 15 + 15        = 54.00 UNQUALIFIED
 * F       101     100.00     75           3 → 50.00               three 5s → 100.00        20 + 30 + 10 + 20       = 80.00 QUALIFIED
 * </pre>
 * One E member is then adjusted to BASICALLY_QUALIFIED with a recorded reason, and the sheet published.
 */
class ScriptedYearIntegrationTest {
    private static final String C = "DEMO-E1";
    private static final int YEAR = 2025;

    enum Profile { A, B, C, D, E, F }

    /** The hand computation above: points, points score, assessment, residents, beneficiaries, total, grade. */
    private record Expected(int points, String pointsScore, String assessment, String residents, String beneficiaries,
                            String total, Grade grade) {}

    private static final Map<Profile, Expected> EXPECTED = new EnumMap<>(Map.of(
            Profile.A, new Expected(110, "100.00", "95.00", "100.00", "100.00", "98.00", Grade.EXCELLENT),
            Profile.B, new Expected(74, "100.00", "90.00", "75.00", "75.00", "86.00", Grade.QUALIFIED),
            Profile.C, new Expected(50, "100.00", "90.00", "75.00", "50.00", "81.00", Grade.QUALIFIED),
            Profile.D, new Expected(10, "20.00", "70.00", "25.00", "0.00", "37.00", Grade.UNQUALIFIED),
            Profile.E, new Expected(0, "0.00", "60.00", "75.00", "75.00", "54.00", Grade.UNQUALIFIED),
            Profile.F, new Expected(101, "100.00", "75.00", "50.00", "100.00", "80.00", Grade.QUALIFIED)));

    private final LocalCloud cloud = LinliCloud.get();
    private final VolunteerFixtures fx = new VolunteerFixtures(cloud);
    private final MutableClock clock = new MutableClock(at(1, 2, "08:00"));
    private final VolunteerPorts ports = fx.ports(clock);
    private final Memberships memberships = new Memberships(ports.members(), ports.communities(), clock);
    private final Wishes wishes = new Wishes(ports.wishes(), ports.members(), ports.communities(), ports.ratings(), ports.points(),
            ports.rules(), clock);
    private final ServiceLogs logs = new ServiceLogs(ports.logs(), ports.wishes(), ports.ratings(), ports.points(), ports.rules(), clock);
    private final Ratings ratings = new Ratings(ports.points(), ports.members(), ports.ratings(), ports.rules().points(), clock);
    private final Standings standings = new Standings(ports.points(), ports.grades(), ports.members(), ports.communities(),
            ports.rules().grading(), clock);
    private final Principal staff = new Principal("usr_STAFFE1000000000000000000", Set.of(Role.RESIDENT, Role.COMMUNITY_STAFF), Set.of(C));
    private final List<Principal> residents = new ArrayList<>();
    private int logsWritten;
    private int wishesWritten;

    private static Instant at(int month, int day, String hhmm) {
        return OffsetDateTime.parse(String.format("%d-%02d-%02dT%s:00+08:00", YEAR, month, day, hhmm)).toInstant();
    }

    private static JsonNode json(String s) {
        return Json.parse(s);
    }

    private static Principal person(String id) {
        return new Principal(id, Set.of(Role.RESIDENT), Set.of());
    }

    // ---------------------------------------------------------------- the script's steps

    private void fulfilledWish(Principal resident, Principal member, int score) {
        String body = """
                {"community":"%s","title":"微心愿","detail":"帮忙","wantedBy":"%s","place":"枫林小区","contact":{"name":"居民","phone":"13812341234"}}"""
                .formatted(C, Times.api(clock.instant().plus(Duration.ofDays(2))));
        String id = wishes.place(resident, json(body), null).wish().id();
        wishes.review(staff, id, json("{\"decision\":\"APPROVE\"}"));
        wishes.claim(member, id);
        wishes.complete(member, id, json("{\"evidencePhotoKeys\":[\"uploads/evidence.jpg\"]}"));
        wishes.confirm(resident, id, json("{\"score\":" + score + "}"));
        wishesWritten++;
    }

    private void declinedWish(Principal resident) {
        String body = """
                {"community":"%s","title":"代缴话费","detail":"帮我交话费","wantedBy":"%s","place":"枫林小区","contact":{"phone":"13812341234"}}"""
                .formatted(C, Times.api(clock.instant().plus(Duration.ofDays(3))));
        String id = wishes.place(resident, json(body), null).wish().id();
        wishes.review(staff, id, json("{\"decision\":\"DECLINE\",\"reason\":\"涉及个人财务，请到营业厅办理\"}"));
        wishesWritten++;
    }

    private String log(Principal member, int month, int day, String from, String to, Principal beneficiary) {
        String start = Times.api(at(month, day, from));
        String end = Times.api(at(month, day, to));
        String body = "{\"community\":\"" + C + "\",\"type\":\"elderly_care\",\"start\":\"" + start + "\",\"end\":\"" + end + "\""
                + (beneficiary == null ? "" : ",\"beneficiaryId\":\"" + beneficiary.userId() + "\"") + "}";
        logsWritten++;
        return logs.record(member, json(body), null).log().id();
    }

    /** Staff verify one log after another: a minute apart, so that the ledger's order is theirs. */
    private void verify(Principal by, String logId) {
        clock.advance(Duration.ofMinutes(1));
        logs.verify(by, logId, json("{\"decision\":\"VERIFY\"}"));
    }

    // ---------------------------------------------------------------- the year

    @Test
    void aScriptedYearGradesAsComputedByHand() {
        Map<Profile, List<Principal>> members = new EnumMap<>(Profile.class);
        Map<String, Profile> profileOf = new LinkedHashMap<>();
        for (Profile p : Profile.values()) {
            List<Principal> five = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                Principal m = person(Ids.random("usr", clock.instant()));
                memberships.register(m.userId(), json("{\"community\":\"" + C + "\",\"name\":\"党员" + p + i
                        + "\",\"phone\":\"1370000" + String.format("%04d", p.ordinal() * 10 + i) + "\",\"partyOrganisation\":\"市直机关第"
                        + (i + 1) + "支部\"}"));
                memberships.decide(staff, m.userId(), json("{\"decision\":\"APPROVE\"}"));
                five.add(m);
                profileOf.put(m.userId(), p);
            }
            members.put(p, five);
        }
        for (int i = 0; i < 10; i++) residents.add(person(Ids.random("usr", clock.instant())));

        for (int month = 1; month <= 12; month++) {
            clock.advanceTo(at(month, 20, "10:00"));
            Principal resident = residents.get(month % residents.size());
            declinedWish(resident);
            for (Principal m : members.get(Profile.A)) {
                if (month <= 10) {
                    String id = log(m, month, 5, "09:00", "12:00", resident);
                    if (month <= 4) {
                        verify(resident, id);
                        logs.rate(resident, id, json("{\"score\":5,\"comment\":\"很好\"}"));
                    } else {
                        verify(staff, id);
                    }
                }
                if (month <= 6) fulfilledWish(resident, m, 5);
            }
            for (Principal m : members.get(Profile.B)) {
                String id = log(m, month, 5, "09:00", "11:00", resident);
                if (month <= 2) {
                    verify(resident, id);
                    logs.rate(resident, id, json("{\"score\":4}"));
                } else {
                    verify(staff, id);
                }
                if (month <= 4) fulfilledWish(resident, m, 4);
            }
            for (Principal m : members.get(Profile.C)) {
                if (month <= 10) verify(staff, log(m, month, 6, "09:00", "11:00", null));
                if (month == 11) log(m, month, 6, "09:00", "11:00", null); // never verified: earns nothing
                if (month == 12) logs.verify(staff, log(m, month, 6, "09:00", "11:00", null),
                        json("{\"decision\":\"REJECT\",\"reason\":\"无服务对象签字\"}"));
                if (month <= 2) fulfilledWish(resident, m, 3);
            }
            for (Principal m : members.get(Profile.D)) {
                if (month <= 2) verify(staff, log(m, month, 7, "09:00", "10:00", null));
                if (month == 3 || month == 4) fulfilledWish(resident, m, 1);
            }
            for (Principal m : members.get(Profile.F)) {
                if (month == 3) for (int day = 1; day <= 12; day++) verify(staff, log(m, 3, day, "09:00", "13:00", null));
                if (month == 6) for (int day = 1; day <= 5; day++) verify(staff, log(m, 6, day, "09:00", "11:00", null));
                if (month == 9) for (int k = 0; k < 3; k++) fulfilledWish(residents.get(k), m, 5);
            }
        }
        assertEquals(265, logsWritten);
        assertEquals(97, wishesWritten);

        // 群众评议: residents appraise members at year end.
        clock.advanceTo(at(12, 28, "10:00"));
        Map<Profile, int[]> appraisals = Map.of(Profile.A, new int[] {5, 5, 5}, Profile.B, new int[] {4, 4},
                Profile.D, new int[] {2, 2}, Profile.F, new int[] {3});
        appraisals.forEach((p, scores) -> {
            for (Principal m : members.get(p)) {
                for (int i = 0; i < scores.length; i++) {
                    ratings.appraise(residents.get(i), m.userId(), json("{\"year\":" + YEAR + ",\"score\":" + scores[i] + "}"));
                }
            }
        });
        // 一考: the party organisation's assessment (none for E).
        clock.advanceTo(at(12, 29, "10:00"));
        Map<Profile, Integer> assessment = Map.of(Profile.A, 95, Profile.B, 90, Profile.C, 90, Profile.D, 70, Profile.F, 75);
        assessment.forEach((p, score) -> {
            for (Principal m : members.get(p)) {
                standings.assess(staff, C, json("{\"memberId\":\"" + m.userId() + "\",\"year\":" + YEAR + ",\"score\":" + score + "}"));
            }
        });

        // Every rating has come through the queue and RatingFunction: 115 by beneficiaries, 40 appraisals.
        Eventually.await(Duration.ofSeconds(60), () -> {
            long ben = 0;
            long res = 0;
            for (YearAccount a : ports.points().accounts(C, YEAR)) {
                ben += a.beneficiaryCount();
                res += a.residentCount();
            }
            return ben + "/" + res;
        }, "115/40"::equals, "all ratings folded");

        // Points per member, and the cap at work in F's March.
        for (var e : profileOf.entrySet()) {
            int points = ports.points().statement(e.getKey(), YEAR).map(s -> s.account().points()).orElse(0);
            assertEquals(EXPECTED.get(e.getValue()).points(), points, "points of a " + e.getValue() + " member");
        }
        PointsStatement f = ports.points().statement(members.get(Profile.F).get(0).userId(), YEAR).orElseThrow();
        List<Integer> march = f.entries().stream().filter(x -> x.month().equals(YearMonth.of(YEAR, 3))
                && x.rule() == PointsRule.VERIFIED_SERVICE).map(LedgerEntry::points).toList();
        assertEquals(List.of(8, 8, 8, 8, 8, 8, 8, 4, 0, 0, 0, 0), march);
        assertEquals(12 * 240 + 5 * 120, f.account().verifiedMinutes());

        // 双评 + 一考 → the grades, as computed by hand.
        clock.advanceTo(OffsetDateTime.parse("2026-01-05T10:00:00+08:00").toInstant());
        GradeSheet sheet = standings.compute(staff, C, YEAR);
        assertEquals(32, sheet.rows().size(), "the 30 scripted members and the two demo volunteers of DEMO-E1");
        for (var e : profileOf.entrySet()) {
            GradeRow r = sheet.row(e.getKey()).orElseThrow();
            Expected x = EXPECTED.get(e.getValue());
            String what = "a " + e.getValue() + " member";
            assertEquals(x.points(), r.points(), what);
            assertEquals(new BigDecimal(x.pointsScore()), r.pointsScore(), what);
            assertEquals(new BigDecimal(x.assessment()), r.assessmentScore(), what);
            assertEquals(new BigDecimal(x.residents()), r.residentScore(), what);
            assertEquals(new BigDecimal(x.beneficiaries()), r.beneficiaryScore(), what);
            assertEquals(new BigDecimal(x.total()), r.total(), what);
            assertEquals(x.grade(), r.grade(), what);
        }

        // Staff adjust with a recorded reason, publish; the list is then frozen.
        String adjusted = members.get(Profile.E).get(0).userId();
        standings.adjust(staff, C, YEAR, json("{\"memberId\":\"" + adjusted + "\",\"grade\":\"BASICALLY_QUALIFIED\",\"reason\":\"全年驻村帮扶，由派出单位考核\"}"));
        standings.publish(staff, C, YEAR);
        assertThrows(Conflict.class, () -> standings.compute(staff, C, YEAR));
        GradeRow row = standings.read(person(residents.get(0).userId()), C, YEAR).row(adjusted).orElseThrow();
        assertEquals(Grade.BASICALLY_QUALIFIED, row.grade());
        assertEquals(Grade.UNQUALIFIED, row.computed());
        assertEquals("全年驻村帮扶，由派出单位考核", row.adjustReason());

        // The community reads the published list through the API: grades and masked names only.
        var published = fx.call("GradingApiFunction", "GET /communities/{code}/grades/{year}", "/communities/" + C + "/grades/" + YEAR,
                Map.of("code", C, "year", Integer.toString(YEAR)), Map.of(), null, residents.get(1).userId(), "RESIDENT", "");
        assertEquals(200, published.status(), published.body().toString());
        assertEquals("PUBLISHED", published.field("state"));
        for (JsonNode item : published.body().path("items")) {
            assertTrue(item.path("name").asText().endsWith("*"), item.toString());
            assertFalse(item.has("parts"), "the parts and the reason are for staff");
        }
        assertEquals("EXCELLENT", published.body().path("items").get(0).path("grade").asText());

        // Star of the month for March: F members tie at 60 points and 2,880 minutes; the lowest id wins.
        String star = members.get(Profile.F).stream().map(Principal::userId).sorted().findFirst().orElseThrow();
        var march2025 = fx.call("GradingApiFunction", "GET /communities/{code}/stars/{month}", "/communities/" + C + "/stars/2025-03",
                Map.of("code", C, "month", "2025-03"), Map.of(), null, staff.userId(), "RESIDENT,COMMUNITY_STAFF", C);
        assertEquals(star, march2025.body().path("star").path("memberId").asText(), march2025.body().toString());
        assertEquals(60, march2025.body().path("star").path("points").asInt());
        assertTrue(march2025.body().path("final").asBoolean());
        // The year's board: A members first, with 110 each.
        var board = fx.call("GradingApiFunction", "GET /communities/{code}/leaderboard", "/communities/" + C + "/leaderboard",
                Map.of("code", C), Map.of("year", Integer.toString(YEAR), "limit", "5"), null, residents.get(2).userId(), "RESIDENT", "");
        for (JsonNode item : board.body().path("items")) {
            assertEquals(110, item.path("points").asInt(), board.body().toString());
            assertEquals(Profile.A, profileOf.get(item.path("memberId").asText()));
        }
    }
}
