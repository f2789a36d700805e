package org.linli.local.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The SQSEvent JSON Lambda sends for a batch: per record messageId, receiptHandle, body, the
 * system attributes Lambda passes on, message attributes in Lambda's shape (camelCase, list
 * fields always present, binary base64), md5OfBody, eventSource, eventSourceARN and awsRegion.
 */
public final class SqsEvents {
    static final ObjectMapper JSON = new ObjectMapper();

    /** The system attributes Lambda includes, in its order; FIFO ones only exist on FIFO queues. */
    private static final List<MessageSystemAttributeName> ATTRIBUTES = List.of(
            MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT,
            MessageSystemAttributeName.SENT_TIMESTAMP,
            MessageSystemAttributeName.SENDER_ID,
            MessageSystemAttributeName.APPROXIMATE_FIRST_RECEIVE_TIMESTAMP,
            MessageSystemAttributeName.SEQUENCE_NUMBER,
            MessageSystemAttributeName.MESSAGE_GROUP_ID,
            MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID,
            MessageSystemAttributeName.AWS_TRACE_HEADER,
            MessageSystemAttributeName.DEAD_LETTER_QUEUE_SOURCE_ARN);

    private SqsEvents() {}

    public static ObjectNode event(List<Message> messages, String queueArn, String region) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (Message m : messages) records.add(record(m, queueArn, region));
        return event;
    }

    static ObjectNode record(Message m, String queueArn, String region) {
        ObjectNode r = JSON.createObjectNode();
        r.put("messageId", m.messageId());
        r.put("receiptHandle", m.receiptHandle());
        r.put("body", m.body());
        ObjectNode attributes = r.putObject("attributes");
        Map<MessageSystemAttributeName, String> system = m.attributes();
        for (MessageSystemAttributeName name : ATTRIBUTES) {
            String value = system.get(name);
            if (value != null) attributes.put(name.toString(), value);
        }
        ObjectNode messageAttributes = r.putObject("messageAttributes");
        m.messageAttributes().forEach((name, value) -> messageAttributes.set(name, attribute(value)));
        if (m.md5OfMessageAttributes() != null) r.put("md5OfMessageAttributes", m.md5OfMessageAttributes());
        r.put("md5OfBody", m.md5OfBody());
        r.put("eventSource", "aws:sqs");
        r.put("eventSourceARN", queueArn);
        r.put("awsRegion", region);
        return r;
    }

    private static ObjectNode attribute(MessageAttributeValue v) {
        ObjectNode a = JSON.createObjectNode();
        if (v.stringValue() != null) a.put("stringValue", v.stringValue());
        if (v.binaryValue() != null) a.put("binaryValue", base64(v.binaryValue()));
        ArrayNode strings = a.putArray("stringListValues");
        v.stringListValues().forEach(strings::add);
        ArrayNode binaries = a.putArray("binaryListValues");
        v.binaryListValues().forEach(b -> binaries.add(base64(b)));
        a.put("dataType", v.dataType());
        return a;
    }

    private static String base64(SdkBytes bytes) {
        return Base64.getEncoder().encodeToString(bytes.asByteArray());
    }
}
