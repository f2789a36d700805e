package org.linli.tools.bench;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import com.sun.management.GarbageCollectionNotificationInfo;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.linli.config.AwsClients;
import org.linli.config.Env;
import org.linli.handlers.CycleSchedule;
import org.linli.handlers.DispatchConsumer;
import org.linli.json.Json;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The dispatch function alone in a JVM of its own (started by {@link DispatchBenchmark} with the
 * function's environment and a small -Xmx), so that its heap is measured apart from the embedded
 * DynamoDB and SQS: runs the planner once, then plays the Lambda service for the dispatch queue -
 * receive one message, invoke DispatchConsumer with a context whose deadline is the function's
 * timeout, delete it when it succeeded - until the queue stays empty. Heap: the highest "used"
 * sampled every 5 ms (garbage included) and the highest left after a collection (what the
 * function really holds). Prints one line
 * {@code BENCH-RESULT {json}}.
 */
public final class DispatchWorker {
    private DispatchWorker() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = DispatchBenchmark.options(args);
        int timeoutSeconds = Integer.parseInt(opts.getOrDefault("timeout", "300"));
        CallTally tally = new CallTally();
        AwsClients.installInterceptor(tally);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AtomicLong peak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);

        ObjectNode result = Json.object();
        CycleSchedule planner = new CycleSchedule();
        DispatchConsumer consumer = new DispatchConsumer();
        String input = Json.write(Json.object().put("task", "cycle").put("step", opts.get("step")).put("at", opts.get("at")));
        ByteArrayOutputStream planned = new ByteArrayOutputStream();
        tally.on(true);
        planner.handleRequest(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), planned, context(60));
        tally.on(false);
        result.set("plan", Json.parse(planned.toString(StandardCharsets.UTF_8)));
        result.set("plannerCalls", Json.mapper().valueToTree(tally.take()));

        AtomicLong liveAfterGc = new AtomicLong();
        java.util.Set<String> heapPools = new java.util.HashSet<>();
        ManagementFactory.getMemoryPoolMXBeans().forEach(pool -> {
            if (pool.getType() == java.lang.management.MemoryType.HEAP) heapPools.add(pool.getName());
        });
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((javax.management.NotificationEmitter) gc).addNotificationListener((n, h) -> {
                if (!n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) return;
                var info = GarbageCollectionNotificationInfo.from((javax.management.openmbean.CompositeData) n.getUserData());
                long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                        .filter(e -> heapPools.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
                liveAfterGc.accumulateAndGet(used, Math::max);
            }, null, null);
        }
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        liveAfterGc.set(0);
        peak.set(baseline);
        sampler.start();
        long gcBefore = gcCount();
        long gcTimeBefore = gcMillis();
        try (SqsClient sqs = SqsClient.builder().endpointOverride(URI.create(Env.require("LINLI_ENDPOINT_SQS")))
                .region(Region.of(Env.require("AWS_REGION")))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        Env.require("AWS_ACCESS_KEY_ID"), Env.require("AWS_SECRET_ACCESS_KEY")))).build()) {
            String queue = Env.require("DISPATCH_QUEUE_URL");
            int invocations = 0;
            int failures = 0;
            long busyNanos = 0;
            long maxInvocationNanos = 0;
            long start = System.nanoTime();
            int empty = 0;
            while (empty < 2) {
                List<Message> got = sqs.receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(1).waitTimeSeconds(1)
                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
                if (got.isEmpty()) {
                    empty++;
                    continue;
                }
                empty = 0;
                Message m = got.get(0);
                SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
                record.setMessageId(m.messageId());
                record.setReceiptHandle(m.receiptHandle());
                record.setBody(m.body());
                record.setAttributes(Map.of("ApproximateReceiveCount", m.attributes().getOrDefault(
                        MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1")));
                SQSEvent event = new SQSEvent();
                event.setRecords(List.of(record));
                long t0 = System.nanoTime();
                tally.on(true);
                SQSBatchResponse r = consumer.handleRequest(event, context(timeoutSeconds));
                tally.on(false);
                long took = System.nanoTime() - t0;
                busyNanos += took;
                maxInvocationNanos = Math.max(maxInvocationNanos, took);
                invocations++;
                if (r.getBatchItemFailures().isEmpty()) {
                    sqs.deleteMessage(d -> d.queueUrl(queue).receiptHandle(m.receiptHandle()));
                } else {
                    failures++;
                }
            }
            long wall = System.nanoTime() - start - 2_000_000_000L; // less the two empty polls that ended it
            sampler.interrupt();
            result.put("invocations", invocations).put("failedInvocations", failures)
                    .put("wallMillis", wall / 1_000_000).put("busyMillis", busyNanos / 1_000_000)
                    .put("longestInvocationMillis", maxInvocationNanos / 1_000_000);
        }
        result.set("dispatchCalls", Json.mapper().valueToTree(tally.take()));
        result.put("heapBaselineBytes", baseline).put("heapPeakBytes", peak.get()).put("heapLiveAfterGcPeakBytes", liveAfterGc.get())
                .put("heapMaxBytes", memory.getHeapMemoryUsage().getMax())
                .put("gcCollections", gcCount() - gcBefore).put("gcMillis", gcMillis() - gcTimeBefore);
        System.out.println("BENCH-RESULT " + Json.write(result));
        System.exit(0);
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    /** A Lambda context whose deadline is {@code timeoutSeconds} from now. */
    static Context context(int timeoutSeconds) {
        long deadline = System.currentTimeMillis() + timeoutSeconds * 1000L;
        return new Context() {
            public String getAwsRequestId() { return "bench"; }
            public String getLogGroupName() { return "bench"; }
            public String getLogStreamName() { return "bench"; }
            public String getFunctionName() { return "DispatchFunction"; }
            public String getFunctionVersion() { return "$LATEST"; }
            public String getInvokedFunctionArn() { return "bench"; }
            public CognitoIdentity getIdentity() { return null; }
            public ClientContext getClientContext() { return null; }
            public int getRemainingTimeInMillis() { return (int) Math.max(0, deadline - System.currentTimeMillis()); }
            public int getMemoryLimitInMB() { return 512; }
            public LambdaLogger getLogger() {
                return new LambdaLogger() {
                    public void log(String message) { System.out.println(message); }
                    public void log(byte[] message) { System.out.println(new String(message, StandardCharsets.UTF_8)); }
                };
            }
        };
    }
}
