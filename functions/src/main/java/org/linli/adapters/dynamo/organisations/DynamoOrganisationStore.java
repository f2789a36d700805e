package org.linli.adapters.dynamo.organisations;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.linli.adapters.dynamo.Attr;
import org.linli.adapters.dynamo.DynamoCalls;
import org.linli.adapters.dynamo.PutIfAbsent;
import org.linli.adapters.dynamo.Queries;
import org.linli.adapters.dynamo.TableKeys;
import org.linli.adapters.dynamo.Transactions;
import org.linli.adapters.dynamo.volunteer.VolunteerKeys;
import org.linli.organisations.Contact;
import org.linli.organisations.MemberLink;
import org.linli.organisations.Organisation;
import org.linli.organisations.OrganisationKind;
import org.linli.organisations.OrganisationStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * {@link OrganisationStore} on the volunteer table: partition {@code ORGS#<community>} holds one
 * {@code ORG#<id>} item per organisation and one {@code LINK#<memberId>} item per linked member, so
 * the roster (what the summaries sum) is one Query.
 */
public final class DynamoOrganisationStore implements OrganisationStore {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoOrganisationStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<Organisation> register(Organisation o) {
        return PutIfAbsent.put(dynamo, table, "organisation", item(o)).map(DynamoOrganisationStore::organisation);
    }

    @Override
    public Optional<Organisation> find(String community, String organisationId) {
        var r = DynamoCalls.call("GetItem organisation", () -> dynamo.getItem(b -> b.tableName(table)
                .key(VolunteerKeys.organisation(community, organisationId)).consistentRead(true)));
        return r.hasItem() && !r.item().isEmpty() ? Optional.of(organisation(r.item())) : Optional.empty();
    }

    @Override
    public boolean update(Organisation after, long expectedVersion) {
        try {
            DynamoCalls.call("PutItem organisation", () -> dynamo.putItem(b -> b.tableName(table).item(item(after))
                    .conditionExpression("#v = :v").expressionAttributeNames(Map.of("#v", "version"))
                    .expressionAttributeValues(Map.of(":v", Attr.n(expectedVersion)))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** One transaction: the organisation must exist, the member's link is put (replacing any earlier one). */
    @Override
    public boolean link(MemberLink link) {
        Map<String, AttributeValue> item = new HashMap<>(VolunteerKeys.organisationLink(link.community(), link.memberId()));
        item.put("type", Attr.s("ORG_LINK"));
        item.put("community", Attr.s(link.community()));
        item.put("memberId", Attr.s(link.memberId()));
        item.put("organisationId", Attr.s(link.organisationId()));
        Attr.put(item, "linkedAt", link.linkedAt());
        item.put("linkedBy", Attr.s(link.linkedBy()));
        TransactWriteItem exists = TransactWriteItem.builder().conditionCheck(c -> c.tableName(table)
                .key(VolunteerKeys.organisation(link.community(), link.organisationId())).conditionExpression(TableKeys.PRESENT)).build();
        TransactWriteItem put = TransactWriteItem.builder().put(p -> p.tableName(table).item(item)).build();
        return Transactions.writeOrExplain(dynamo, "organisation link", List.of(exists, put)).isEmpty();
    }

    @Override
    public Roster roster(String community) {
        List<Organisation> organisations = new ArrayList<>();
        List<MemberLink> links = new ArrayList<>();
        for (Map<String, AttributeValue> i : Queries.all(dynamo, "organisations", b -> b.tableName(table)
                .keyConditionExpression(TableKeys.PK + " = :p")
                .expressionAttributeValues(Map.of(":p", Attr.s(VolunteerKeys.organisations(community)))).consistentRead(true))) {
            String sk = Attr.str(i, TableKeys.SK);
            if (sk.startsWith(VolunteerKeys.ORGANISATION)) organisations.add(organisation(i));
            else if (sk.startsWith(VolunteerKeys.ORG_LINK)) {
                links.add(new MemberLink(Attr.str(i, "community"), Attr.str(i, "memberId"), Attr.str(i, "organisationId"),
                        Attr.instant(i, "linkedAt"), Attr.str(i, "linkedBy")));
            }
        }
        return new Roster(organisations, links);
    }

    private static Map<String, AttributeValue> item(Organisation o) {
        Map<String, AttributeValue> item = new HashMap<>(VolunteerKeys.organisation(o.community(), o.id()));
        item.put("type", Attr.s("ORGANISATION"));
        item.put("id", Attr.s(o.id()));
        item.put("community", Attr.s(o.community()));
        item.put("kind", Attr.s(o.kind().name()));
        item.put("name", Attr.s(o.name()));
        item.put("contactName", Attr.s(o.contact().name()));
        item.put("contactPhone", Attr.s(o.contact().phone()));
        Attr.put(item, "address", o.address());
        Attr.put(item, "registeredAt", o.registeredAt());
        item.put("registeredBy", Attr.s(o.registeredBy()));
        Attr.put(item, "updatedAt", o.updatedAt());
        item.put("updatedBy", Attr.s(o.updatedBy()));
        item.put("version", Attr.n(o.version()));
        return item;
    }

    private static Organisation organisation(Map<String, AttributeValue> i) {
        return new Organisation(Attr.str(i, "id"), Attr.str(i, "community"), Attr.enumOf(i, "kind", OrganisationKind.class),
                Attr.str(i, "name"), new Contact(Attr.str(i, "contactName"), Attr.str(i, "contactPhone")), Attr.str(i, "address"),
                Attr.instant(i, "registeredAt"), Attr.str(i, "registeredBy"), Attr.instant(i, "updatedAt"), Attr.str(i, "updatedBy"),
                Attr.num(i, "version", 1));
    }
}
