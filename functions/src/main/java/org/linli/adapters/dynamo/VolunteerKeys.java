package org.linli.adapters.dynamo;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import org.linli.volunteer.PointsRule;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Key layout of the volunteer table (docs/data-model.md). Memberships, wishes, service logs, day
 * sheets, the points ledger with its aggregates, ratings and grade sheets share one table, so that
 * a verification, its ledger entry and the aggregates it moves change in one transaction.
 */
final class VolunteerKeys {
    static final String BY_COMMUNITY = "ByCommunity"; // gsi1: registrations, wishes, logs by community+state; balances
    static final String BY_MEMBER = "ByMember";       // gsi2: a member's claims and logs
    static final String BY_USER = "ByUser";           // gsi3: a resident's wishes, services he received
    static final String BY_BOARD = "ByBoard";         // lbpk/lbscore: leaderboards per community and month or year

    private VolunteerKeys() {}

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", Attr.s(pk), "sk", Attr.s(sk));
    }

    static Map<String, AttributeValue> membership(String memberId) {
        return key("MEMBER#" + memberId, "MEMBERSHIP");
    }

    static Map<String, AttributeValue> wish(String id) {
        return key("WISH#" + id, "WISH");
    }

    static Map<String, AttributeValue> log(String id) {
        return key("LOG#" + id, "LOG");
    }

    static Map<String, AttributeValue> day(String memberId, LocalDate day) {
        return key("LOGDAY#" + memberId + "#" + day, "DAY");
    }

    static String pointsPartition(String memberId, int year) {
        return "POINTS#" + memberId + "#" + year;
    }

    static Map<String, AttributeValue> account(String memberId, int year) {
        return key(pointsPartition(memberId, year), "ACCOUNT");
    }

    static Map<String, AttributeValue> month(String memberId, YearMonth month) {
        return key(pointsPartition(memberId, month.getYear()), "MONTH#" + month);
    }

    static Map<String, AttributeValue> entry(String memberId, int year, PointsRule rule, String sourceId) {
        return key(pointsPartition(memberId, year), "ENTRY#" + rule + "#" + sourceId);
    }

    static Map<String, AttributeValue> rating(String eventId) {
        return key("RATING#" + eventId, "RATING");
    }

    static Map<String, AttributeValue> appraisal(String eventId) {
        return key("APPRAISAL#" + eventId, "APPRAISAL");
    }

    static String gradesPartition(String community, int year) {
        return "GRADES#" + community + "#" + year;
    }

    static String registrations(String community, String status) {
        return "REG#" + community + "#" + status;
    }

    static String wishes(String community, String state) {
        return "WISHES#" + community + "#" + state;
    }

    static String logs(String community, String status) {
        return "LOGS#" + community + "#" + status;
    }

    static String claims(String memberId) {
        return "CLAIMS#" + memberId;
    }

    static String memberLogs(String memberId) {
        return "MEMBERLOGS#" + memberId;
    }

    static String placed(String residentId) {
        return "PLACED#" + residentId;
    }

    static String received(String userId) {
        return "RECEIVED#" + userId;
    }

    static String balances(String community, int year) {
        return "BALANCES#" + community + "#" + year;
    }

    static String board(String community, String period) {
        return "BOARD#" + community + "#" + period;
    }
}
