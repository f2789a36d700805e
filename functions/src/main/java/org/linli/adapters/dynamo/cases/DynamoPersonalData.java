package org.linli.adapters.dynamo.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.linli.adapters.dynamo.Attr;
import org.linli.adapters.dynamo.ContactRemoval;
import org.linli.adapters.dynamo.DynamoCalls;
import org.linli.adapters.dynamo.TableKeys;
import org.linli.privacy.ClosedCases;
import org.linli.privacy.Erased;
import org.linli.privacy.PersonalData;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@link PersonalData} and {@link ClosedCases} on the cases table: contacts removed from report
 * items, closed cases' places rounded to three decimals (about 100 m), and the retention index as
 * items {@code CLOSED#day / caseId} - no index, so adding it to a deployed table changes nothing
 * of its indexes.
 */
public final class DynamoPersonalData implements PersonalData, ClosedCases {
    private static final Set<String> FINISHED = Set.of("CLOSED", "REJECTED");

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoPersonalData(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Erased eraseContact(String reportId) {
        // the phone's last digits index the report for the register's search (ByUnit TAIL#dddd): they go with the phone
        return ContactRemoval.remove(dynamo, table, CasesKeys.report(reportId),
                "REMOVE contactName, contactPhone, photoKeys, " + CasesKeys.UNIT_PK + ", " + CasesKeys.UNIT_SK, "UpdateItem report contact");
    }

    @Override
    public Erased anonymiseClosedCase(String caseId, Instant closedBy) {
        Map<String, AttributeValue> c = get(CasesKeys.caseKey(caseId));
        if (c == null) return Erased.NOTHING;
        String status = Attr.str(c, "status");
        Instant closedAt = Attr.instant(c, "closedAt");
        if (!FINISHED.contains(status) || closedAt == null || closedAt.isAfter(closedBy)) return Erased.NOTHING;
        List<String> photos = new ArrayList<>();
        for (String reportId : Attr.list(c, "reportIds")) {
            Map<String, AttributeValue> r = get(CasesKeys.report(reportId));
            if (r == null) continue;
            photos.addAll(Attr.list(r, "photoKeys"));
            coarsen(CasesKeys.report(reportId), r, "REMOVE contactName, contactPhone, photoKeys, buildingCode, "
                    + CasesKeys.UNIT_PK + ", " + CasesKeys.UNIT_SK, null);
        }
        try {
            // Only if it is still the same finished case: a reopened case keeps its data until it closes again.
            coarsen(CasesKeys.caseKey(caseId), c, "REMOVE buildingCode", status);
            return new Erased(true, photos);
        } catch (ConditionalCheckFailedException e) {
            return new Erased(false, photos);
        }
    }

    /** Rounds lat/lng to three decimals and applies {@code remove}; with {@code status}, only while the item has it. */
    private void coarsen(Map<String, AttributeValue> key, Map<String, AttributeValue> item, String remove, String status) {
        Map<String, AttributeValue> values = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        StringBuilder set = new StringBuilder("SET anonymised = :t");
        values.put(":t", AttributeValue.fromBool(true));
        Double lat = Attr.dbl(item, "lat");
        if (lat != null) {
            set.append(", lat = :lat, lng = :lng");
            values.put(":lat", Attr.n(round(lat)));
            values.put(":lng", Attr.n(round(Attr.dbl(item, "lng"))));
        }
        String condition = TableKeys.PRESENT;
        if (status != null) {
            condition += " AND #s = :s";
            names.put("#s", "status");
            values.put(":s", Attr.s(status));
        }
        String expression = set + " " + remove;
        String cond = condition;
        DynamoCalls.call("UpdateItem anonymise", () -> dynamo.updateItem(b -> {
            b.tableName(table).key(key).updateExpression(expression).conditionExpression(cond).expressionAttributeValues(values);
            if (!names.isEmpty()) b.expressionAttributeNames(names);
        }));
    }

    private static double round(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }

    private Map<String, AttributeValue> get(Map<String, AttributeValue> key) {
        var r = DynamoCalls.call("GetItem anonymise", () -> dynamo.getItem(b -> b.tableName(table).key(key).consistentRead(true)));
        return r.hasItem() && !r.item().isEmpty() ? r.item() : null;
    }

    @Override
    public void closed(String caseId, LocalDate day) {
        Map<String, AttributeValue> item = new HashMap<>(CasesKeys.closedOn(day, caseId));
        item.put("caseId", Attr.s(caseId));
        DynamoCalls.call("PutItem closed day", () -> dynamo.putItem(b -> b.tableName(table).item(item)));
    }

    @Override
    public List<String> closedOn(LocalDate day, int limit) {
        var r = DynamoCalls.call("Query closed day", () -> dynamo.query(b -> b.tableName(table)
                .keyConditionExpression(TableKeys.PK + " = :p").expressionAttributeValues(Map.of(":p", Attr.s(CasesKeys.CLOSED_DAY + day)))
                .limit(limit).consistentRead(true)));
        return r.items().stream().map(i -> Attr.str(i, "caseId")).toList();
    }

    @Override
    public void forget(String caseId, LocalDate day) {
        DynamoCalls.call("DeleteItem closed day", () -> dynamo.deleteItem(b -> b.tableName(table).key(CasesKeys.closedOn(day, caseId))));
    }
}
