package org.linli.local.events;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.linli.local.lambda.FunctionError;
import org.linli.local.lambda.Invoker;
import org.linli.local.lambda.LocalLog;
import org.linli.local.template.FunctionEvent;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * One SQS event source mapping: poller threads that long-poll the queue (1 s, so the local chain
 * reacts quickly), gather up to BatchSize within MaximumBatchingWindowInSeconds, invoke the
 * function and delete the messages that succeeded. Failed messages stay, reappear after the
 * visibility timeout and go to the DLQ after maxReceiveCount (the queue's RedrivePolicy, which
 * ElasticMQ and LocalStack apply on receive).
 */
public final class SqsEventSource implements AutoCloseable {
    private static final int MAX_POLLERS = 2;

    /** Counters for tests and the /_local/queues page. */
    public record Stats(long batches, long messages, long deleted, long failed) {}

    private final FunctionEvent.Sqs event;
    private final String queueUrl;
    private final String queueArn;
    private final String region;
    private final SqsClient sqs;
    private final Invoker invoker;
    private final List<Thread> pollers = new ArrayList<>();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong deleted = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile boolean running;

    public SqsEventSource(FunctionEvent.Sqs event, String queueUrl, String queueArn, String region, SqsClient sqs, Invoker invoker) {
        this.event = event;
        this.queueUrl = queueUrl;
        this.queueArn = queueArn;
        this.region = region;
        this.sqs = sqs;
        this.invoker = invoker;
    }

    public FunctionEvent.Sqs event() {
        return event;
    }

    /** Poller threads: MaximumConcurrency if set, at most two (a laptop, not a fleet). */
    public int concurrency() {
        Integer max = event.maximumConcurrency();
        return Math.max(1, Math.min(max == null ? MAX_POLLERS : max, MAX_POLLERS));
    }

    public synchronized void start() {
        if (running) return;
        running = true;
        for (int i = 0; i < concurrency(); i++) {
            Thread t = new Thread(this::pollLoop, "sqs-" + event.functionLogicalId() + "-" + event.name() + "-" + i);
            t.setDaemon(true);
            pollers.add(t);
            t.start();
        }
    }

    public Stats stats() {
        return new Stats(batches.get(), messages.get(), deleted.get(), failed.get());
    }

    private void pollLoop() {
        while (running) {
            try {
                List<Message> batch = receiveBatch();
                if (!batch.isEmpty()) process(batch);
            } catch (RuntimeException e) {
                if (!running) return;
                LocalLog.warn("poller of " + event.functionLogicalId() + "." + event.name() + ": " + e);
                sleep(1000);
            }
        }
    }

    private List<Message> receiveBatch() {
        int batchSize = Math.max(1, event.batchSize());
        List<Message> batch = new ArrayList<>(receive(Math.min(batchSize, 10), 1));
        long window = TimeUnit.SECONDS.toNanos(event.maximumBatchingWindowSeconds());
        if (batch.isEmpty() || window == 0) return batch;
        long deadline = System.nanoTime() + window;
        while (running && batch.size() < batchSize) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) break;
            int wait = (int) Math.min(1, TimeUnit.NANOSECONDS.toSeconds(remaining));
            batch.addAll(receive(Math.min(batchSize - batch.size(), 10), wait));
        }
        return batch;
    }

    private List<Message> receive(int max, int waitSeconds) {
        return sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(max).waitTimeSeconds(waitSeconds)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL).messageAttributeNames("All")).messages();
    }

    private void process(List<Message> batch) {
        batches.incrementAndGet();
        messages.addAndGet(batch.size());
        Set<String> ids = new LinkedHashSet<>();
        batch.forEach(m -> ids.add(m.messageId()));
        Set<String> failedIds;
        try {
            String result = invoker.invoke(event.functionLogicalId(), SqsEvents.event(batch, queueArn, region).toString());
            failedIds = event.reportsBatchItemFailures() ? BatchResponse.failedIds(result, ids) : Set.of();
        } catch (FunctionError e) {
            LocalLog.warn(e.getMessage() + " - the batch of " + batch.size() + " will be retried after the visibility timeout");
            failedIds = ids;
        }
        failed.addAndGet(failedIds.size());
        List<Message> succeeded = new ArrayList<>();
        for (Message m : batch) if (!failedIds.contains(m.messageId())) succeeded.add(m);
        delete(succeeded);
    }

    private void delete(List<Message> done) {
        for (int from = 0; from < done.size(); from += 10) {
            List<Message> chunk = done.subList(from, Math.min(done.size(), from + 10));
            List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                entries.add(DeleteMessageBatchRequestEntry.builder().id(String.valueOf(i)).receiptHandle(chunk.get(i).receiptHandle()).build());
            }
            var response = sqs.deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(entries));
            deleted.addAndGet(response.successful().size());
            response.failed().forEach(f -> LocalLog.warn("could not delete a message from " + queueUrl + ": " + f.message()));
        }
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Stops polling; a batch being processed is finished first (up to a few seconds). */
    @Override
    public void close() {
        List<Thread> threads;
        synchronized (this) {
            running = false;
            threads = new ArrayList<>(pollers);
            pollers.clear();
        }
        for (Thread t : threads) {
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
