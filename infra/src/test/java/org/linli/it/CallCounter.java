package org.linli.it;

import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts AWS API calls (not retry attempts) made by the current thread inside {@link #count}.
 * Installed into the functions' shared SDK clients by {@link LinliCloud}; a handler invoked with
 * {@code cloud.invoke(...)} runs on the caller's thread, so the count is exactly that operation's,
 * whatever the background pollers do meanwhile.
 */
public final class CallCounter implements ExecutionInterceptor {
    public static final CallCounter INSTANCE = new CallCounter();
    private final ThreadLocal<Map<String, Integer>> scope = new ThreadLocal<>();

    private CallCounter() {}

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        Map<String, Integer> m = scope.get();
        if (m == null) return;
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        m.merge(service + "." + operation, 1, Integer::sum);
    }

    /** Calls made by {@code body} on this thread, by "Service.Operation" (e.g. "DynamoDb.PutItem"). */
    public Calls count(Runnable body) {
        Map<String, Integer> m = new TreeMap<>();
        scope.set(m);
        try {
            body.run();
        } finally {
            scope.remove();
        }
        return new Calls(Map.copyOf(m));
    }

    /** A count of calls by operation. */
    public record Calls(Map<String, Integer> byOperation) {
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
