package org.linli.tools.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * The cold-start runner's global SDK interceptor (listed, by the benchmark only, in the runner's
 * own {@code software/amazon/awssdk/global/handlers/execution.interceptors}): remembers each call's
 * "Service.Operation" and its table or queue, so that the bare-SDK baseline can make the same first
 * call. Loaded the same way in the function and the baseline JVMs, so it costs both the same.
 */
public final class FirstCall implements ExecutionInterceptor {
    static final List<String[]> CALLS = new ArrayList<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String op = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + "."
                + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        synchronized (CALLS) {
            CALLS.add(new String[] {op, target(context.request())});
        }
    }

    /** The table, queue or secret a request names (the first one, for batches and transactions). */
    static String target(SdkRequest r) {
        for (String field : new String[] {"TableName", "QueueUrl", "SecretId"}) {
            var v = r.getValueForField(field, String.class);
            if (v.isPresent()) return v.get();
        }
        var items = r.getValueForField("RequestItems", Map.class);
        if (items.isPresent() && !items.get().isEmpty()) return String.valueOf(items.get().keySet().iterator().next());
        var transact = r.getValueForField("TransactItems", List.class);
        if (transact.isPresent() && !transact.get().isEmpty()) {
            Object item = transact.get().get(0);
            for (String kind : new String[] {"Put", "Update", "Delete", "ConditionCheck", "Get"}) {
                var part = ((SdkRequestPart) () -> item).field(kind);
                if (part != null) return part;
            }
        }
        return "";
    }

    /** Reads a nested "TableName" of a transaction item's part without reflection on our side. */
    private interface SdkRequestPart {
        Object item();

        default String field(String kind) {
            if (!(item() instanceof software.amazon.awssdk.core.SdkPojo pojo)) return null;
            for (var f : pojo.sdkFields()) {
                if (!f.memberName().equals(kind)) continue;
                Object part = f.getValueOrDefault(pojo);
                if (part instanceof software.amazon.awssdk.core.SdkPojo p) {
                    for (var g : p.sdkFields()) {
                        if (g.memberName().equals("TableName")) return String.valueOf(g.getValueOrDefault(p));
                    }
                }
            }
            return null;
        }
    }
}
