package org.linli.tools.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts AWS API calls (not retry attempts) by "Service.Operation" while switched on: installed
 * into the functions' SDK clients (AwsClients.installInterceptor) before the first is built, and
 * switched on only around handler invocations, so the emulated Lambda service's own receives and
 * deletes are not counted.
 */
final class CallTally implements ExecutionInterceptor {
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private volatile boolean on;

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (!on) return;
        String op = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + "."
                + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        counts.computeIfAbsent(op, k -> new AtomicLong()).incrementAndGet();
    }

    void on(boolean on) {
        this.on = on;
    }

    /** The counts so far, sorted, and starts again from zero. */
    Map<String, Long> take() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.get()));
        counts.clear();
        return out;
    }
}
