package org.linli.adapters.dynamo.volunteer;

import java.util.Map;
import org.linli.adapters.dynamo.Attr;
import org.linli.adapters.dynamo.ContactRemoval;
import org.linli.adapters.dynamo.DynamoCalls;
import org.linli.adapters.dynamo.IndexQuery;
import org.linli.adapters.dynamo.TableKeys;
import org.linli.core.Page;
import org.linli.privacy.Erased;
import org.linli.privacy.VolunteerData;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@link VolunteerData} on the volunteer table: the user's wishes found by the ByUser index
 * ({@code PLACED#userId}), each losing its contact in one {@code UpdateItem}; his registration
 * ({@code MEMBER#userId / MEMBERSHIP}, the member id is the user id) renamed and without phone.
 */
public final class DynamoVolunteerData implements VolunteerData {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoVolunteerData(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Page<String> wishesPlacedBy(String userId, int limit, String cursor) {
        return IndexQuery.page(dynamo, table, VolunteerKeys.BY_USER, VolunteerKeys.USER_PK, VolunteerKeys.USER_SK,
                VolunteerKeys.placed(userId), null, false, limit, cursor, i -> Attr.str(i, "wishId"));
    }

    @Override
    public Erased eraseWishContact(String wishId) {
        // The version stays: no staff edit or claim writes the contact, so none can race with its removal.
        return ContactRemoval.remove(dynamo, table, VolunteerKeys.wish(wishId), "REMOVE contactName, contactPhone, photoKeys",
                "UpdateItem wish contact");
    }

    @Override
    public boolean anonymiseMembership(String userId, String pseudonym) {
        try {
            DynamoCalls.call("UpdateItem membership anonymise", () -> dynamo.updateItem(b -> b.tableName(table)
                    .key(VolunteerKeys.membership(userId))
                    .updateExpression("SET #n = :n, anonymised = :t REMOVE phone")
                    .conditionExpression(TableKeys.PRESENT)
                    .expressionAttributeNames(Map.of("#n", "name"))
                    .expressionAttributeValues(Map.of(":n", Attr.s(pseudonym), ":t", AttributeValue.fromBool(true)))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}
