package org.linli.adapters.dynamo.cases;

import java.util.Map;
import org.linli.adapters.dynamo.Attr;
import org.linli.adapters.dynamo.TableKeys;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Key layout of the cases table (see docs/data-model.md): every key prefix and index attribute of
 * the table, here and nowhere else. Reports, cases, their audit trail, department tasks and
 * client request ids share one table so that a case and the report it came from change in one
 * transaction.
 */
public final class CasesKeys {
    private static final String PK = TableKeys.PK;
    private static final String SK = TableKeys.SK;

    /** A case's partition: the case, its audit entries, its tasks and its request ids. */
    public static final String CASE = "CASE#";
    /** The sort-key prefix of a case's audit entries. */
    public static final String AUDIT = "AUDIT#";
    /** The sort-key prefix of a case's client request ids. */
    public static final String REQUEST = "REQ#";
    /** The sort key of the case item itself. */
    public static final String CASE_ITEM = "CASE";

    public static final String BY_REPORTER = "ByReporter";
    public static final String REPORTER_PK = "gsi1pk";
    public static final String REPORTER_SK = "gsi1sk";
    public static final String BY_ASSIGNEE = "ByAssignee";
    public static final String ASSIGNEE_PK = "gsi2pk";
    public static final String ASSIGNEE_SK = "gsi2sk";
    public static final String BY_QUEUE = "ByQueue";
    public static final String QUEUE_PK = "gsi3pk";
    public static final String QUEUE_SK = "gsi3sk";
    /** Reports still RECEIVED (sparse): the intake sweep's index. */
    public static final String PENDING = "Pending";
    public static final String PENDING_PK = "pendpk";
    public static final String PENDING_SK = "pendsk";
    /** Open cases by their next deadline (sparse): the case sweep's index. */
    public static final String DUE = "Due";
    public static final String DUE_PK = "duepk";
    public static final String DUE_SK = "duesk";
    public static final String BY_SUPERVISOR = "BySupervisor";
    public static final String SUPERVISOR_PK = "gsi4pk";
    public static final String SUPERVISOR_SK = "gsi4sk";
    public static final String BY_DEPARTMENT = "ByDepartment";
    public static final String DEPARTMENT_PK = "gsi5pk";
    public static final String DEPARTMENT_SK = "gsi5sk";
    public static final String OPEN_NEARBY = "OpenNearby";
    public static final String NEARBY_PK = "nearpk";
    public static final String NEARBY_SK = "nearsk";
    public static final String BY_MONTH = "ByMonth";
    public static final String MONTH_PK = "monthpk";
    public static final String MONTH_SK = "monthsk";
    public static final String BY_COMMUNITY_MONTH = "ByCommunityMonth";
    public static final String COMMUNITY_MONTH_PK = "gsi6pk";
    public static final String COMMUNITY_MONTH_SK = "gsi6sk";
    /**
     * The case register, two item types in one index: cases under {@code UNIT#<street>} (or the node
     * above any street they sit under) and reports with a phone under {@code TAIL#<its last four digits>},
     * both sorted by time - the street's register, and the search by a reporter's phone.
     */
    public static final String BY_UNIT = "ByUnit";
    public static final String UNIT_PK = "unitpk";
    public static final String UNIT_SK = "unitsk";

    /** Pending reports are spread over a few partitions of the sparse index. */
    public static final int PENDING_SHARDS = 4;
    /** So are open cases in the due index: the sweep reads each shard. */
    public static final int DUE_SHARDS = 4;
    /** The partition prefix of the shards of the due index ({@code DUE#0} …). */
    public static final String DUE_SHARD = "DUE#";
    /** The partition prefix of the shards of the pending index ({@code PENDING#0} …). */
    public static final String PENDING_SHARD = "PENDING#";

    private CasesKeys() {}

    /** The retention index: a case noted under the day it closed (privacy.ClosedCases). */
    public static final String CLOSED_DAY = "CLOSED#";

    public static Map<String, AttributeValue> closedOn(java.time.LocalDate day, String caseId) {
        return TableKeys.key(CLOSED_DAY + day, caseId);
    }

    public static Map<String, AttributeValue> report(String id) {
        return Map.of(PK, Attr.s("REPORT#" + id), SK, Attr.s("REPORT"));
    }

