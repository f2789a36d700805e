package org.linli.adapters.dynamo;

import java.util.List;
import java.util.Map;
import org.linli.privacy.Erased;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Erasing a contact from one item (a report, a wish): one conditional {@code UpdateItem} that removes
 * the attributes, including {@code photoKeys}, and answers the photos they named so they can go too.
 */
public final class ContactRemoval {
    private ContactRemoval() {}

    /** Applies {@code remove} (a REMOVE expression naming photoKeys) if the item exists; not done when it does not. */
    public static Erased remove(DynamoDbClient dynamo, String table, Map<String, AttributeValue> key, String remove, String operation) {
        try {
            var r = DynamoCalls.call(operation, () -> dynamo.updateItem(b -> b.tableName(table).key(key)
                    .updateExpression(remove).conditionExpression(TableKeys.PRESENT).returnValues(ReturnValue.UPDATED_OLD)));
            return new Erased(true, r.hasAttributes() ? Attr.list(r.attributes(), "photoKeys") : List.of());
        } catch (ConditionalCheckFailedException e) {
            return Erased.NOTHING;
        }
    }
}
