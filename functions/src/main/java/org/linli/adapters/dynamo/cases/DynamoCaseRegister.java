package org.linli.adapters.dynamo.cases;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.linli.adapters.dynamo.Attr;
import org.linli.adapters.dynamo.Cursors;
import org.linli.adapters.dynamo.DynamoCalls;
import org.linli.adapters.dynamo.TableKeys;
import org.linli.cases.Case;
import org.linli.cases.CaseStatus;
import org.linli.cases.CaseStore;
import org.linli.cases.RegisterQuery;
import org.linli.core.Page;
import org.linli.core.Times;
import org.linli.core.ValidationFailed;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The case register on the cases table, newest first, every filter a FilterExpression (or, for
 * the searches, the same test in memory). The calls of one page, at most:
 * <ul>
 * <li>a case id: 1 {@code GetItem};</li>
 * <li>a phone's last four digits: 1 {@code Query ByUnit TAIL#dddd} + 1 {@code BatchGetItem} of their cases;</li>
 * <li>a street or a unit under it: {@value #MAX_QUERIES} {@code Query ByUnit UNIT#street}, the opened range in the key;</li>
 * <li>above the streets: {@value #MAX_QUERIES} {@code Query ByMonth OPENED#yyyy-mm}, one month each, newest month first.</li>
 * </ul>
 * A query reads at most the page's remaining room, so a page reads at most {@code limit} items
 * per query; filtered-out items leave it short, and the cursor says where the next one resumes.
 */
final class DynamoCaseRegister {
    /** Queries one page may make before it answers with what it found and a cursor. */
    static final int MAX_QUERIES = 3;

    private final DynamoDbClient dynamo;
    private final String table;
    private final CaseStore store;

    DynamoCaseRegister(DynamoDbClient dynamo, String table, CaseStore store) {
        this.dynamo = dynamo;
        this.table = table;
        this.store = store;
    }

    Page<Case> page(RegisterQuery q, int limit, String cursor) {
        if (q.caseId() != null) {
            if (cursor != null) throw badCursor();
            return new Page<>(store.find(q.caseId()).filter(q::matches).map(List::of).orElse(List.of()), null);
        }
        if (q.phoneTail() != null) return byTail(q, limit, cursor);
        if (q.street() != null) return byStreet(q, limit, cursor);
        return byMonths(q, limit, cursor);
    }

    private Page<Case> byTail(RegisterQuery q, int limit, String cursor) {
        String partition = CasesKeys.tailPartition(q.phoneTail());
        QueryResponse r = query(partition, CasesKeys.BY_UNIT, CasesKeys.UNIT_PK, CasesKeys.UNIT_SK, Cursors.decode(cursor,
                keyNames(CasesKeys.UNIT_PK, CasesKeys.UNIT_SK), CasesKeys.UNIT_PK, partition), limit, null, null, null);
        Set<String> caseIds = new LinkedHashSet<>();
        for (Map<String, AttributeValue> report : r.items()) {
            String caseId = Attr.str(report, "caseId");
            if (caseId != null) caseIds.add(caseId);
        }
        Map<String, Case> found = caseIds.isEmpty() ? Map.of() : store.findAll(caseIds);
        List<Case> out = new ArrayList<>();
        for (String id : caseIds) {
            Case c = found.get(id);
            if (c != null && q.matches(c)) out.add(c);
        }
        return new Page<>(out, Cursors.encode(r.lastEvaluatedKey()));
    }

    private Page<Case> byStreet(RegisterQuery q, int limit, String cursor) {
        String partition = CasesKeys.unitPartition(q.street());
        Map<String, AttributeValue> start = Cursors.decode(cursor, keyNames(CasesKeys.UNIT_PK, CasesKeys.UNIT_SK),
                CasesKeys.UNIT_PK, partition);
        List<Case> out = new ArrayList<>();
        for (int n = 0; n < MAX_QUERIES; n++) {
            QueryResponse r = query(partition, CasesKeys.BY_UNIT, CasesKeys.UNIT_PK, CasesKeys.UNIT_SK, start, limit - out.size(),
                    q.openedFrom(), q.openedBefore(), q);
            r.items().stream().map(CaseItems::fromItem).forEach(out::add);
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
            if (start == null || out.size() >= limit) break;
        }
        return new Page<>(out, Cursors.encode(start));
    }

    /**
     * Month by month, newest first, from {@code openedBefore}'s month (or now's) down to
     * {@code openedFrom}'s. The cursor is {@code M<yyyymm><the month's own cursor, or nothing>}.
     */
    private Page<Case> byMonths(RegisterQuery q, int limit, String cursor) {
        YearMonth first = YearMonth.from(q.openedFrom().atZone(Times.CHINA));
        Instant end = q.openedBefore() == null ? q.now() : q.openedBefore().minusMillis(1);
        YearMonth last = YearMonth.from(end.atZone(Times.CHINA));
        YearMonth month = last;
        Map<String, AttributeValue> start = null;
        if (cursor != null) {
            if (!cursor.matches("M\\d{6}.*")) throw badCursor();
            month = YearMonth.of(Integer.parseInt(cursor.substring(1, 5)), Math.max(1, Math.min(12, Integer.parseInt(cursor.substring(5, 7)))));
            if (month.isBefore(first) || month.isAfter(last)) throw badCursor();
            String inner = cursor.substring(7);
            if (!inner.isEmpty()) start = Cursors.decode(inner, keyNames(CasesKeys.MONTH_PK, CasesKeys.MONTH_SK),
                    CasesKeys.MONTH_PK, CasesKeys.openedPartition(month));
        }
        List<Case> out = new ArrayList<>();
        for (int n = 0; n < MAX_QUERIES && !month.isBefore(first); n++) {
            QueryResponse r = query(CasesKeys.openedPartition(month), CasesKeys.BY_MONTH, CasesKeys.MONTH_PK, CasesKeys.MONTH_SK,
                    start, limit - out.size(), q.openedFrom(), q.openedBefore(), q);
            r.items().stream().map(CaseItems::fromItem).forEach(out::add);
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
            if (start == null) month = month.minusMonths(1);
            if (out.size() >= limit) break;
        }
        if (month.isBefore(first)) return new Page<>(out, null);
        String inner = Cursors.encode(start);
        return new Page<>(out, String.format("M%04d%02d%s", month.getYear(), month.getMonthValue(), inner == null ? "" : inner));
    }

    /**
     * One query of a partition, newest first, reading at most {@code room} items; the opened range
     * in the sort key, the filters (when {@code q} is given) in a FilterExpression.
     */
    private QueryResponse query(String partition, String index, String pkName, String skName, Map<String, AttributeValue> start,
                                int room, Instant from, Instant before, RegisterQuery q) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        names.put("#pk", pkName);
        names.put("#sk", skName);
        values.put(":p", Attr.s(partition));
        String key = "#pk = :p";
        if (from != null && before != null) {
            key += " AND #sk BETWEEN :lo AND :hi";
            values.put(":lo", Attr.s(Times.stored(from)));
            values.put(":hi", Attr.s(Times.stored(before)));
        } else if (from != null) {
            key += " AND #sk >= :lo";
            values.put(":lo", Attr.s(Times.stored(from)));
        } else if (before != null) {
            key += " AND #sk < :hi";
            values.put(":hi", Attr.s(Times.stored(before)));
        } else {
            names.remove("#sk");
        }
        String filter = q == null ? null : filter(q, names, values);
        String keyCondition = key;
        return DynamoCalls.call("Query " + index, () -> dynamo.query(b -> b.tableName(table).indexName(index)
                .keyConditionExpression(keyCondition)
                .filterExpression(filter)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .scanIndexForward(false)
                .limit(Math.max(1, room))
                .exclusiveStartKey(start)));
    }

    /** The filters as a FilterExpression; null when nothing is filtered. */
    static String filter(RegisterQuery q, Map<String, String> names, Map<String, AttributeValue> values) {
        List<String> terms = new ArrayList<>();
        if (!q.wholeStreet()) {
            names.put("#path", "path");
            values.put(":unit", Attr.s(q.unit()));
            terms.add("contains(#path, :unit)");
        }
        if (!q.statuses().isEmpty()) {
            names.put("#status", "status");
            List<String> ph = new ArrayList<>();
            int i = 0;
            for (CaseStatus s : q.statuses().stream().sorted().toList()) {
                values.put(":s" + i, Attr.s(s.name()));
                ph.add(":s" + i++);
            }
            terms.add("#status IN (" + String.join(", ", ph) + ")");
        }
        if (q.category() != null) {
            names.put("#category", "category");
            values.put(":category", Attr.s(q.category()));
            terms.add("#category = :category");
        }
        if (q.matterType() != null) {
            names.put("#matterType", "matterType");
            values.put(":matterType", Attr.s(q.matterType().name()));
            terms.add("#matterType = :matterType");
        }
        if (q.source() != null) {
            names.put("#source", "source");
            values.put(":source", Attr.s(q.source()));
            terms.add("#source = :source");
        }
        if (q.overdue()) { // closed cases keep no deadline, so only open ones can match
            names.put("#deadline", "deadline");
            values.put(":now", Attr.s(Times.stored(q.now())));
            terms.add("#deadline <= :now");
        }
        return terms.isEmpty() ? null : String.join(" AND ", terms);
    }

    private static Set<String> keyNames(String pkName, String skName) {
        return Set.of(TableKeys.PK, TableKeys.SK, pkName, skName);
    }

    private static ValidationFailed badCursor() {
        return ValidationFailed.of("cursor", "is not a cursor this API issued for this listing");
    }
}
