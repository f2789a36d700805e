package org.linli.local.template;

/**
 * A CloudWatch alarm on an SQS queue metric, kept so the local cloud can show its would-be state.
 *
 * @param comparisonOperator e.g. GreaterThanThreshold
 */
public record AlarmDef(String logicalId, String alarmName, String queueLogicalId, String metricName,
                       String statistic, double threshold, String comparisonOperator) {

    /** The state CloudWatch would compute for one datapoint. */
    public boolean breaches(double value) {
        return switch (comparisonOperator) {
            case "GreaterThanThreshold" -> value > threshold;
            case "GreaterThanOrEqualToThreshold" -> value >= threshold;
            case "LessThanThreshold" -> value < threshold;
            case "LessThanOrEqualToThreshold" -> value <= threshold;
            default -> false;
        };
    }
}
