package org.linli.local.events;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

class SqsEventsTest {
    private static final String ARN = "arn:aws-cn:sqs:cn-north-1:000000000000:work";

    private static Message standard() {
        return Message.builder().messageId("m-1").receiptHandle("rh-1").body("{\"reportId\":\"r1\"}").md5OfBody("md5")
                .md5OfMessageAttributes("md5attrs")
                .attributes(Map.of(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "2",
                        MessageSystemAttributeName.SENT_TIMESTAMP, "1700000000000",
                        MessageSystemAttributeName.SENDER_ID, "AIDAEXAMPLE",
                        MessageSystemAttributeName.APPROXIMATE_FIRST_RECEIVE_TIMESTAMP, "1700000000100"))
                .messageAttributes(Map.of(
                        "kind", MessageAttributeValue.builder().dataType("String").stringValue("report").build(),
                        "blob", MessageAttributeValue.builder().dataType("Binary").binaryValue(SdkBytes.fromByteArray(new byte[] {1, 2, 3})).build()))
                .build();
    }

    @Test
    void recordShapeIsLambdas() {
        JsonNode r = SqsEvents.event(List.of(standard()), ARN, "cn-north-1").get("Records").get(0);
        assertEquals("m-1", r.get("messageId").asText());
        assertEquals("rh-1", r.get("receiptHandle").asText());
        assertEquals("{\"reportId\":\"r1\"}", r.get("body").asText());
        assertEquals("2", r.at("/attributes/ApproximateReceiveCount").asText());
        assertEquals("1700000000000", r.at("/attributes/SentTimestamp").asText());
        assertEquals("AIDAEXAMPLE", r.at("/attributes/SenderId").asText());
        assertEquals("1700000000100", r.at("/attributes/ApproximateFirstReceiveTimestamp").asText());
        assertFalse(r.get("attributes").has("MessageGroupId"), "FIFO attributes only on FIFO queues");
        JsonNode kind = r.at("/messageAttributes/kind");
        assertEquals("report", kind.get("stringValue").asText());
        assertEquals("String", kind.get("dataType").asText());
        assertTrue(kind.get("stringListValues").isArray() && kind.get("stringListValues").isEmpty());
        assertTrue(kind.get("binaryListValues").isArray());
        assertFalse(kind.has("binaryValue"));
        assertEquals("AQID", r.at("/messageAttributes/blob/binaryValue").asText());
        assertEquals("md5", r.get("md5OfBody").asText());
        assertEquals("md5attrs", r.get("md5OfMessageAttributes").asText());
        assertEquals("aws:sqs", r.get("eventSource").asText());
        assertEquals(ARN, r.get("eventSourceARN").asText());
        assertEquals("cn-north-1", r.get("awsRegion").asText());
    }

    @Test
    void theLambdaSerializerReadsIt() {
        Message fifo = Message.builder().messageId("m-2").receiptHandle("rh-2").body("x").md5OfBody("md5")
                .attributes(Map.of(MessageSystemAttributeName.MESSAGE_GROUP_ID, "g1",
                        MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID, "d1",
                        MessageSystemAttributeName.SEQUENCE_NUMBER, "18849496460467696128"))
                .build();
        String json = SqsEvents.event(List.of(standard(), fifo), ARN, "cn-north-1").toString();
        SQSEvent e = LambdaEventSerializers.serializerFor(SQSEvent.class, getClass().getClassLoader()).fromJson(json);
        assertEquals(2, e.getRecords().size());
        SQSEvent.SQSMessage m = e.getRecords().get(0);
        assertEquals("m-1", m.getMessageId());
        assertEquals("rh-1", m.getReceiptHandle());
        assertEquals("aws:sqs", m.getEventSource());
        assertEquals(ARN, m.getEventSourceArn());
        assertEquals("cn-north-1", m.getAwsRegion());
        assertEquals("2", m.getAttributes().get("ApproximateReceiveCount"));
        assertEquals("report", m.getMessageAttributes().get("kind").getStringValue());
        byte[] blob = new byte[m.getMessageAttributes().get("blob").getBinaryValue().remaining()];
        m.getMessageAttributes().get("blob").getBinaryValue().get(blob);
        assertArrayEquals(new byte[] {1, 2, 3}, blob);
        SQSEvent.SQSMessage f = e.getRecords().get(1);
        assertEquals("g1", f.getAttributes().get("MessageGroupId"));
        assertEquals("d1", f.getAttributes().get("MessageDeduplicationId"));
        assertEquals("18849496460467696128", f.getAttributes().get("SequenceNumber"));
    }
}
