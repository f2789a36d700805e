package org.linli.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Clock;
import org.linli.adapters.dynamo.DynamoCaseStore;
import org.linli.adapters.dynamo.DynamoDepartmentDirectory;
import org.linli.adapters.dynamo.DynamoTerritoryDirectory;
import org.linli.adapters.sqs.ReportReceivedMessage;
import org.linli.adapters.sqs.SqsCaseEvents;
import org.linli.cases.Assignment;
import org.linli.categories.Categories;
import org.linli.config.AwsClients;
import org.linli.config.Env;
import org.linli.observability.Log;
import org.linli.report.ReportReceived;
import org.linli.territory.Locator;

/**
 * Consumes the assignment queue: each report.received message becomes a case. Failures are
 * reported per message (partial batch response) so one bad message never re-runs its batch
 * mates; a message that can never succeed fails until it reaches the DLQ and its alarm.
 */
public final class AssignmentConsumer implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final Assignment assignment;

    public AssignmentConsumer() {
        this(build());
    }

    public AssignmentConsumer(Assignment assignment) {
        this.assignment = assignment;
    }

    private static Assignment build() {
        var dynamo = AwsClients.dynamo();
        var clock = Clock.systemUTC();
        var directory = new DynamoTerritoryDirectory(dynamo, Env.require("TERRITORY_TABLE"), clock,
                java.time.Duration.ofSeconds(Long.parseLong(Env.getOr("MAP_CACHE_SECONDS", "30"))));
        return new Assignment(new Locator(directory), directory, new DynamoCaseStore(dynamo, Env.require("CASES_TABLE")),
                new DynamoDepartmentDirectory(dynamo, Env.require("TERRITORY_TABLE")),
                new SqsCaseEvents(AwsClients.sqs(), Env.require("CASE_EVENTS_QUEUE_URL")), Categories.fromClasspath(), clock);
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
