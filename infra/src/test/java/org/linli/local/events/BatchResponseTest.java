package org.linli.local.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Lambda's documented reading of ReportBatchItemFailures responses. */
class BatchResponseTest {
    private static final Set<String> BATCH = Set.of("a", "b", "c");

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "null", "{}", "{\"batchItemFailures\":[]}", "{\"batchItemFailures\":null}"})
    void completeSuccess(String response) {
        assertEquals(Set.of(), BatchResponse.failedIds(response, BATCH));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[1]", "\"text\"",
            "{\"batchItemFailures\":[{\"itemIdentifier\":null}]}",
            "{\"batchItemFailures\":[{\"itemIdentifier\":\"\"}]}",
            "{\"batchItemFailures\":[{\"itemId\":\"a\"}]}",
            "{\"batchItemFailures\":[{\"itemIdentifier\":\"a\"},{\"itemIdentifier\":\"zzz\"}]}",
            "{\"batchItemFailures\":\"a\"}"})
    void completeFailure(String response) {
        assertEquals(BATCH, BatchResponse.failedIds(response, BATCH));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"batchItemFailures\":[{\"itemIdentifier\":\"b\"}]}",
            "{\"batchItemFailures\":[{\"itemIdentifier\":\"b\"},{\"itemIdentifier\":\"b\"}]}"})
    void partialFailure(String response) {
        assertEquals(Set.of("b"), BatchResponse.failedIds(response, BATCH));
    }
}
