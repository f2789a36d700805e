package org.linli.adapters.dynamo.volunteer;

import java.util.List;
import java.util.Map;
import org.linli.adapters.dynamo.Attr;
import org.linli.adapters.dynamo.DynamoCalls;
import org.linli.adapters.dynamo.IndexQuery;
import org.linli.adapters.dynamo.TableKeys;
import org.linli.core.Page;
import org.linli.privacy.Erased;
import org.linli.privacy.VolunteerData;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

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
        try {
            // The version stays: the contact is not something a staff edit or a claim can race with (none writes it).
            var r = DynamoCalls.call("UpdateItem wish contact", () -> dynamo.updateItem(b -> b.tableName(table)
                    .key(VolunteerKeys.wish(wishId))
                    .updateExpression("REMOVE contactName, contactPhone, photoKeys")
                    .conditionExpression(TableKeys.PRESENT).returnValues(ReturnValue.UPDATED_OLD)));
            return new Erased(true, r.hasAttributes() ? Attr.list(r.attributes(), "photoKeys") : List.of());
        } catch (ConditionalCheckFailedException e) {
            return Erased.NOTHING;
        }
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
