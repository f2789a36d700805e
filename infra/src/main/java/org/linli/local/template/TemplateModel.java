package org.linli.local.template;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The resolved template: everything the local cloud emulates, plus what it does not.
 * Maps keep template order.
 *
 * @param notEmulated "LogicalId (Type)" of resources that are read but not run locally
 * @param skipped logical ids of resources whose Condition is false
 */
public record TemplateModel(StackContext context, Map<String, Object> parameters, Map<String, Boolean> conditions,
                            Map<String, FunctionDef> functions, Map<String, HttpApiDef> httpApis,
                            Map<String, TableDef> tables, Map<String, QueueDef> queues, Map<String, BucketDef> buckets,
                            List<AlarmDef> alarms,
                            List<String> notEmulated, List<String> skipped, Map<String, Object> outputs,
                            Map<String, KeyDef> keys) {

    /** A model without KMS keys. */
    public TemplateModel(StackContext context, Map<String, Object> parameters, Map<String, Boolean> conditions,
                         Map<String, FunctionDef> functions, Map<String, HttpApiDef> httpApis,
                         Map<String, TableDef> tables, Map<String, QueueDef> queues, Map<String, BucketDef> buckets,
                         List<AlarmDef> alarms, List<String> notEmulated, List<String> skipped, Map<String, Object> outputs) {
        this(context, parameters, conditions, functions, httpApis, tables, queues, buckets, alarms, notEmulated, skipped, outputs,
                Map.of());
    }

    /** Unmodifiable, in template order. */
    public TemplateModel {
        keys = ordered(keys);
        parameters = ordered(parameters);
        conditions = ordered(conditions);
        functions = ordered(functions);
        httpApis = ordered(httpApis);
        tables = ordered(tables);
        queues = ordered(queues);
        buckets = ordered(buckets);
        alarms = List.copyOf(alarms);
        notEmulated = List.copyOf(notEmulated);
        skipped = List.copyOf(skipped);
        outputs = ordered(outputs);
    }

    private static <V> Map<String, V> ordered(Map<String, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    public FunctionDef function(String logicalId) {
        return require(functions, logicalId, "function");
    }

    public TableDef table(String logicalId) {
        return require(tables, logicalId, "table");
    }

    public BucketDef bucket(String logicalId) {
        return require(buckets, logicalId, "bucket");
    }

    public QueueDef queue(String logicalId) {
        return require(queues, logicalId, "queue");
    }

    public Optional<QueueDef> queueByArn(String arn) {
        return queues.values().stream().filter(q -> q.arn().equals(arn)).findFirst();
    }

    public List<FunctionEvent.HttpApi> routes() {
        return events(FunctionEvent.HttpApi.class);
    }

    public List<FunctionEvent.Sqs> sqsEvents() {
        return events(FunctionEvent.Sqs.class);
    }

    public List<FunctionEvent.Schedule> schedules() {
        return events(FunctionEvent.Schedule.class);
    }

    public <T extends FunctionEvent> List<T> events(Class<T> type) {
        return functions.values().stream().map(FunctionDef::events).flatMap(Collection::stream)
                .filter(type::isInstance).map(type::cast).toList();
    }

    private static <T> T require(Map<String, T> map, String logicalId, String kind) {
        T value = map.get(logicalId);
        if (value == null) throw new IllegalArgumentException("no " + kind + " '" + logicalId + "' in the template; there are " + map.keySet());
        return value;
    }
}
