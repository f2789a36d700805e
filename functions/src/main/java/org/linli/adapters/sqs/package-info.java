/**
 * SQS adapters: the wire format of each message (versioned JSON, no personal information beyond
 * what the consumer needs) and the queue ports. SDK failures become
 * {@link org.linli.core.QueueUnavailable}.
 */
package org.linli.adapters.sqs;
