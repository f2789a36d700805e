package org.linli.adapters.dynamo.cases;

import java.util.Map;
import org.linli.adapters.dynamo.Attr;
import org.linli.adapters.dynamo.DynamoCalls;
import org.linli.hotline.ReportedVersions;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@link ReportedVersions} on the cases table: one small item in the case's partition
 * ({@link CasesKeys#hotlineReported}), read consistently, raised with a conditional UpdateItem
 * that never lowers it (two readers of the stream may race; the higher version wins).
 */
public final class DynamoReportedVersions implements ReportedVersions {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoReportedVersions(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public long reported(String caseId) {
        var r = DynamoCalls.call("GetItem hotline reported", () -> dynamo.getItem(b -> b.tableName(table)
                .key(CasesKeys.hotlineReported(caseId)).consistentRead(true)));
        return r.hasItem() ? Attr.num(r.item(), "reported", 0) : 0;
    }

    @Override
    public void advance(String caseId, long version) {
        try {
            DynamoCalls.call("UpdateItem hotline reported", () -> dynamo.updateItem(b -> b.tableName(table)
                    .key(CasesKeys.hotlineReported(caseId))
                    .updateExpression("SET reported = :v")
                    .conditionExpression("attribute_not_exists(reported) OR reported < :v")
                    .expressionAttributeValues(Map.of(":v", Attr.n(version)))));
        } catch (ConditionalCheckFailedException e) {
            // another reader reported this version or a later one: nothing to do
        }
    }
}
