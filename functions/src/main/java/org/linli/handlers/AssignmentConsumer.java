package org.linli.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import org.linli.adapters.sqs.ReportReceivedMessage;
import org.linli.cases.Assignment;
import org.linli.observability.Log;
import org.linli.report.ReportReceived;
import org.linli.wiring.Wiring;

/**
 * Consumes the assignment queue: each report.received message becomes a case. Failures are
 * reported per message (partial batch response) so one bad message never re-runs its batch
 * mates; a message that can never succeed fails until it reaches the DLQ and its alarm.
 */
public final class AssignmentConsumer implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final Assignment assignment;

    public AssignmentConsumer() {
        this(Wiring.current().assignment());
    }

    public AssignmentConsumer(Assignment assignment) {
        this.assignment = assignment;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return MessageLoop.run(event, "assignment", ReportReceivedMessage::decode, "reportId", ReportReceived::reportId,
                (report, messageId) -> {
                    Assignment.Outcome o = assignment.assign(report);
                    Log.info(!o.created() ? "case.redelivery_ignored" : o.joined() ? "case.joined" : "case.opened",
                            "reportId", report.reportId(), "caseId", o.c().id(), "status", o.c().status(), "rule", o.rule(),
                            "mapVersion", o.c().placement().mapVersion(), "messageId", messageId);
                });
    }
}
