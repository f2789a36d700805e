package org.linli.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Clock;
import java.time.Duration;
import org.linli.adapters.dynamo.DynamoImportJobs;
import org.linli.adapters.dynamo.DynamoTerritoryDirectory;
import org.linli.adapters.dynamo.DynamoTerritoryRepository;
import org.linli.adapters.sqs.SqsImportQueue;
import org.linli.config.AwsClients;
import org.linli.config.Env;
import org.linli.observability.Log;
import org.linli.territory.imports.ImportRunner;

/**
 * Consumes the import queue: validates and publishes one committed import per message, writing
 * its progress to the job as it goes. A message whose job is running elsewhere, or whose run hit
 * a transient failure, is reported failed and comes back after the visibility timeout; an
 * unexpected error marks the job FAILED and the message fails until the DLQ and its alarm.
 */
public final class ImportWorker implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final ImportRunner runner;

    public ImportWorker() {
        this(build());
    }

    public ImportWorker(ImportRunner runner) {
        this.runner = runner;
    }

    private static ImportRunner build() {
        var dynamo = AwsClients.dynamo();
        var clock = Clock.systemUTC();
        String table = Env.require("TERRITORY_TABLE");
        return new ImportRunner(new DynamoImportJobs(dynamo, table, clock),
                new DynamoTerritoryDirectory(dynamo, table, clock, Duration.ZERO),
                new DynamoTerritoryRepository(dynamo, table, clock), clock, Duration.ofSeconds(1));
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return MessageLoop.attempt(event, "import", SqsImportQueue::decode, "jobId", jobId -> jobId, (jobId, messageId) -> {
            ImportRunner.Outcome o = runner.run(jobId);
            Log.info("import.run", "jobId", jobId, "outcome", o, "messageId", messageId);
            return o != ImportRunner.Outcome.BUSY; // running elsewhere: come back after the visibility timeout
        });
    }
}