    public static Map<String, AttributeValue> caseKey(String id) {
        return Map.of(PK, Attr.s(CASE + id), SK, Attr.s(CASE_ITEM));
    }

    /** Audit entries sort by the version their transition produced: the trail in order, one query. */
    public static Map<String, AttributeValue> audit(String caseId, long version) {
        return Map.of(PK, Attr.s(CASE + caseId), SK, Attr.s(auditSort(version)));
    }

    public static String auditSort(long version) {
        return AUDIT + String.format("%010d", version);
    }

    /** How far a work order's case has been reported to the hotline platform (docs/hotline.md). */
    public static Map<String, AttributeValue> hotlineReported(String caseId) {
        return Map.of(PK, Attr.s(CASE + caseId), SK, Attr.s("HOTLINE#REPORTED"));
    }

    public static Map<String, AttributeValue> task(String caseId, String department) {
        return Map.of(PK, Attr.s(CASE + caseId), SK, Attr.s("TASK#" + department));
    }

    public static Map<String, AttributeValue> request(String caseId, String requestKey) {
        return Map.of(PK, Attr.s(CASE + caseId), SK, Attr.s(REQUEST + requestKey));
    }

    public static String duePartition(String caseId) {
        return DUE_SHARD + Math.floorMod(caseId.hashCode(), DUE_SHARDS);
    }

    /** The cases opened in a community in a month (Asia/Shanghai): the monthly summary's cohort. */
    public static String communityMonthPartition(String community, java.time.YearMonth month) {
        return "OPENED#" + community + "#" + month;
    }

    public static String supervisorPartition(String nodeCode) {
        return "SUPERVISOR#" + nodeCode;
    }

    public static String departmentPartition(String department) {
        return "DEPTTASKS#" + department;
    }

    public static String nearbyPartition(String category, String cell) {
        return "NEAR#" + category + "#" + cell;
    }

    public static String reporterPartition(String userId) {
        return "REPORTER#" + userId;
    }

    public static String assigneePartition(String userId) {
        return "ASSIGNEE#" + userId;
    }

    public static String unassignedPartition(String nodeCode) {
        return "QUEUE#UNASSIGNED#" + nodeCode;
    }

    /** Cases by the month they were opened in (Asia/Shanghai): {@code OPENED#2026-11}. */
    public static String openedPartition(java.time.Instant createdAt) {
        return "OPENED#" + java.time.YearMonth.from(createdAt.atZone(org.linli.core.Times.CHINA));
    }

    public static String openedPartition(java.time.YearMonth month) {
        return "OPENED#" + month;
    }

    /** The case register's partition of a street (or of the node above any street a case sits under). */
    public static String unitPartition(String unit) {
        return "UNIT#" + unit;
    }

    /** The register's unit of a case: its street, else the deepest node of its path, else none. */
    public static String registerUnit(String street, java.util.List<String> territoryPath) {
        if (street != null) return street;
        return territoryPath.isEmpty() ? null : territoryPath.get(territoryPath.size() - 1);
    }

    /** Reports by the last four digits of the contact's phone: {@code TAIL#1234}. */
    public static String tailPartition(String lastFour) {
        return "TAIL#" + lastFour;
    }

    public static String pendingPartition(String reportId) {
        return PENDING_SHARD + Math.floorMod(reportId.hashCode(), PENDING_SHARDS);
    }

    // ---------------------------------------------------------------- consultations (议事协商)

    /** A consultation's own item. */
    public static Map<String, AttributeValue> consultation(String id) {
        return TableKeys.key("CONSULT#" + id, "CONSULT");
    }

    /** A community's consultations, newest first: a copy of each in partition {@code CONSULTS#<community>}, written with it. */
    public static String consultations(String community) {
        return "CONSULTS#" + community;
    }

    public static Map<String, AttributeValue> consultationListed(String community, String openedAt, String id) {
        return TableKeys.key(consultations(community), openedAt + "#" + id);
    }

    /** A community's published decisions (公示), newest first: masked copies, nothing personal. */
    public static String decisions(String community) {
        return "DECISIONS#" + community;
    }

    public static Map<String, AttributeValue> decision(String community, String decidedAt, String id) {
        return TableKeys.key(decisions(community), decidedAt + "#" + id);
    }
}
