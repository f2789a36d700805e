package org.linli.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import org.linli.adapters.sqs.SqsImportQueue;
import org.linli.observability.Log;
import org.linli.territory.imports.ImportRunner;
import org.linli.wiring.Wiring;

/**
 * Consumes the import queue: validates and publishes one committed import per message, writing
 * its progress to the job as it goes. A message whose job is running elsewhere, or whose run hit
 * a transient failure, is reported failed and comes back after the visibility timeout; an
 * unexpected error marks the job FAILED and the message fails until the DLQ and its alarm.
 */
public final class ImportWorker implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final ImportRunner runner;

    public ImportWorker() {
        this(Wiring.current().importRunner());
    }

    public ImportWorker(ImportRunner runner) {
        this.runner = runner;
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
