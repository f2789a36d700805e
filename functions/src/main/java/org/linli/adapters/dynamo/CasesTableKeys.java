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
    /** Pending reports are spread over a few partitions of the sparse index. */
    static final int PENDING_SHARDS = 4;

    private CasesTableKeys() {}

    static Map<String, AttributeValue> report(String id) {
        return Map.of(PK, Attr.s("REPORT#" + id), SK, Attr.s("REPORT"));
    }

    static Map<String, AttributeValue> caseKey(String id) {
        return Map.of(PK, Attr.s("CASE#" + id), SK, Attr.s("CASE"));
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

    static String pendingPartition(String reportId) {
        return "PENDING#" + Math.floorMod(reportId.hashCode(), PENDING_SHARDS);
    }
}
