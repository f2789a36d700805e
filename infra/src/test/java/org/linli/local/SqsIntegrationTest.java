package org.linli.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.linli.local.Http.await;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.local.testfn.SqsHandler;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * The SQS event source of the test template: WorkQueue (visibility 1 s, maxReceiveCount 2 into
 * WorkDLQ) consumed by SqsHandler with ReportBatchItemFailures.
 */
class SqsIntegrationTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static LocalCloud cloud;
    private static SqsClient sqs;

    @BeforeEach
    void start() {
        cloud = TestClouds.cloud();
        sqs = cloud.sqs();
    }

    private static void send(String... bodies) {
        List<SendMessageBatchRequestEntry> entries = new java.util.ArrayList<>();
        for (int i = 0; i < bodies.length; i++) entries.add(SendMessageBatchRequestEntry.builder().id("e" + i).messageBody(bodies[i]).build());
        sqs.sendMessageBatch(r -> r.queueUrl(cloud.queueUrl("WorkQueue")).entries(entries));
    }

    /** Looks into the DLQ without taking anything (visibility timeout 0 on receive). */
    private static List<Message> peekDlq() {
        return sqs.receiveMessage(r -> r.queueUrl(cloud.queueUrl("WorkDLQ")).maxNumberOfMessages(10).visibilityTimeout(0)).messages();
    }

    private static boolean inDlq(String body) {
        return peekDlq().stream().anyMatch(m -> m.body().equals(body));
    }

    @Test
    void onlyTheReportedFailuresAreRetriedAndEndInTheDlq() {
        String m = UUID.randomUUID().toString();
        send("ok-" + m + "-1", "fail-" + m, "ok-" + m + "-2");
        await(PATIENCE, "the failed message in the DLQ", () -> inDlq("fail-" + m));
        List<SQSEvent.SQSMessage> failed = SqsHandler.received("fail-" + m);
        assertEquals(2, failed.size(), "maxReceiveCount 2: delivered twice, then moved");
        assertEquals("1", failed.get(0).getAttributes().get("ApproximateReceiveCount"));
        assertEquals("2", failed.get(1).getAttributes().get("ApproximateReceiveCount"));
        assertEquals(1, SqsHandler.received("ok-" + m + "-1").size(), "deleted after success, never redelivered");
        assertEquals(1, SqsHandler.received("ok-" + m + "-2").size());
        assertTrue(peekDlq().stream().noneMatch(x -> x.body().contains("ok-" + m)));
    }

    @Test
    void aThrownExceptionFailsTheWholeBatch() {
        String m = UUID.randomUUID().toString();
        send("throw-" + m);
        await(PATIENCE, "the message of the failed batch in the DLQ", () -> inDlq("throw-" + m));
        assertEquals(2, SqsHandler.received("throw-" + m).size());
    }

    @Test
    void anUnknownItemIdentifierFailsTheWholeBatch() {
        String m = UUID.randomUUID().toString();
        send("bad-id-" + m);
        await(PATIENCE, "the message in the DLQ", () -> inDlq("bad-id-" + m));
        assertEquals(2, SqsHandler.received("bad-id-" + m).size());
    }

    @Test
    void theEventCarriesAttributesAsLambdaDoes() {
        String body = "attrs-" + UUID.randomUUID();
        sqs.sendMessage(r -> r.queueUrl(cloud.queueUrl("WorkQueue")).messageBody(body).messageAttributes(Map.of(
                "kind", MessageAttributeValue.builder().dataType("String").stringValue("report").build(),
                "blob", MessageAttributeValue.builder().dataType("Binary").binaryValue(SdkBytes.fromByteArray(new byte[] {7, 8})).build())));
        await(PATIENCE, "the message delivered", () -> !SqsHandler.received(body).isEmpty());
        SQSEvent.SQSMessage msg = SqsHandler.received(body).get(0);
        assertEquals("aws:sqs", msg.getEventSource());
        assertEquals(cloud.queueArn("WorkQueue"), msg.getEventSourceArn());
        assertEquals(TestClouds.region(), msg.getAwsRegion());
        assertEquals("report", msg.getMessageAttributes().get("kind").getStringValue());
        assertEquals("String", msg.getMessageAttributes().get("kind").getDataType());
        assertEquals(2, msg.getMessageAttributes().get("blob").getBinaryValue().remaining());
        for (String a : List.of("ApproximateReceiveCount", "SentTimestamp", "SenderId", "ApproximateFirstReceiveTimestamp")) {
            assertTrue(msg.getAttributes().containsKey(a), a + " in " + msg.getAttributes());
        }
        assertTrue(msg.getMd5OfBody() != null && !msg.getMd5OfBody().isEmpty());
    }

    @Test
    void queuesPageShowsDepthsAndTheDlqAlarm() {
        String m = UUID.randomUUID().toString();
        send("fail-alarm-" + m);
        await(PATIENCE, "a message in the DLQ", () -> inDlq("fail-alarm-" + m));
        JsonNode page = Http.json(Http.get(cloud, "/_local/queues").body());
        JsonNode dlq = null;
        for (JsonNode q : page.get("queues")) if (q.get("logicalId").asText().equals("WorkDLQ")) dlq = q;
        assertTrue(dlq != null && dlq.get("isDeadLetterQueue").asBoolean());
        assertTrue(dlq.get("approximateNumberOfMessages").asInt() >= 1, dlq.toString());
        JsonNode alarm = page.get("alarms").get(0);
        assertEquals("WorkDLQDepthAlarm", alarm.get("logicalId").asText());
        assertEquals("ALARM", alarm.get("state").asText(), alarm.toString());
        assertEquals(cloud.model().queues().size(), page.get("queues").size());
        int dlqDepth = Integer.parseInt(sqs.getQueueAttributes(r -> r.queueUrl(cloud.queueUrl("WorkDLQ"))
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes().get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
        assertTrue(dlqDepth >= 1);
        var stats = cloud.eventSources().get(0).stats();
        assertTrue(stats.failed() >= 1 && stats.deleted() >= 0 && stats.batches() >= 1, stats.toString());
    }
}
