package org.linli.adapters.dynamo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.linli.cases.Case;
import org.linli.cases.CaseStore;
import org.linli.core.Page;
import org.linli.core.StoreUnavailable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** {@link CaseStore} on the cases table. */
public final class DynamoCaseStore implements CaseStore {
    private static final int BATCH_GET_MAX = 100;

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoCaseStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /**
     * One transaction: put the case unless it exists, and move the report from RECEIVED to CASED
     * (leaving the Pending index). If the report is no longer RECEIVED, nothing changes.
     */
    @Override
    public boolean createFromReport(Case c, String reportId) {
        TransactWriteItem putCase = TransactWriteItem.builder().put(p -> p.tableName(table)
                .item(CaseItems.toItem(c))
                .conditionExpression("attribute_not_exists(pk)")).build();
        TransactWriteItem linkReport = TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(CasesTableKeys.report(reportId))
                .updateExpression("SET #s = :cased, caseId = :case REMOVE pendpk, pendsk")
                .conditionExpression("#s = :received")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":cased", Attr.s("CASED"), ":received", Attr.s("RECEIVED"),
                        ":case", Attr.s(c.id())))).build();
        try {
            DynamoCalls.call("TransactWriteItems case", () -> dynamo.transactWriteItems(b -> b.transactItems(putCase, linkReport)));
            return true;
        } catch (TransactionCanceledException e) {
            if (conditionFailed(e)) return false;
            // TransactionConflict and friends: someone else is writing the same items; retry later.
            throw new StoreUnavailable("The case could not be written now; it will be retried.", e);
        }
    }

    private static boolean conditionFailed(TransactionCanceledException e) {
        if (!e.hasCancellationReasons()) return false;
        boolean anyCondition = false;
        for (CancellationReason r : e.cancellationReasons()) {
            String code = r.code();
            if ("ConditionalCheckFailed".equals(code)) anyCondition = true;
            else if (code != null && !"None".equals(code)) return false;
        }
        return anyCondition;
    }

    @Override
    public Optional<Case> find(String caseId) {
        var r = DynamoCalls.call("GetItem case", () -> dynamo.getItem(b -> b.tableName(table)
                .key(CasesTableKeys.caseKey(caseId)).consistentRead(true)));
        return r.hasItem() && !r.item().isEmpty() ? Optional.of(CaseItems.fromItem(r.item())) : Optional.empty();
    }

    @Override
    public Map<String, Case> findAll(Collection<String> caseIds) {
        Map<String, Case> out = new HashMap<>();
        List<String> ids = new ArrayList<>(new java.util.LinkedHashSet<>(caseIds));
        for (int i = 0; i < ids.size(); i += BATCH_GET_MAX) {
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            for (String id : ids.subList(i, Math.min(ids.size(), i + BATCH_GET_MAX))) keys.add(CasesTableKeys.caseKey(id));
            Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(keys).build());
            for (Map<String, AttributeValue> item : BatchGets.all(dynamo, request, table)) {
                Case c = CaseItems.fromItem(item);
                out.put(c.id(), c);
            }
        }
        return out;
    }

    @Override
    public Page<Case> assignedTo(String userId, int limit, String cursor) {
        return page(CasesTableKeys.BY_ASSIGNEE, "gsi2pk", "gsi2sk", CasesTableKeys.assigneePartition(userId), limit, cursor);
    }

    @Override
    public Page<Case> unassignedAt(String nodeCode, int limit, String cursor) {
        return page(CasesTableKeys.BY_QUEUE, "gsi3pk", "gsi3sk", CasesTableKeys.unassignedPartition(nodeCode), limit, cursor);
    }

    private Page<Case> page(String index, String pkName, String skName, String partition, int limit, String cursor) {
        Map<String, AttributeValue> start = Cursors.decode(cursor, Set.of("pk", "sk", pkName, skName), pkName, partition);
        QueryResponse r = DynamoCalls.call("Query " + index, () -> dynamo.query(b -> b.tableName(table)
                .indexName(index)
                .keyConditionExpression(pkName + " = :p")
                .expressionAttributeValues(Map.of(":p", Attr.s(partition)))
                .limit(limit)
                .exclusiveStartKey(start)));
        return new Page<>(r.items().stream().map(CaseItems::fromItem).toList(), Cursors.encode(r.lastEvaluatedKey()));
    }
}
