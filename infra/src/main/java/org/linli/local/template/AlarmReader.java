package org.linli.local.template;

import java.util.Map;
import java.util.Optional;

/** AWS::CloudWatch::Alarm on an AWS/SQS metric of a template queue; other alarms are not emulated. */
final class AlarmReader {
    private AlarmReader() {}

    static Optional<AlarmDef> read(String logicalId, String alarmName, Map<String, Object> p, Lookup lookup) {
        if (!"AWS/SQS".equals(Values.str(p.get("Namespace")))) return Optional.empty();
        String queue = null;
        for (Object d : Values.list(p.get("Dimensions"))) {
            Map<String, Object> dim = Values.map(d);
            if ("QueueName".equals(Values.str(dim.get("Name")))) queue = lookup.queueByName().get(Values.str(dim.get("Value")));
        }
        if (queue == null) return Optional.empty();
        Double threshold = Values.number(p.get("Threshold"), logicalId + ".Threshold");
        return Optional.of(new AlarmDef(logicalId, alarmName, queue, Values.str(p.get("MetricName")),
                Values.str(p, "Statistic", "Maximum"), threshold == null ? 0 : threshold,
                Values.str(p, "ComparisonOperator", "GreaterThanThreshold")));
    }
}
