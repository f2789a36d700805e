package org.linli.adapters.dynamo.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.linli.adapters.dynamo.Attr;
import org.linli.adapters.dynamo.Backoff;
import org.linli.adapters.dynamo.BatchGets;
import org.linli.adapters.dynamo.Cursors;
import org.linli.adapters.dynamo.DynamoCalls;
import org.linli.adapters.dynamo.Queries;
import org.linli.adapters.dynamo.TableKeys;
import org.linli.cases.Case;
import org.linli.cases.CaseEvent;
import org.linli.cases.CaseStore;
import org.linli.cases.SummonsTask;
import org.linli.cases.Tier;
import org.linli.core.Page;
import org.linli.core.StoreUnavailable;
import org.linli.core.Times;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * {@link CaseStore} on the cases table. Every write is one TransactWriteItems (one write request):
 * conditional on the case version, putting the audit entry (never overwritten) and the request
 * record beside it. A failed condition returns the item it failed on, so a conflict costs no
 * extra read.
 */
public final class DynamoCaseStore implements CaseStore {
    private static final int BATCH_GET_MAX = 100;
    private static final int CONFLICT_ATTEMPTS = 4;
    private static final ReturnValuesOnConditionCheckFailure ALL_OLD = ReturnValuesOnConditionCheckFailure.ALL_OLD;

    private final DynamoDbClient dynamo;
    private final String table;
    private final DynamoCaseRegister register;

