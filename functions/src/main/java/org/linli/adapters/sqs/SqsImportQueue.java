package org.linli.adapters.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import org.linli.core.Ids;
import org.linli.core.QueueUnavailable;
import org.linli.json.Json;
import org.linli.territory.imports.ImportQueue;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/** {@link ImportQueue} on SQS: {@code {"type":"territory.import","v":1,"jobId":"imp_…"}}. */
public final class SqsImportQueue implements ImportQueue {
    public static final String TYPE = "territory.import";

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsImportQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void send(String jobId) {
        try {
            sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(encode(jobId)));
        } catch (SdkException e) {
            throw new QueueUnavailable("The import queue could not be reached.", e);
        }
    }

    public static String encode(String jobId) {
        return Json.write(Json.object().put("type", TYPE).put("v", 1).put("jobId", jobId));
    }

    /** The job id; IllegalArgumentException for anything that is not a v1 territory.import message. */
    public static String decode(String body) {
        JsonNode n;
        try {
            n = Json.parse(body);
        } catch (Json.MalformedJson e) {
            throw new IllegalArgumentException("not JSON");
        }
        String jobId = n.path("jobId").asText("");
        if (!TYPE.equals(n.path("type").asText()) || n.path("v").asInt() != 1 || !Ids.looksLike(jobId, "imp")) {
            throw new IllegalArgumentException("not a territory.import v1 message");
        }
        return jobId;
    }
}
