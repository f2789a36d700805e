package org.linli.adapters.dynamo.volunteer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.linli.adapters.dynamo.Attr;
import org.linli.adapters.dynamo.BatchWrites;
import org.linli.adapters.dynamo.DynamoCalls;
import org.linli.adapters.dynamo.IndexQuery;
import org.linli.adapters.dynamo.TableKeys;
import org.linli.adapters.dynamo.Transactions;
import org.linli.volunteer.grading.GradeRow;
import org.linli.volunteer.grading.GradeSheet;
import org.linli.volunteer.grading.GradeStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * {@link GradeStore} on the volunteer table: partition {@code GRADES#community#year} with a META
 * item (state, who computed and published, when) and one MEMBER#id row per member.
 */
public final class DynamoGradeStore implements GradeStore {
    private static final Map<String, String> STATE = Map.of("#s", "state");
    private static final Map<String, AttributeValue> DRAFT = Map.of(":draft", Attr.s(GradeSheet.State.DRAFT.name()));

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoGradeStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    private Map<String, AttributeValue> meta(String community, int year) {
        return VolunteerKeys.sheet(community, year);
    }

    @Override
    public Optional<GradeSheet> sheet(String communityCode, int year) {
        List<Map<String, AttributeValue>> items = IndexQuery.all(dynamo, QueryRequest.builder().tableName(table)
                .keyConditionExpression(TableKeys.PK + " = :p").consistentRead(true)
                .expressionAttributeValues(Map.of(":p", Attr.s(VolunteerKeys.gradesPartition(communityCode, year)))).build());
        Map<String, AttributeValue> meta = null;
        List<GradeRow> rows = new ArrayList<>();
        for (Map<String, AttributeValue> item : items) {
            if (VolunteerKeys.SHEET.equals(Attr.str(item, TableKeys.SK))) meta = item;
            else rows.add(VolunteerItems.gradeRow(item));
        }
        if (meta == null) return Optional.empty();
        rows.sort(java.util.Comparator.comparing(GradeRow::total).reversed().thenComparing(GradeRow::memberId));
        return Optional.of(new GradeSheet(communityCode, year, GradeSheet.State.valueOf(Attr.str(meta, "state")),
                VolunteerItems.time(meta, "computedAt"), Attr.str(meta, "computedBy"), VolunteerItems.time(meta, "publishedAt"),
                Attr.str(meta, "publishedBy"), rows));
    }

    private Map<String, AttributeValue> metaItem(GradeSheet s) {
        Map<String, AttributeValue> item = new HashMap<>(meta(s.community(), s.year()));
        item.put("type", Attr.s("GRADES"));
        item.put("state", Attr.s(s.state().name()));
        VolunteerItems.time(item, "computedAt", s.computedAt());
        Attr.put(item, "computedBy", s.computedBy());
        VolunteerItems.time(item, "publishedAt", s.publishedAt());
        Attr.put(item, "publishedBy", s.publishedBy());
        item.put("members", Attr.n(s.rows().size()));
        return item;
    }

    /** The META item first, conditional on not being published, then the rows. */
    @Override
    public boolean saveDraft(GradeSheet sheet) {
        try {
            DynamoCalls.call("PutItem grades", () -> dynamo.putItem(b -> b.tableName(table).item(metaItem(sheet))
                    .conditionExpression(TableKeys.ABSENT + " OR #s = :draft")
                    .expressionAttributeNames(STATE).expressionAttributeValues(DRAFT)));
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
        List<Map<String, AttributeValue>> rows = new ArrayList<>();
        for (GradeRow r : sheet.rows()) rows.add(VolunteerItems.gradeRow(sheet.community(), sheet.year(), r));
        BatchWrites.putAll(dynamo, table, rows, "The grades could not all be written; compute them again.");
        return true;
    }

    @Override
    public boolean adjust(String communityCode, int year, GradeRow row) {
        TransactWriteItem check = TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(table)
                .key(meta(communityCode, year)).conditionExpression("#s = :draft")
                .expressionAttributeNames(STATE).expressionAttributeValues(DRAFT).build()).build();
        TransactWriteItem put = TransactWriteItem.builder().put(Put.builder().tableName(table)
                .item(VolunteerItems.gradeRow(communityCode, year, row)).build()).build();
        return Transactions.write(dynamo, "grade adjustment", List.of(check, put)) == Transactions.DONE;
    }

    @Override
    public boolean publish(GradeSheet published) {
        try {
            DynamoCalls.call("PutItem grades", () -> dynamo.putItem(b -> b.tableName(table).item(metaItem(published))
                    .conditionExpression("#s = :draft").expressionAttributeNames(STATE).expressionAttributeValues(DRAFT)));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}
