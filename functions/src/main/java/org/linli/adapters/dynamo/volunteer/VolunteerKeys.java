package org.linli.adapters.dynamo.volunteer;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import org.linli.adapters.dynamo.TableKeys;
import org.linli.volunteer.points.PointsRule;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Key layout of the volunteer table (docs/data-model.md). Memberships, wishes, service logs, day
 * sheets, the points ledger with its aggregates, ratings, grade sheets and the organisations that
 * report for duty (with their member links) share one table, so that
 * a verification, its ledger entry and the aggregates it moves change in one transaction.
 */
public final class VolunteerKeys {
    /** Registrations, wishes and logs by community and state; balances. */
    public static final String BY_COMMUNITY = "ByCommunity";
    public static final String COMMUNITY_PK = "gsi1pk";
    public static final String COMMUNITY_SK = "gsi1sk";
    /** A member's claims and logs. */
    public static final String BY_MEMBER = "ByMember";
    public static final String MEMBER_PK = "gsi2pk";
    public static final String MEMBER_SK = "gsi2sk";
    /** A resident's wishes, the services he received. */
    public static final String BY_USER = "ByUser";
    public static final String USER_PK = "gsi3pk";
    public static final String USER_SK = "gsi3sk";
    /** Leaderboards per community and month or year, by score. */
    public static final String BY_BOARD = "ByBoard";
    public static final String BOARD_PK = "lbpk";
    public static final String BOARD_SCORE = "lbscore";

    /** The sort key of a membership, the item a log or a claim checks the member's standing on. */
    public static final String MEMBERSHIP = "MEMBERSHIP";
    /** The sort key of a grade sheet's header item. */
    public static final String SHEET = "META";
    /** Sort-key prefixes in a member's points partition. */
    public static final String MONTH = "MONTH#";
    public static final String ENTRY = "ENTRY#";
    /** A member's partition prefix (membership, and the key of his leaderboard rows). */
    public static final String MEMBER = "MEMBER#";

    private VolunteerKeys() {}

    public static Map<String, AttributeValue> key(String pk, String sk) {
        return TableKeys.key(pk, sk);
    }

    public static Map<String, AttributeValue> membership(String memberId) {
        return key(MEMBER + memberId, MEMBERSHIP);
    }

    public static Map<String, AttributeValue> wish(String id) {
        return key("WISH#" + id, "WISH");
    }

    public static Map<String, AttributeValue> log(String id) {
        return key("LOG#" + id, "LOG");
    }

    public static Map<String, AttributeValue> day(String memberId, LocalDate day) {
        return key("LOGDAY#" + memberId + "#" + day, "DAY");
    }

    public static String pointsPartition(String memberId, int year) {
        return "POINTS#" + memberId + "#" + year;
    }

    public static Map<String, AttributeValue> account(String memberId, int year) {
        return key(pointsPartition(memberId, year), "ACCOUNT");
    }

    public static Map<String, AttributeValue> month(String memberId, YearMonth month) {
        return key(pointsPartition(memberId, month.getYear()), MONTH + month);
    }

    public static Map<String, AttributeValue> entry(String memberId, int year, PointsRule rule, String sourceId) {
        return key(pointsPartition(memberId, year), ENTRY + rule + "#" + sourceId);
    }

    public static Map<String, AttributeValue> rating(String eventId) {
        return key("RATING#" + eventId, "RATING");
    }

    public static Map<String, AttributeValue> appraisal(String eventId) {
        return key("APPRAISAL#" + eventId, "APPRAISAL");
    }

    /** A grade sheet's header item; its rows share the partition. */
    public static Map<String, AttributeValue> sheet(String community, int year) {
        return key(gradesPartition(community, year), SHEET);
    }

    public static String gradesPartition(String community, int year) {
        return "GRADES#" + community + "#" + year;
    }

    public static String registrations(String community, String status) {
        return "REG#" + community + "#" + status;
    }

    public static String wishes(String community, String state) {
        return "WISHES#" + community + "#" + state;
    }

    public static String logs(String community, String status) {
        return "LOGS#" + community + "#" + status;
    }

    public static String claims(String memberId) {
        return "CLAIMS#" + memberId;
    }

    public static String memberLogs(String memberId) {
        return "MEMBERLOGS#" + memberId;
    }

    public static String placed(String residentId) {
        return "PLACED#" + residentId;
    }

    public static String received(String userId) {
        return "RECEIVED#" + userId;
    }

    public static String balances(String community, int year) {
        return "BALANCES#" + community + "#" + year;
    }

    public static String board(String community, String period) {
        return "BOARD#" + community + "#" + period;
    }

    /** A community's organisations (双报到 of units) and their member links share one partition: one Query reads both. */
    public static String organisations(String community) {
        return "ORGS#" + community;
    }

    /** Sort-key prefixes in a community's organisations partition. */
    public static final String ORGANISATION = "ORG#";
    public static final String ORG_LINK = "LINK#";

    public static Map<String, AttributeValue> organisation(String community, String organisationId) {
        return key(organisations(community), ORGANISATION + organisationId);
    }

    /** A member's link: keyed by member, so that he is linked to at most one organisation of the community. */
    public static Map<String, AttributeValue> organisationLink(String community, String memberId) {
        return key(organisations(community), ORG_LINK + memberId);
    }
}
