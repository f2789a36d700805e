package org.linli.it;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.linli.local.LocalCloud;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Everything the template stores, as a comparable value: each table's item count and a stable
 * hash of all its items (attributes in name order, items sorted), each queue's depth (visible,
 * in flight and delayed) and the messages its event source has delivered so far. Two equal
 * snapshots mean nothing was written and nothing was sent in between.
 */
record StoreSnapshot(Map<String, String> tables, Map<String, String> queues) {

    static StoreSnapshot of(LocalCloud cloud) {
        Map<String, String> tables = new TreeMap<>();
        for (String table : cloud.model().tables().keySet()) {
            List<String> items = new ArrayList<>();
            Map<String, AttributeValue> start = null;
            do {
                ScanResponse page = cloud.dynamo().scan(ScanRequest.builder().tableName(cloud.tableName(table))
                        .consistentRead(true).exclusiveStartKey(start).build());
                page.items().forEach(i -> items.add(canonical(AttributeValue.fromM(i))));
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (start != null);
            items.sort(null);
            tables.put(table, items.size() + " items, " + sha256(String.join("\n", items)));
        }
        Map<String, Long> delivered = new TreeMap<>();
        cloud.eventSources().forEach(s -> delivered.merge(s.event().queueLogicalId(), s.stats().messages(), Long::sum));
        Map<String, String> queues = new TreeMap<>();
        for (String queue : cloud.model().queues().keySet()) {
            Map<QueueAttributeName, String> a = cloud.sqs().getQueueAttributes(b -> b.queueUrl(cloud.queueUrl(queue)).attributeNames(
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
            queues.put(queue, "depth " + a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES) + "/"
                    + a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE) + "/"
                    + a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED) + ", delivered " + delivered.getOrDefault(queue, 0L));
        }
        return new StoreSnapshot(tables, queues);
    }

    /** Waits until two snapshots a moment apart agree (queued work of the fixtures has settled). */
    static StoreSnapshot settled(LocalCloud cloud) {
        StoreSnapshot last = of(cloud);
        for (int i = 0; i < 60; i++) {
            sleep(500);
            StoreSnapshot now = of(cloud);
            if (now.equals(last)) return now;
            last = now;
        }
        throw new AssertionError("the store never settled: " + last);
    }

    /** Tables and queues whose value differs from {@code before}'s. */
    List<String> differences(StoreSnapshot before) {
        List<String> d = new ArrayList<>();
        tables.forEach((k, v) -> {
            if (!v.equals(before.tables.get(k))) d.add(k + ": " + before.tables.get(k) + " -> " + v);
        });
        queues.forEach((k, v) -> {
            if (!v.equals(before.queues.get(k))) d.add(k + ": " + before.queues.get(k) + " -> " + v);
        });
        return d;
    }

    private static String canonical(AttributeValue v) {
        if (v.hasM()) {
            StringBuilder s = new StringBuilder("{");
            new TreeMap<>(v.m()).forEach((k, x) -> s.append(k).append('=').append(canonical(x)).append(';'));
            return s.append('}').toString();
        }
        if (v.hasL()) {
            StringBuilder s = new StringBuilder("[");
            v.l().forEach(x -> s.append(canonical(x)).append(','));
            return s.append(']').toString();
        }
        if (v.hasSs()) return "SS" + v.ss().stream().sorted().toList();
        if (v.hasNs()) return "NS" + v.ns().stream().sorted().toList();
        if (v.hasBs()) return "BS" + v.bs().stream().map(b -> HexFormat.of().formatHex(b.asByteArray())).sorted().toList();
        if (v.s() != null) return "S:" + v.s();
        if (v.n() != null) return "N:" + v.n();
        if (v.b() != null) return "B:" + HexFormat.of().formatHex(v.b().asByteArray());
        if (v.bool() != null) return "BOOL:" + v.bool();
        return "NULL";
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
