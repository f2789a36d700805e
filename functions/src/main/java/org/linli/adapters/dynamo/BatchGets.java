package org.linli.adapters.dynamo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.linli.core.StoreUnavailable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/** BatchGetItem with its unprocessed keys retried a few times with backoff. */
public final class BatchGets {
    private static final int ATTEMPTS = 5;

    private BatchGets() {}

    public static List<Map<String, AttributeValue>> all(DynamoDbClient dynamo, Map<String, KeysAndAttributes> request, String table) {
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        Map<String, KeysAndAttributes> pending = request;
        for (int attempt = 0; attempt < ATTEMPTS && pending != null && !pending.isEmpty(); attempt++) {
            if (attempt > 0) Backoff.pause(attempt, 200);
            Map<String, KeysAndAttributes> req = pending;
            BatchGetItemResponse r = DynamoCalls.call("BatchGetItem", () -> dynamo.batchGetItem(b -> b.requestItems(req)));
            out.addAll(r.responses().getOrDefault(table, List.of()));
            pending = r.hasUnprocessedKeys() ? r.unprocessedKeys() : null;
        }
        if (pending != null && !pending.isEmpty()) {
            throw new StoreUnavailable("The data store kept some keys unprocessed; try again shortly.", null);
        }
        return out;
    }

}
