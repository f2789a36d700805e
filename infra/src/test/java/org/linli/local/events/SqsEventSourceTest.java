package org.linli.local.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.linli.local.lambda.FunctionError;
import org.linli.local.template.FunctionEvent;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResultEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;

/** The poller's batching, deletion and shutdown rules against a scripted SQS. */
class SqsEventSourceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * An in-memory queue speaking just ReceiveMessage (long polling, one "second" being 200 ms to
     * keep the test fast) and DeleteMessageBatch.
     */
    static final class FakeSqs implements SqsClient {
        final LinkedBlockingDeque<Message> queue = new LinkedBlockingDeque<>();
        final List<String> deleted = new CopyOnWriteArrayList<>();
        final List<ReceiveMessageRequest> receives = new CopyOnWriteArrayList<>();

        void put(String id) {
            queue.add(Message.builder().messageId(id).receiptHandle("rh-" + id).body("body-" + id).md5OfBody("x").build());
        }

        @Override
        public ReceiveMessageResponse receiveMessage(ReceiveMessageRequest request) {
            receives.add(request);
            List<Message> out = new ArrayList<>();
            try {
                Message first = queue.poll(request.waitTimeSeconds() * 200L, TimeUnit.MILLISECONDS);
                if (first != null) {
                    out.add(first);
                    queue.drainTo(out, request.maxNumberOfMessages() - 1);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ReceiveMessageResponse.builder().messages(out).build();
        }

        @Override
        public DeleteMessageBatchResponse deleteMessageBatch(DeleteMessageBatchRequest request) {
            List<DeleteMessageBatchResultEntry> ok = new ArrayList<>();
            for (DeleteMessageBatchRequestEntry e : request.entries()) {
                deleted.add(e.receiptHandle().substring(3));
                ok.add(DeleteMessageBatchResultEntry.builder().id(e.id()).build());
            }
            return DeleteMessageBatchResponse.builder().successful(ok).build();
        }

        @Override
        public String serviceName() {
            return "sqs";
        }

        @Override
        public void close() {}
    }

    private final FakeSqs sqs = new FakeSqs();
    private final List<List<String>> batches = new CopyOnWriteArrayList<>();

    private static FunctionEvent.Sqs event(int batchSize, int window, boolean reportFailures, Integer concurrency) {
        return new FunctionEvent.Sqs("Work", "Worker", "Queue", "arn:aws:sqs:cn-north-1:000000000000:q", batchSize, window,
                reportFailures ? List.of("ReportBatchItemFailures") : List.of(), concurrency, true);
    }

    private SqsEventSource source(FunctionEvent.Sqs event, Function<List<String>, String> handler) {
        return new SqsEventSource(event, "http://q", event.queueArn(), "cn-north-1", sqs, (fn, json) -> {
            List<String> ids = new ArrayList<>();
            try {
                for (JsonNode r : JSON.readTree(json).get("Records")) ids.add(r.get("messageId").asText());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            batches.add(ids);
            return handler.apply(ids);
        });
    }

    private static void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
            Thread.sleep(20);
        }
    }

    @Test
    void theBatchingWindowGathersMessagesThatArriveLater() throws Exception {
        try (SqsEventSource s = source(event(5, 1, false, 1), ids -> "null")) {
            s.start();
            sqs.put("m1");
            Thread.sleep(300);
            sqs.put("m2");
            sqs.put("m3");
            await("three messages processed", () -> sqs.deleted.size() == 3);
        }
        assertEquals(List.of(List.of("m1", "m2", "m3")), batches);
        assertTrue(sqs.receives.stream().allMatch(r -> r.maxNumberOfMessages() <= 5 && r.waitTimeSeconds() <= 1));
        assertTrue(sqs.receives.get(0).messageAttributeNames().contains("All"));
    }

    @Test
    void withoutAWindowEachReceiveIsABatchOfAtMostBatchSize() throws Exception {
        for (int i = 0; i < 7; i++) sqs.put("m" + i);
        try (SqsEventSource s = source(event(3, 0, false, 1), ids -> "null")) {
            s.start();
            await("seven messages processed", () -> sqs.deleted.size() == 7);
        }
        assertTrue(batches.stream().allMatch(b -> b.size() <= 3), batches.toString());
        assertEquals(7, batches.stream().mapToInt(List::size).sum());
    }

    @Test
    void reportedFailuresAreKeptAndTheRestDeleted() throws Exception {
        sqs.put("a");
        sqs.put("b");
        sqs.put("c");
        try (SqsEventSource s = source(event(10, 0, true, 1), ids -> "{\"batchItemFailures\":[{\"itemIdentifier\":\"b\"}]}")) {
            s.start();
            await("a batch processed", () -> s.stats().batches() == 1 && sqs.deleted.size() == 2);
            assertEquals(new SqsEventSource.Stats(1, 3, 2, 1), s.stats());
        }
        assertEquals(Set.of("a", "c"), Set.copyOf(sqs.deleted));
    }

    @Test
    void withoutReportBatchItemFailuresASuccessDeletesEverything() throws Exception {
        sqs.put("a");
        sqs.put("b");
        try (SqsEventSource s = source(event(10, 0, false, null), ids -> "{\"batchItemFailures\":[{\"itemIdentifier\":\"b\"}]}")) {
            s.start();
            await("both deleted", () -> sqs.deleted.size() == 2);
        }
    }

    @Test
    void aThrowingFunctionDeletesNothing() throws Exception {
        sqs.put("a");
        sqs.put("b");
        try (SqsEventSource s = source(event(10, 0, true, 1), ids -> {
            throw FunctionError.of("Worker", new IllegalStateException("down"));
        })) {
            s.start();
            await("the batch attempted", () -> s.stats().batches() == 1);
            Thread.sleep(200);
        }
        assertTrue(sqs.deleted.isEmpty());
    }

    @Test
    void concurrencyIsCappedAtTwoPollers() {
        assertEquals(2, source(event(10, 0, false, 20), ids -> "null").concurrency());
        assertEquals(2, source(event(10, 0, false, null), ids -> "null").concurrency());
        assertEquals(1, source(event(10, 0, false, 1), ids -> "null").concurrency());
    }

    @Test
    void closeStopsThePollersPromptly() throws Exception {
        SqsEventSource s = source(event(10, 0, false, null), ids -> "null");
        s.start();
        Thread.sleep(100);
        long started = System.nanoTime();
        s.close();
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) < 3000);
        int receives = sqs.receives.size();
        Thread.sleep(500);
        assertEquals(receives, sqs.receives.size(), "no polling after close");
        assertFalse(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().startsWith("sqs-Worker-Work") && t.isAlive()));
    }
}
