package org.linli.adapters.dynamo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.linli.core.StoreUnavailable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Puts by BatchWriteItem, 25 items per call, unprocessed items retried with backoff. Bulk writes
 * (a map version: hundreds of thousands of items) run {@link #PARALLEL} calls at a time: each call
 * waits mostly on the network, so a few in flight multiply the throughput of one import worker.
 */
public final class BatchWrites {
    public static final int BATCH = 25;
    public static final int PARALLEL = 4;
    private static final int ATTEMPTS = 8;
    private static volatile ExecutorService pool;

    private BatchWrites() {}

    public static void putAll(DynamoDbClient dynamo, String table, List<Map<String, AttributeValue>> items) {
        putAll(dynamo, table, items, "The data store kept refusing writes; run the import again.");
    }

    /** Puts every item, 25 per BatchWriteItem, a few batches at a time; {@code failure} says what to do if refused. */
    public static void putAll(DynamoDbClient dynamo, String table, List<Map<String, AttributeValue>> items, String failure) {
        List<List<WriteRequest>> batches = new ArrayList<>();
        for (int i = 0; i < items.size(); i += BATCH) {
            List<WriteRequest> batch = new ArrayList<>();
            for (Map<String, AttributeValue> item : items.subList(i, Math.min(items.size(), i + BATCH))) {
                batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            }
            batches.add(batch);
        }
        if (batches.size() == 1) {
            write(dynamo, table, batches.get(0), failure);
            return;
        }
        List<Future<?>> running = new ArrayList<>();
        for (List<WriteRequest> batch : batches) running.add(pool().submit(() -> write(dynamo, table, batch, failure)));
        RuntimeException first = null;
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (ExecutionException e) {
                if (first == null) first = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreUnavailable("Interrupted while writing.", e);
            }
        }
        if (first != null) throw first;
    }

    private static void write(DynamoDbClient dynamo, String table, List<WriteRequest> batch, String failure) {
        Map<String, List<WriteRequest>> pending = Map.of(table, batch);
        for (int attempt = 0; attempt < ATTEMPTS && !pending.isEmpty(); attempt++) {
            if (attempt > 0) Backoff.pause(attempt, 1000);
            Map<String, List<WriteRequest>> req = pending;
            BatchWriteItemResponse r = DynamoCalls.call("BatchWriteItem", () -> dynamo.batchWriteItem(b -> b.requestItems(req)));
            pending = r.hasUnprocessedItems() ? r.unprocessedItems() : Map.of();
        }
        if (!pending.isEmpty()) throw new StoreUnavailable(failure, null);
    }

    private static ExecutorService pool() {
        ExecutorService p = pool;
        if (p == null) {
            synchronized (BatchWrites.class) {
                if (pool == null) {
                    pool = Executors.newFixedThreadPool(PARALLEL, r -> {
                        Thread t = new Thread(r, "linli-batch-write");
                        t.setDaemon(true);
                        return t;
                    });
                }
                p = pool;
            }
        }
        return p;
    }
}
