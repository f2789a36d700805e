package org.linli.adapters.dynamo;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Key layout of the cases table (see docs/data-model.md). Reports, cases and, later, their audit
 * trail share one table so that a case and the report it came from change in one transaction.
 */
final class CasesTableKeys {
    static final String PK = "pk";
    static final String SK = "sk";
    static final String BY_REPORTER = "ByReporter";
    static final String BY_ASSIGNEE = "ByAssignee";
    static final String BY_QUEUE = "ByQueue";
    static final String PENDING = "Pending";
    static final String DUE = "Due";
    static final String BY_SUPERVISOR = "BySupervisor";
    static final String BY_DEPARTMENT = "ByDepartment";
    static final String OPEN_NEARBY = "OpenNearby";
    static final String BY_MONTH = "ByMonth";
    static final String BY_COMMUNITY_MONTH = "ByCommunityMonth";
    /** Pending reports are spread over a few partitions of the sparse index. */
    static final int PENDING_SHARDS = 4;
    /** So are open cases in the due index: the sweep reads each shard. */
    static final int DUE_SHARDS = 4;

    private CasesTableKeys() {}

    static Map<String, AttributeValue> report(String id) {
        return Map.of(PK, Attr.s("REPORT#" + id), SK, Attr.s("REPORT"));
    }

    static Map<String, AttributeValue> caseKey(String id) {
        return Map.of(PK, Attr.s("CASE#" + id), SK, Attr.s("CASE"));
    }

    /** Audit entries sort by the version their transition produced: the trail in order, one query. */
    static Map<String, AttributeValue> audit(String caseId, long version) {
        return Map.of(PK, Attr.s("CASE#" + caseId), SK, Attr.s(auditSort(version)));
    }

    static String auditSort(long version) {
        return String.format("AUDIT#%010d", version);
    }

    static Map<String, AttributeValue> task(String caseId, String department) {
        return Map.of(PK, Attr.s("CASE#" + caseId), SK, Attr.s("TASK#" + department));
    }

    static Map<String, AttributeValue> request(String caseId, String requestKey) {
        return Map.of(PK, Attr.s("CASE#" + caseId), SK, Attr.s("REQ#" + requestKey));
    }

    static String duePartition(String caseId) {
        return "DUE#" + Math.floorMod(caseId.hashCode(), DUE_SHARDS);
    }

    /** The cases opened in a community in a month (Asia/Shanghai): the monthly summary's cohort. */
    static String communityMonthPartition(String community, java.time.YearMonth month) {
        return "OPENED#" + community + "#" + month;
    }

    static String supervisorPartition(String nodeCode) {
        return "SUPERVISOR#" + nodeCode;
    }

    static String departmentPartition(String department) {
        return "DEPTTASKS#" + department;
    }

    static String nearbyPartition(String category, String cell) {
        return "NEAR#" + category + "#" + cell;
    }

    static String reporterPartition(String userId) {
        return "REPORTER#" + userId;
    }

    static String assigneePartition(String userId) {
        return "ASSIGNEE#" + userId;
    }

    static String unassignedPartition(String nodeCode) {
        return "QUEUE#UNASSIGNED#" + nodeCode;
    }

    /** Cases by the month they were opened in (Asia/Shanghai): {@code OPENED#2026-11}. */
    static String openedPartition(java.time.Instant createdAt) {
        return "OPENED#" + java.time.YearMonth.from(createdAt.atZone(org.linli.core.Times.CHINA));
    }

    static String openedPartition(java.time.YearMonth month) {
        return "OPENED#" + month;
    }

    static String pendingPartition(String reportId) {
        return "PENDING#" + Math.floorMod(reportId.hashCode(), PENDING_SHARDS);
    }
}
