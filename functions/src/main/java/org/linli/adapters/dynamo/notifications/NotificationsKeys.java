package org.linli.adapters.dynamo.notifications;

import java.util.Map;
import org.linli.adapters.dynamo.TableKeys;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Key layout of the notifications table (see docs/data-model.md): a recipient's partition holds
 * his inbox, newest last by id ({@code N#<id>}, ids sort by time). An event's SMS are under
 * {@code SMS#<eventId>}, one per phone ({@code TO#<recipient key>}, a hash of the number).
 */
public final class NotificationsKeys {
    /** The sort-key prefix of inbox items. */
    public static final String NOTIFICATION = "N#";

    private NotificationsKeys() {}

    /** A recipient's inbox partition. */
    public static String inbox(String userId) {
        return "USER#" + userId;
    }

    /** The SMS of one event to one phone (its recipient key, never the number). */
    public static Map<String, AttributeValue> sms(String eventId, String recipientKey) {
        return TableKeys.key("SMS#" + eventId, "TO#" + recipientKey);
    }

    public static Map<String, AttributeValue> notification(String userId, String id) {
        return TableKeys.key(inbox(userId), NOTIFICATION + id);
    }
}
