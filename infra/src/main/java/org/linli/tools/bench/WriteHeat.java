package org.linli.tools.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.linli.local.template.TableDef;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Writes per DynamoDB partition key, counted on every write request any function of this process
 * makes (fed by {@link CallCounter}, the functions' SDK interceptor): the table's partition key of
 * each item written, and the partition key of each global index the write sets. A transaction's
 * items count one each; a transaction cancelled by a conflicting one is counted apart (its items
 * were not written). The benchmark's heat phase reads it during the pipeline and extrapolates.
 */
public final class WriteHeat {
    /** key label → writes; key label is "Table pk-value" or "Table/Index pk-value". */
    private final Map<String, LongAdder> writes = new ConcurrentHashMap<>();
    /** item label (table, partition and sort key) → items written inside a TransactWriteItems. */
    private final Map<String, LongAdder> transactedItems = new ConcurrentHashMap<>();
    private final AtomicLong transactions = new AtomicLong();
    private final AtomicLong conflicts = new AtomicLong();
    private final AtomicLong conditionFailures = new AtomicLong();
    /**
     * Conflict exposure, counted on the client side: the transactional items of the transactions sent and not yet
     * answered. DynamoDB Local runs transactions one at a time, so two on one item never conflict there; on AWS a
     * transaction that writes an item another unfinished transaction writes is cancelled with TransactionConflict.
     */
    private final Map<String, Integer> inFlight = new HashMap<>();
    private final Map<String, Integer> peakInFlight = new HashMap<>();
    /** item → transactions that wrote it while another unanswered transaction wrote it too. */
    private final Map<String, Integer> overlapsOn = new HashMap<>();
    private long exposedTransactions;
    private final Map<String, TableDef> tables = new HashMap<>();
    private volatile boolean on;

    public WriteHeat(Iterable<TableDef> tableDefs) {
        for (TableDef t : tableDefs) tables.put(t.tableName(), t);
    }

    public void start() {
        writes.clear();
        transactedItems.clear();
        transactions.set(0);
        conflicts.set(0);
        conditionFailures.set(0);
        synchronized (inFlight) {
            inFlight.clear();
            peakInFlight.clear();
            overlapsOn.clear();
            exposedTransactions = 0;
        }
        on = true;
    }

    public void stop() {
        on = false;
    }

    /** Called for every request before it is sent. */
    void request(SdkRequest request) {
        if (!on) return;
        if (request instanceof PutItemRequest r) item(r.tableName(), r.item(), false);
        else if (request instanceof UpdateItemRequest r) update(r.tableName(), r.key(), r.updateExpression(), r.expressionAttributeNames(),
                r.expressionAttributeValues(), false);
        else if (request instanceof DeleteItemRequest r) item(r.tableName(), r.key(), false);
        else if (request instanceof BatchWriteItemRequest r) {
            r.requestItems().forEach((table, ws) -> ws.forEach(w -> {
                if (w.putRequest() != null) item(table, w.putRequest().item(), false);
                else if (w.deleteRequest() != null) item(table, w.deleteRequest().key(), false);
            }));
        } else if (request instanceof TransactWriteItemsRequest r) {
            transactions.incrementAndGet();
            sent(r);
            r.transactItems().forEach(t -> {
                if (t.put() != null) item(t.put().tableName(), t.put().item(), true);
                else if (t.update() != null) update(t.update().tableName(), t.update().key(), t.update().updateExpression(),
                        t.update().expressionAttributeNames(), t.update().expressionAttributeValues(), true);
                else if (t.delete() != null) item(t.delete().tableName(), t.delete().key(), true);
            });
        }
    }

    /** Called when a request was answered, with success or not. */
    void answered(SdkRequest request) {
        if (!(request instanceof TransactWriteItemsRequest r)) return;
        synchronized (inFlight) {
            for (String item : items(r)) inFlight.computeIfPresent(item, (k, n) -> n <= 1 ? null : n - 1);
        }
    }

    /** A transaction is exposed when one of its items is written by another transaction still in flight. */
    private void sent(TransactWriteItemsRequest r) {
        synchronized (inFlight) {
            boolean exposed = false;
            for (String item : items(r)) {
                int n = inFlight.merge(item, 1, Integer::sum);
                if (n > 1) {
                    exposed = true;
                    overlapsOn.merge(item, 1, Integer::sum);
                }
                peakInFlight.merge(item, n, Math::max);
            }
            if (exposed) exposedTransactions++;
        }
    }

    private List<String> items(TransactWriteItemsRequest r) {
        List<String> labels = new ArrayList<>();
        for (var t : r.transactItems()) {
            String table;
            Map<String, AttributeValue> key;
            if (t.put() != null) {
                table = t.put().tableName();
                key = t.put().item();
            } else if (t.update() != null) {
                table = t.update().tableName();
                key = t.update().key();
            } else if (t.delete() != null) {
                table = t.delete().tableName();
                key = t.delete().key();
            } else continue; // a condition check writes nothing: it conflicts only with writers, counted on their side
            TableDef def = tables.get(table);
            if (def != null) labels.add(itemLabel(def, key));
        }
        return labels;
    }

    private static String itemLabel(TableDef t, Map<String, AttributeValue> item) {
        return t.logicalId() + " " + text(item.get(hash(t.keySchema()))) + " | " + text(item.get(range(t.keySchema())));
    }

    /** Transactions sent while another unfinished transaction wrote one of their items (would conflict on AWS). */
    public long exposedTransactions() {
        synchronized (inFlight) {
            return exposedTransactions;
        }
    }

    /** The {@code limit} items most often written by overlapping transactions, most first: (item, overlaps). */
    public List<Map.Entry<String, Long>> mostOverlapped(int limit) {
        Map<String, LongAdder> m = new HashMap<>();
        synchronized (inFlight) {
            overlapsOn.forEach((k, v) -> m.computeIfAbsent(k, x -> new LongAdder()).add(v));
        }
        return top(m, limit);
    }

    /** The most transactions that wrote {@code item} at one moment. */
    public long peak(String item) {
        synchronized (inFlight) {
            return peakInFlight.getOrDefault(item, 0);
        }
    }

    /** Called when a request failed for good (after the SDK's own retries). */
    void failure(Throwable e) {
        if (!on || !(e instanceof TransactionCanceledException t) || !t.hasCancellationReasons()) return;
        if (t.cancellationReasons().stream().anyMatch(r -> "TransactionConflict".equals(r.code()))) conflicts.incrementAndGet();
        else if (t.cancellationReasons().stream().anyMatch(r -> "ConditionalCheckFailed".equals(r.code()))) conditionFailures.incrementAndGet();
    }

    private void item(String table, Map<String, AttributeValue> item, boolean transacted) {
        TableDef t = tables.get(table);
        if (t == null) return;
        String pk = text(item.get(hash(t.keySchema())));
        count(t.logicalId() + " " + pk);
        if (transacted) transactedItems.computeIfAbsent(itemLabel(t, item), k -> new LongAdder()).increment();
        for (TableDef.Index ix : t.globalIndexes()) {
            AttributeValue v = item.get(hash(ix.keySchema()));
            if (v != null) count(t.logicalId() + "/" + ix.name() + " " + text(v));
        }
    }

    private static final Pattern ASSIGNMENT = Pattern.compile("([#A-Za-z0-9_.]+)\\s*=\\s*(:[A-Za-z0-9_]+)");

    private void update(String table, Map<String, AttributeValue> key, String expression, Map<String, String> names,
                        Map<String, AttributeValue> values, boolean transacted) {
        TableDef t = tables.get(table);
        if (t == null) return;
        item(table, key, transacted);
        if (expression == null) return;
        // An index key set by the update (SET duepk = :d) moves the item into that index partition: a write there too.
        Matcher m = ASSIGNMENT.matcher(expression);
        while (m.find()) {
            String name = names.getOrDefault(m.group(1), m.group(1));
            for (TableDef.Index ix : t.globalIndexes()) {
                if (name.equals(hash(ix.keySchema())) && values.containsKey(m.group(2))) {
                    count(t.logicalId() + "/" + ix.name() + " " + text(values.get(m.group(2))));
                }
            }
        }
    }

    private void count(String label) {
        writes.computeIfAbsent(label, k -> new LongAdder()).increment();
    }

    private static String hash(List<TableDef.Key> keys) {
        return keys.stream().filter(k -> k.keyType().equals("HASH")).map(TableDef.Key::attributeName).findFirst().orElse("");
    }

    private static String range(List<TableDef.Key> keys) {
        return keys.stream().filter(k -> k.keyType().equals("RANGE")).map(TableDef.Key::attributeName).findFirst().orElse("");
    }

    private static String text(AttributeValue v) {
        if (v == null) return "-";
        if (v.s() != null) return v.s();
        if (v.n() != null) return v.n();
        return v.toString();
    }

    public long total() {
        return writes.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public long transactions() {
        return transactions.get();
    }

    public long conflicts() {
        return conflicts.get();
    }

    public long conditionFailures() {
        return conditionFailures.get();
    }

    /** The {@code limit} partitions written most, most first. */
    public List<Map.Entry<String, Long>> hottest(int limit) {
        return top(writes, limit);
    }

    /** The {@code limit} items written most inside transactions (where concurrent transactions conflict). */
    public List<Map.Entry<String, Long>> hottestTransacted(int limit) {
        return top(transactedItems, limit);
    }

    private static List<Map.Entry<String, Long>> top(Map<String, LongAdder> counts, int limit) {
        List<Map.Entry<String, Long>> all = new ArrayList<>();
        counts.forEach((k, v) -> all.add(Map.entry(k, v.sum())));
        all.sort(Comparator.comparing((Map.Entry<String, Long> e) -> -e.getValue()).thenComparing(Map.Entry::getKey));
        return all.subList(0, Math.min(limit, all.size()));
    }

    /** A key as the table shows it: long ids shortened, so that the table reads as kinds of keys. */
    static String shorten(String label) {
        return label.length() <= 80 ? label : label.substring(0, 77) + "...";
    }

    static String rate(double perSecond) {
        return String.format(Locale.ROOT, perSecond >= 10 ? "%.0f" : "%.2f", perSecond);
    }
}
