package org.linli.tools.bench;

import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts AWS API calls (not retry attempts) made by the current thread inside {@link #count}, and
 * the bytes their responses carried. Installed into the functions' shared SDK clients (before the
 * first is built) by the integration tests and the benchmark; a handler invoked with
 * {@code cloud.invoke(...)} runs on the caller's thread, so the count is exactly that operation's,
 * whatever the background pollers do meanwhile.
 */
public final class CallCounter implements ExecutionInterceptor {
    public static final CallCounter INSTANCE = new CallCounter();
    private final ThreadLocal<Map<String, Integer>> scope = new ThreadLocal<>();
    private final ThreadLocal<Map<String, Long>> bytes = new ThreadLocal<>();
    /** The last message body sent to each queue by this thread, counted or not: consumers' inputs for the benchmark. */
    private final ThreadLocal<java.util.List<software.amazon.awssdk.core.SdkRequest>> recording = new ThreadLocal<>();
    private final ThreadLocal<Map<String, String>> sent = ThreadLocal.withInitial(java.util.HashMap::new);

    /** Every request of every thread, when the benchmark's heat phase watches (null otherwise). */
    private volatile WriteHeat heat;

    private CallCounter() {}

    /** Feeds every request (and failure) of every thread to {@code heat} from now on; null stops it. */
    public void watch(WriteHeat heat) {
        this.heat = heat;
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        WriteHeat h = heat;
        if (h != null) {
            h.failure(context.exception());
            h.answered(context.request());
        }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        WriteHeat h = heat;
        if (h != null) h.answered(context.request());
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        WriteHeat h = heat;
        if (h != null) h.request(context.request());
        if (context.request() instanceof software.amazon.awssdk.services.sqs.model.SendMessageRequest r) {
            sent.get().put(r.queueUrl(), r.messageBody());
        } else if (context.request() instanceof software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest r && !r.entries().isEmpty()) {
            sent.get().put(r.queueUrl(), r.entries().get(0).messageBody());
        }
        var list = recording.get();
        if (list != null) list.add(context.request());
        Map<String, Integer> m = scope.get();
        if (m == null) return;
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        m.merge(service + "." + operation, 1, Integer::sum);
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        Map<String, Long> b = bytes.get();
        if (b == null) return;
        long length = context.httpResponse().firstMatchingHeader("Content-Length").map(Long::parseLong).orElse(0L);
        b.merge(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + "."
                + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), length, Long::sum);
    }

    /** Adds to {@code into} every request {@code body} makes on this thread (the warm benchmark replays them). */
    public void record(java.util.List<software.amazon.awssdk.core.SdkRequest> into, Runnable body) {
        recording.set(into);
        try {
            body.run();
        } finally {
            recording.remove();
        }
    }

    /** The last body this thread sent to {@code queueUrl}, if any. */
    public java.util.Optional<String> lastSent(String queueUrl) {
        return java.util.Optional.ofNullable(sent.get().get(queueUrl));
    }

    /** Calls made by {@code body} on this thread, by "Service.Operation" (e.g. "DynamoDb.PutItem"). */
    public Calls count(Runnable body) {
        Map<String, Integer> m = new TreeMap<>();
        Map<String, Long> b = new TreeMap<>();
        scope.set(m);
        bytes.set(b);
        try {
            body.run();
        } finally {
            scope.remove();
            bytes.remove();
        }
        return new Calls(Map.copyOf(m), Map.copyOf(b));
    }

    /** A count of calls by operation, and the response bytes they read. */
    public record Calls(Map<String, Integer> byOperation, Map<String, Long> bytesByOperation) {
        public int total() {
            return byOperation.values().stream().mapToInt(Integer::intValue).sum();
        }

        public long bytes(String operation) {
            return bytesByOperation.getOrDefault(operation, 0L);
        }

        public int of(String operation) {
            return byOperation.getOrDefault(operation, 0);
        }

        /** All calls to one service ("DynamoDb", "Sqs", "SecretsManager"). */
        public int service(String service) {
            return byOperation.entrySet().stream().filter(e -> e.getKey().startsWith(service + "."))
                    .mapToInt(Map.Entry::getValue).sum();
        }

        public int dynamoWrites() {
            return byOperation.entrySet().stream()
                    .filter(e -> e.getKey().matches("DynamoDb\\.(PutItem|UpdateItem|DeleteItem|TransactWriteItems|BatchWriteItem)"))
                    .mapToInt(Map.Entry::getValue).sum();
        }

        @Override
        public String toString() {
            return byOperation.toString();
        }
    }
}