    public DynamoCaseStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
        this.register = new DynamoCaseRegister(dynamo, table, this);
    }

    @Override
    public Page<Case> register(org.linli.cases.RegisterQuery query, int limit, String cursor) {
        return register.page(query, limit, cursor);
    }

    @Override
    public Write createFromReport(Case c, String reportId, CaseEvent opened) {
        List<TransactWriteItem> items = List.of(
                TransactWriteItem.builder().put(p -> p.tableName(table).item(CaseItems.toItem(c, opened.at()))
                        .conditionExpression(TableKeys.ABSENT)).build(),
                linkReport(reportId, c.id(), opened.version()),
                putAudit(opened));
        List<CancellationReason> failed = transact(items, "TransactWriteItems case");
        if (failed == null) return new Written();
        Map<String, AttributeValue> report = failed.get(1).item();
        if (report != null && !report.isEmpty()) return linked(report);
        return new AlreadyLinked(c.id(), opened.version());
    }

    @Override
    public Write joinFromReport(Case after, long expectedVersion, String reportId, CaseEvent joined) {
        List<TransactWriteItem> items = List.of(putCase(after, expectedVersion, joined.at()), linkReport(reportId, after.id(), joined.version()),
                putAudit(joined));
        List<CancellationReason> failed = transact(items, "TransactWriteItems join");
        if (failed == null) return new Written();
        if (conditionFailed(failed.get(1))) {
            Map<String, AttributeValue> report = failed.get(1).item();
            return report != null && !report.isEmpty() ? linked(report) : new AlreadyLinked(after.id(), joined.version());
        }
        return stale(after.id(), failed.get(0));
    }

    @Override
    public Write commit(Change change) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(putCase(change.after(), change.expectedVersion(), change.event().at()));
        for (SummonsTask t : change.changedTasks()) {
            items.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(TaskItems.toItem(change.after(), t))).build());
        }
        items.add(putAudit(change.event()));
        int requestAt = -1;
        if (change.request() != null) {
            requestAt = items.size();
            RequestRecord r = change.request();
            Map<String, AttributeValue> item = new HashMap<>(CasesKeys.request(change.after().id(), r.key()));
            item.put("type", Attr.s("REQUEST"));
            item.put("fingerprint", Attr.s(r.fingerprint()));
            item.put("version", Attr.n(r.version()));
            item.put("expiresAt", Attr.n(r.expiresAt().getEpochSecond()));
            items.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(item)
                    .conditionExpression(TableKeys.ABSENT).returnValuesOnConditionCheckFailure(ALL_OLD)).build());
        }
        int alsoAt = -1;
        if (change.also() != null) {
            alsoAt = items.size();
            items.add(putCase(change.also().after(), change.also().expectedVersion(), change.also().event().at()));
            items.add(putAudit(change.also().event()));
        }
        List<CancellationReason> failed = transact(items, "TransactWriteItems action");
        if (failed == null) return new Written();
        if (requestAt >= 0 && conditionFailed(failed.get(requestAt))) {
            Map<String, AttributeValue> item = failed.get(requestAt).item();
            return new RequestSeen(item != null && !item.isEmpty() ? request(item) : change.request());
        }
        if (conditionFailed(failed.get(0))) return stale(change.after().id(), failed.get(0));
        if (alsoAt >= 0) return stale(change.also().after().id(), failed.get(alsoAt));
        throw new StoreUnavailable("The case could not be written (" + failed + ").", null);
    }

    private TransactWriteItem putCase(Case after, long expectedVersion, java.time.Instant at) {
        return TransactWriteItem.builder().put(p -> p.tableName(table).item(CaseItems.toItem(after, at))
                .conditionExpression("version = :v")
                .expressionAttributeValues(Map.of(":v", Attr.n(expectedVersion)))
                .returnValuesOnConditionCheckFailure(ALL_OLD)).build();
    }

    private TransactWriteItem putAudit(CaseEvent e) {
        return TransactWriteItem.builder().put(p -> p.tableName(table).item(AuditItems.toItem(e))
                .conditionExpression(TableKeys.ABSENT)).build();
    }

    /** RECEIVED → CASED, leaving the Pending index; remembers which transition linked it (for re-sending). */
    private TransactWriteItem linkReport(String reportId, String caseId, long eventVersion) {
        return TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(CasesKeys.report(reportId))
                .updateExpression("SET #s = :cased, caseId = :case, caseEventVersion = :ev REMOVE " + CasesKeys.PENDING_PK + ", " + CasesKeys.PENDING_SK)
                .conditionExpression("#s = :received")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":cased", Attr.s("CASED"), ":received", Attr.s("RECEIVED"),
                        ":case", Attr.s(caseId), ":ev", Attr.n(eventVersion)))
                .returnValuesOnConditionCheckFailure(ALL_OLD)).build();
    }

    private static AlreadyLinked linked(Map<String, AttributeValue> report) {
        return new AlreadyLinked(Attr.str(report, "caseId"), Attr.num(report, "caseEventVersion", 1));
    }

    private Stale stale(String caseId, CancellationReason reason) {
        Map<String, AttributeValue> item = reason.item();
        Case fresh = item != null && !item.isEmpty() ? CaseItems.fromItem(item) : find(caseId).orElse(null);
        return new Stale(caseId, fresh);
    }

    /**
     * Runs the transaction; null when it committed, else the cancellation reasons (one per item)
     * when a condition failed. A transaction that only collided with another one in flight is
     * retried: the retry meets the other's result as a plain condition failure.
     */
    private List<CancellationReason> transact(List<TransactWriteItem> items, String operation) {
        for (int attempt = 0; ; attempt++) {
            try {
                DynamoCalls.call(operation, () -> dynamo.transactWriteItems(b -> b.transactItems(items)));
                return null;
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
                if (reasons.stream().anyMatch(DynamoCaseStore::conditionFailed)) return reasons;
                if (attempt + 1 >= CONFLICT_ATTEMPTS) {
                    throw new StoreUnavailable("The case is being written by someone else; try again.", e);
                }
                Backoff.pause(attempt + 1, 40);
            }
        }
    }

    private static boolean conditionFailed(CancellationReason r) {
        return "ConditionalCheckFailed".equals(r.code());
    }

    @Override
    public Optional<Case> find(String caseId) {
        var r = DynamoCalls.call("GetItem case", () -> dynamo.getItem(b -> b.tableName(table)
                .key(CasesKeys.caseKey(caseId)).consistentRead(true)));
        return r.hasItem() && !r.item().isEmpty() ? Optional.of(CaseItems.fromItem(r.item())) : Optional.empty();
    }

    @Override
    public Loaded load(String caseId, String requestKey) {
        if (requestKey == null) return new Loaded(find(caseId), Optional.empty());
        Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder()
                .keys(CasesKeys.caseKey(caseId), CasesKeys.request(caseId, requestKey)).consistentRead(true).build());
        Optional<Case> c = Optional.empty();
        Optional<RequestRecord> record = Optional.empty();
        for (Map<String, AttributeValue> item : BatchGets.all(dynamo, request, table)) {
            if (CasesKeys.CASE_ITEM.equals(Attr.str(item, TableKeys.SK))) c = Optional.of(CaseItems.fromItem(item));
            else record = Optional.of(request(item));
        }
        return new Loaded(c, record);
    }

    private static RequestRecord request(Map<String, AttributeValue> item) {
        return new RequestRecord(Attr.str(item, TableKeys.SK).substring(CasesKeys.REQUEST.length()), Attr.str(item, "fingerprint"),
                Attr.num(item, "version", 0), Instant.ofEpochSecond(Attr.num(item, "expiresAt", 0)));
    }

    @Override
    public Map<String, Case> findAll(Collection<String> caseIds) {
        Map<String, Case> out = new HashMap<>();
        List<String> ids = new ArrayList<>(new java.util.LinkedHashSet<>(caseIds));
        for (int i = 0; i < ids.size(); i += BATCH_GET_MAX) {
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            for (String id : ids.subList(i, Math.min(ids.size(), i + BATCH_GET_MAX))) keys.add(CasesKeys.caseKey(id));
            Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(keys).build());
            for (Map<String, AttributeValue> item : BatchGets.all(dynamo, request, table)) {
                Case c = CaseItems.fromItem(item);
                out.put(c.id(), c);
            }
        }
        return out;
    }

    @Override
    public Optional<CaseEvent> auditEntry(String caseId, long version) {
        var r = DynamoCalls.call("GetItem audit", () -> dynamo.getItem(b -> b.tableName(table)
                .key(CasesKeys.audit(caseId, version)).consistentRead(true)));
        return r.hasItem() && !r.item().isEmpty() ? Optional.of(AuditItems.fromItem(r.item())) : Optional.empty();
    }

    @Override
    public Page<CaseEvent> audit(String caseId, int limit, String cursor) {
        String partition = CasesKeys.CASE + caseId;
        QueryResponse r = Queries.page(dynamo, table, null, TableKeys.PK, TableKeys.SK, partition, limit, cursor, true, b -> b
                .keyConditionExpression(TableKeys.PK + " = :p AND begins_with(" + TableKeys.SK + ", :a)")
                .expressionAttributeValues(Map.of(":p", Attr.s(partition), ":a", Attr.s(CasesKeys.AUDIT)))
                .consistentRead(true));
        return new Page<>(r.items().stream().map(AuditItems::fromItem).toList(), Cursors.encode(r.lastEvaluatedKey()));
    }

    @Override
    public Page<Case> assignedTo(String userId, int limit, String cursor) {
        return page(CasesKeys.BY_ASSIGNEE, CasesKeys.ASSIGNEE_PK, CasesKeys.ASSIGNEE_SK, CasesKeys.assigneePartition(userId), limit, cursor,
                b -> b, CaseItems::fromItem);
    }

    @Override
    public Page<Case> unassignedAt(String nodeCode, int limit, String cursor) {
        return page(CasesKeys.BY_QUEUE, CasesKeys.QUEUE_PK, CasesKeys.QUEUE_SK, CasesKeys.unassignedPartition(nodeCode), limit, cursor,
                b -> b, CaseItems::fromItem);
    }

    @Override
    public Page<Case> overdue(String supervisorNode, Tier tier, Instant now, int limit, String cursor) {
        String partition = CasesKeys.supervisorPartition(supervisorNode);
        String nowText = Times.stored(now);
        return page(CasesKeys.BY_SUPERVISOR, CasesKeys.SUPERVISOR_PK, CasesKeys.SUPERVISOR_SK, partition, limit, cursor, b -> tier != null
                // One tier: the sort key's range does it ("<tier>#<deadline>#<id>" up to "<tier>#<now>").
                ? b.keyConditionExpression(CasesKeys.SUPERVISOR_PK + " = :p AND " + CasesKeys.SUPERVISOR_SK + " BETWEEN :lo AND :hi")
                        .expressionAttributeValues(Map.of(":p", Attr.s(partition), ":lo", Attr.s(tier.name() + "#"),
                                ":hi", Attr.s(tier.name() + "#" + nowText)))
                : b.filterExpression("deadline < :now")
                        .expressionAttributeValues(Map.of(":p", Attr.s(partition), ":now", Attr.s(nowText))),
                CaseItems::fromItem);
    }

    /** The cases opened in a community in a month, oldest first (the monthly summary's cohort). */
    public Page<Case> openedIn(String community, java.time.YearMonth month, int limit, String cursor) {
        return page(CasesKeys.BY_COMMUNITY_MONTH, CasesKeys.COMMUNITY_MONTH_PK, CasesKeys.COMMUNITY_MONTH_SK, CasesKeys.communityMonthPartition(community, month),
                limit, cursor, b -> b, CaseItems::fromItem);
    }

    @Override
    public Page<DepartmentTask> tasksOf(String department, int limit, String cursor) {
        return page(CasesKeys.BY_DEPARTMENT, CasesKeys.DEPARTMENT_PK, CasesKeys.DEPARTMENT_SK, CasesKeys.departmentPartition(department), limit,
                cursor, b -> b, TaskItems::fromItem);
    }

    private <T> Page<T> page(String index, String pkName, String skName, String partition, int limit, String cursor,
                             UnaryOperator<QueryRequest.Builder> refine, Function<Map<String, AttributeValue>, T> decode) {
        QueryResponse r = Queries.page(dynamo, table, index, pkName, skName, partition, limit, cursor, true, refine);
        return new Page<>(r.items().stream().map(decode).toList(), Cursors.encode(r.lastEvaluatedKey()));
    }

    @Override
    public List<Case> due(Instant now, int limit) {
        List<Case> out = new ArrayList<>(Queries.shardsBefore(dynamo, table, CasesKeys.DUE, CasesKeys.DUE_PK, CasesKeys.DUE_SK, CasesKeys.DUE_SHARD,
                CasesKeys.DUE_SHARDS, now, limit).stream().map(CaseItems::fromItem).toList());
        out.sort(Comparator.comparing(Case::deadline));
        return out.size() > limit ? out.subList(0, limit) : out;
    }

    @Override
    public List<Case> openNear(String category, Collection<String> cells, Instant since) {
        List<Case> out = new ArrayList<>();
        for (String cell : cells) {
            String partition = CasesKeys.nearbyPartition(category, cell);
            QueryResponse r = DynamoCalls.call("Query OpenNearby", () -> dynamo.query(b -> b.tableName(table)
                    .indexName(CasesKeys.OPEN_NEARBY)
                    .keyConditionExpression(CasesKeys.NEARBY_PK + " = :p AND " + CasesKeys.NEARBY_SK + " >= :t")
                    .expressionAttributeValues(Map.of(":p", Attr.s(partition), ":t", Attr.s(Times.stored(since))))));
            r.items().stream().map(CaseItems::fromItem).forEach(out::add);
        }
        return out;
    }
}
