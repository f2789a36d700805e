package org.linli.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Clock;
import org.linli.adapters.dynamo.DynamoNotificationStore;
import org.linli.adapters.dynamo.DynamoTerritoryDirectory;
import org.linli.adapters.sqs.CaseEventMessage;
import org.linli.adapters.sqs.SqsOutbox;
import org.linli.config.AwsClients;
import org.linli.config.Env;
import org.linli.notify.Notifier;
import org.linli.notify.PushTemplates;
import org.linli.observability.Log;

/**
 * Consumes {@code case.event} messages: resolves who must hear of each (reporters and followers,
 * the assignee, the dispatchers of the level a case lands at, summoned departments) and writes
 * their inbox notifications, idempotently; those of a kind with a WeChat template go on to the
 * notification queue, whose consumer pushes them once. Failures are reported per message.
 */
public final class CaseEventsConsumer implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final Notifier notifier;

    public CaseEventsConsumer() {
        this(new Notifier(new DynamoTerritoryDirectory(AwsClients.dynamo(), Env.require("TERRITORY_TABLE"), Clock.systemUTC()),
                new DynamoNotificationStore(AwsClients.dynamo(), Env.require("NOTIFICATIONS_TABLE")),
                new SqsOutbox(AwsClients.sqs(), Env.require("NOTIFICATION_QUEUE_URL")), PushTemplates.fromClasspath()));
    }

    public CaseEventsConsumer(Notifier notifier) {
        this.notifier = notifier;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return MessageLoop.run(event, "case_event", CaseEventMessage::decode, "eventId", e -> e.eventId(),
                (e, messageId) -> {
                    int added = notifier.deliver(e);
                    Log.info("case_event.delivered", "eventId", e.eventId(), "caseId", e.caseId(), "action", e.action(),
                            "notifications", added, "messageId", messageId);
                });
    }
}
