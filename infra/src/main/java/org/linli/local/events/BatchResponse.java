package org.linli.local.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Lambda's reading of a ReportBatchItemFailures response. Complete success: an empty or null
 * response, {@code {}}, an empty or null {@code batchItemFailures}. Complete failure: invalid JSON,
 * an itemIdentifier that is null, empty, or not a message of the batch. Otherwise exactly the
 * listed messages failed.
 */
public final class BatchResponse {
    private BatchResponse() {}

    /** @return the message ids that failed; {@code batchIds} itself when the whole batch failed */
    public static Set<String> failedIds(String response, Set<String> batchIds) {
        if (response == null || response.isBlank()) return Set.of();
        JsonNode r;
        try {
            r = SqsEvents.JSON.readTree(response);
        } catch (IOException e) {
            return batchIds;
        }
        if (r == null || r.isNull()) return Set.of();
        if (!r.isObject()) return batchIds;
        JsonNode failures = r.get("batchItemFailures");
        if (failures == null || failures.isNull()) return Set.of();
        if (!failures.isArray()) return batchIds;
        Set<String> failed = new LinkedHashSet<>();
        for (JsonNode f : failures) {
            JsonNode id = f.get("itemIdentifier");
            if (id == null || !id.isTextual() || id.asText().isEmpty() || !batchIds.contains(id.asText())) return batchIds;
            failed.add(id.asText());
        }
        return failed;
    }
}
