package org.linli.local.template;

import java.time.ZoneId;
import java.util.List;

/** An entry of a function's Events: the kinds the local cloud drives (any other is refused). */
public sealed interface FunctionEvent {
    /** The key under Events. */
    String name();

    /** The function the event belongs to. */
    String functionLogicalId();

    /**
     * An HttpApi route.
     *
     * @param path the route path, or {@code $default} when the event has none
     * @param method upper case, ANY when the event has none
     * @param authorizer the Auth.Authorizer name, {@code NONE}, or null for the API's DefaultAuthorizer
     */
    record HttpApi(String name, String functionLogicalId, String apiLogicalId, String path, String method,
                   String authorizer, String payloadFormatVersion) implements FunctionEvent {
        public static final String DEFAULT_ROUTE = "$default";

        public String routeKey() {
            return path.equals(DEFAULT_ROUTE) ? DEFAULT_ROUTE : method + " " + path;
        }
    }

    /**
     * An SQS event source mapping.
     *
     * @param maximumConcurrency ScalingConfig.MaximumConcurrency, or null
     */
    record Sqs(String name, String functionLogicalId, String queueLogicalId, String queueArn, int batchSize,
               int maximumBatchingWindowSeconds, List<String> functionResponseTypes, Integer maximumConcurrency,
               boolean enabled) implements FunctionEvent {
        public Sqs {
            functionResponseTypes = List.copyOf(functionResponseTypes);
        }

        public boolean reportsBatchItemFailures() {
            return functionResponseTypes.contains("ReportBatchItemFailures");
        }
    }

    /**
     * A Schedule (EventBridge rule, always UTC) or ScheduleV2 (EventBridge Scheduler).
     *
     * @param scheduleName ScheduleV2/Schedule Name, else {@code FunctionLogicalId-EventName}
     * @param input the Input string, or null
     * @param maximumRetryAttempts RetryPolicy.MaximumRetryAttempts, 0 when there is no RetryPolicy
     * @param deadLetterQueueLogicalId the queue DeadLetterConfig.Arn names, or null
     */
    record Schedule(String name, String functionLogicalId, Kind kind, String scheduleName, String expression,
                    ZoneId timeZone, String input, boolean enabled, int maximumRetryAttempts,
                    String deadLetterQueueLogicalId, String deadLetterArn) implements FunctionEvent {
        public enum Kind { SCHEDULE, SCHEDULE_V2 }
    }
}
