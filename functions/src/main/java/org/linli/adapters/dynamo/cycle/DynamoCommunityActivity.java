package org.linli.adapters.dynamo.cycle;

import java.time.YearMonth;
import java.util.Map;
import org.linli.adapters.dynamo.Attr;
import org.linli.adapters.dynamo.DynamoCalls;
import org.linli.adapters.dynamo.volunteer.VolunteerKeys;
import org.linli.cycle.CommunityActivity;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * {@link CommunityActivity} on the volunteer table: the month's leaderboard partition, counted.
 */
public final class DynamoCommunityActivity implements CommunityActivity {
    private final DynamoDbClient dynamo;
    private final String volunteerTable;

    public DynamoCommunityActivity(DynamoDbClient dynamo, String volunteerTable) {
        this.dynamo = dynamo;
        this.volunteerTable = volunteerTable;
    }

    @Override
    public int activeVolunteers(String community, YearMonth month) {
        int count = 0;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse r = DynamoCalls.call("Query " + VolunteerKeys.BY_BOARD, () -> dynamo.query(b -> b.tableName(volunteerTable)
                    .indexName(VolunteerKeys.BY_BOARD).keyConditionExpression(VolunteerKeys.BOARD_PK + " = :p")
                    .expressionAttributeValues(Map.of(":p", Attr.s(VolunteerKeys.board(community, month.toString()))))
                    .select(Select.COUNT).exclusiveStartKey(from)));
            count += r.count();
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return count;
    }
}
