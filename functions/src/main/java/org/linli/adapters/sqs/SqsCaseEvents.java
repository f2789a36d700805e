package org.linli.adapters.sqs;

import org.linli.cases.CaseEvent;
import org.linli.cases.CaseEventPublisher;
import org.linli.core.QueueUnavailable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/** {@link CaseEventPublisher} on SQS: one SendMessage per event. */
public final class SqsCaseEvents implements CaseEventPublisher {
    private final SqsClient sqs;
    private final String queueUrl;

    public SqsCaseEvents(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void publish(CaseEvent event) {
        try {
            sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(CaseEventMessage.encode(event)));
        } catch (SdkException e) {
            throw new QueueUnavailable("The case events queue could not be reached.", e);
        }
    }
}
