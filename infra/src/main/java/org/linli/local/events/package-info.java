/**
 * SQS event source mappings: pollers that receive from the template's queues, build the
 * {@code SQSEvent} JSON exactly as Lambda does, invoke the function and delete what succeeded
 * (all of the batch, or all but the reported {@code batchItemFailures}).
 */
package org.linli.local.events;
