package org.linli.local.template;

/**
 * An AWS::SQS::Queue. Null numbers mean "not set in the template" (the service default applies).
 *
 * @param redrive the RedrivePolicy, or null
 */
public record QueueDef(String logicalId, String queueName, String url, String arn, boolean fifo,
                       boolean contentBasedDeduplication, Integer visibilityTimeout, Integer messageRetentionPeriod,
                       Integer delaySeconds, Integer receiveMessageWaitTimeSeconds, Integer maximumMessageSize,
                       Redrive redrive) {

    /** @param deadLetterQueueLogicalId the template queue deadLetterTargetArn points at */
    public record Redrive(String deadLetterQueueLogicalId, String deadLetterTargetArn, int maxReceiveCount) {}
}
