package org.linli.adapters.dynamo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.linli.core.StoreUnavailable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Puts by BatchWriteItem, 25 items per call, unprocessed items retried with backoff. */
final class BatchWrites {
    static final int BATCH = 25;
    private static final int ATTEMPTS = 8;

    private BatchWrites() {}

    static void putAll(DynamoDbClient dynamo, String table, List<Map<String, AttributeValue>> items) {
        for (int i = 0; i < items.size(); i += BATCH) {
            List<WriteRequest> batch = new ArrayList<>();
            for (Map<String, AttributeValue> item : items.subList(i, Math.min(items.size(), i + BATCH))) {
                batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            }
            Map<String, List<WriteRequest>> pending = Map.of(table, batch);
            for (int attempt = 0; attempt < ATTEMPTS && !pending.isEmpty(); attempt++) {
                if (attempt > 0) Backoff.pause(attempt, 1000);
                Map<String, List<WriteRequest>> req = pending;
                BatchWriteItemResponse r = DynamoCalls.call("BatchWriteItem", () -> dynamo.batchWriteItem(b -> b.requestItems(req)));
                pending = r.hasUnprocessedItems() ? r.unprocessedItems() : Map.of();
            }
            if (!pending.isEmpty()) throw new StoreUnavailable("The data store kept refusing writes; run the import again.", null);
        }
    }
}
