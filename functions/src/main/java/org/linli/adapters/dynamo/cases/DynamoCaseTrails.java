package org.linli.adapters.dynamo.cases;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.linli.adapters.dynamo.Attr;
import org.linli.adapters.dynamo.Cursors;
import org.linli.adapters.dynamo.Queries;
import org.linli.adapters.dynamo.TableKeys;
import org.linli.cases.CaseEvent;
import org.linli.core.Page;
import org.linli.kpi.CaseTrails;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
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
                .keyConditionExpression(TableKeys.PK + " = :p AND begins_with(" + TableKeys.SK + ", :a)")
                .expressionAttributeValues(Map.of(":p", Attr.s(CasesKeys.CASE + caseId), ":a", Attr.s(CasesKeys.AUDIT)))
                .consistentRead(true)).stream().map(AuditItems::fromItem).toList();
    }

    @Override
    public Page<String> openedIn(YearMonth month, int limit, String cursor) {
        QueryResponse r = Queries.page(dynamo, table, CasesKeys.BY_MONTH, CasesKeys.MONTH_PK, CasesKeys.MONTH_SK,
                CasesKeys.openedPartition(month), limit, cursor, true, b -> b.projectionExpression("caseId, " + TableKeys.PK + ", " + TableKeys.SK + ", " + CasesKeys.MONTH_PK + ", " + CasesKeys.MONTH_SK));
        return new Page<>(r.items().stream().map(i -> Attr.str(i, "caseId")).toList(), Cursors.encode(r.lastEvaluatedKey()));
    }
}
