package org.linli.adapters.dynamo.cycle;

import java.time.YearMonth;
import java.util.Map;
import org.linli.adapters.dynamo.Attr;
import org.linli.adapters.dynamo.DynamoCalls;
import org.linli.adapters.dynamo.cases.DynamoCaseStore;
import org.linli.adapters.dynamo.volunteer.VolunteerKeys;
import org.linli.cases.Case;
import org.linli.core.Page;
import org.linli.cycle.CommunityActivity;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * {@link CommunityActivity} on two tables: the cases' {@code ByCommunityMonth} index, and the
 * volunteer table's month leaderboard partition, counted.
 */
public final class DynamoCommunityActivity implements CommunityActivity {
    private final DynamoDbClient dynamo;
    private final String volunteerTable;
    private final DynamoCaseStore cases;

    public DynamoCommunityActivity(DynamoDbClient dynamo, DynamoCaseStore cases, String volunteerTable) {
        this.dynamo = dynamo;
        this.volunteerTable = volunteerTable;
        this.cases = cases;
    }

    @Override
    public Page<Case> casesOpened(String community, YearMonth month, int limit, String cursor) {
        return cases.openedIn(community, month, limit, cursor);
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
