package org.linli.adapters.dynamo;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.linli.cases.CaseEvent;
import org.linli.core.Page;
import org.linli.kpi.CaseTrails;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** {@link CaseTrails} on the cases table: a trail is one consistent Query (more pages only past 1 MB). */
public final class DynamoCaseTrails implements CaseTrails {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoCaseTrails(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public List<CaseEvent> trail(String caseId) {
        return Queries.all(dynamo, "audit trail", b -> b.tableName(table)
                .keyConditionExpression("pk = :p AND begins_with(sk, :a)")
                .expressionAttributeValues(Map.of(":p", Attr.s("CASE#" + caseId), ":a", Attr.s("AUDIT#")))
                .consistentRead(true)).stream().map(AuditItems::fromItem).toList();
    }

    @Override
    public Page<String> openedIn(YearMonth month, int limit, String cursor) {
        QueryResponse r = Queries.page(dynamo, table, CasesTableKeys.BY_MONTH, "monthpk", "monthsk",
                CasesTableKeys.openedPartition(month), limit, cursor, true, b -> b.projectionExpression("caseId, pk, sk, monthpk, monthsk"));
        return new Page<>(r.items().stream().map(i -> Attr.str(i, "caseId")).toList(), Cursors.encode(r.lastEvaluatedKey()));
    }
}
