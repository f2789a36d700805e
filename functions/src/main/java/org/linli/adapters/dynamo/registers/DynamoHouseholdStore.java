package org.linli.adapters.dynamo.registers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.linli.adapters.dynamo.Attr;
import org.linli.adapters.dynamo.BatchWrites;
import org.linli.adapters.dynamo.Cursors;
import org.linli.adapters.dynamo.DynamoCalls;
import org.linli.adapters.dynamo.Queries;
import org.linli.adapters.dynamo.TableKeys;
import org.linli.adapters.kms.EnvelopeCipher;
import org.linli.core.NotFound;
import org.linli.core.Page;
import org.linli.core.Times;
import org.linli.json.Json;
import org.linli.registers.Binding;
import org.linli.registers.Household;
import org.linli.registers.HouseholdListing;
import org.linli.registers.HouseholdStore;
import org.linli.registers.Resident;
import org.linli.registers.Rhythm;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Households in RegistersTable at {@code COMMUNITY#<code> / HH#<id>}. The members (names, ID
 * numbers, phones, relations) and the care categories are sealed ({@code membersSealed},
 * {@code careSealed}: AES-256-GCM under the item's data key {@code dataKey}, wrapped by KMS); what
 * lists show is kept in clear beside them (the masked head, counts, the place, the binding), so
 * a list decrypts nothing. Bound households are also in the {@code ByBound} index
 * ({@code BOUND#<userId>} / {@code HH#<community>#<id>}).
 */
public final class DynamoHouseholdStore implements HouseholdStore {
    public static final String BY_BOUND = "ByBound";
    public static final String BOUND_PK = "boundpk";
    public static final String BOUND_SK = "boundsk";

    private final DynamoDbClient dynamo;
    private final String table;
    private final EnvelopeCipher cipher;

    public DynamoHouseholdStore(DynamoDbClient dynamo, String table, EnvelopeCipher cipher) {
        this.dynamo = dynamo;
        this.table = table;
        this.cipher = cipher;
    }

    public static String partition(String community) {
        return "COMMUNITY#" + community;
    }

    public static String sort(String id) {
        return "HH#" + id;
    }

    @Override
    public void putAll(List<Household> households) {
        List<Map<String, AttributeValue>> items = new ArrayList<>(households.size());
        for (Household h : households) items.add(item(h));
        BatchWrites.putAll(dynamo, table, items);
    }

    private Map<String, AttributeValue> item(Household h) {
        String pk = partition(h.community());
        String sk = sort(h.id());
        Map<String, AttributeValue> item = new HashMap<>(TableKeys.key(pk, sk));
        HouseholdListing l = h.listing();
        item.put("id", Attr.s(h.id()));
        item.put("community", Attr.s(h.community()));
        item.put("buildingCode", Attr.s(h.buildingCode()));
        Attr.put(item, "unit", h.unit());
        Attr.put(item, "room", h.room());
        Attr.put(item, "headMasked", l.headMasked());
        item.put("memberCount", Attr.n(l.members()));
        item.put("careCount", Attr.n(l.careCount()));
        item.put("createdAt", Attr.s(Times.stored(h.createdAt())));
        EnvelopeCipher.Sealer s = cipher.sealer();
        item.put("dataKey", Attr.s(s.wrappedKey()));
        ArrayNode members = Json.array();
        for (Resident r : h.members()) {
            var o = members.addObject().put("name", r.name()).put("idNumber", r.idNumber()).put("relation", r.relation());
            if (r.phone() != null) o.put("phone", r.phone());
        }
        item.put("membersSealed", Attr.s(s.seal(Json.write(members), context(pk, sk, "members"))));
        ArrayNode care = Json.array();
        h.care().forEach(care::add);
        item.put("careSealed", Attr.s(s.seal(Json.write(care), context(pk, sk, "care"))));
        if (h.binding() != null) binding(item, h.community(), h.id(), h.binding());
        return item;
    }

    private static void binding(Map<String, AttributeValue> item, String community, String id, Binding b) {
        item.put("boundTo", Attr.s(b.userId()));
        item.put("rhythm", Attr.s(b.rhythm().name()));
        item.put("boundSince", Attr.s(Times.stored(b.since())));
        item.put("boundBy", Attr.s(b.boundBy()));
        item.put(BOUND_PK, Attr.s("BOUND#" + b.userId()));
        item.put(BOUND_SK, Attr.s("HH#" + community + "#" + id));
    }

    private static String context(String pk, String sk, String attribute) {
        return pk + "|" + sk + "|" + attribute;
    }

    @Override
    public Optional<Household> find(String community, String householdId) {
        var r = DynamoCalls.call("GetItem " + table, () -> dynamo.getItem(b -> b.tableName(table)
                .key(TableKeys.key(partition(community), sort(householdId))).consistentRead(true)));
        return r.hasItem() && !r.item().isEmpty() ? Optional.of(whole(r.item())) : Optional.empty();
    }

    @Override
    public Page<HouseholdListing> list(String community, int limit, String cursor) {
        QueryResponse r = Queries.page(dynamo, table, null, TableKeys.PK, TableKeys.SK, partition(community), limit, cursor, true,
                b -> b);
        return new Page<>(r.items().stream().map(DynamoHouseholdStore::listing).toList(), Cursors.encode(r.lastEvaluatedKey()));
    }

    @Override
    public Page<HouseholdListing> boundTo(String userId, int limit, String cursor) {
        QueryResponse r = Queries.page(dynamo, table, BY_BOUND, BOUND_PK, BOUND_SK, "BOUND#" + userId, limit, cursor, true, b -> b);
        return new Page<>(r.items().stream().map(DynamoHouseholdStore::listing).toList(), Cursors.encode(r.lastEvaluatedKey()));
    }

    @Override
    public List<Household> all(String community) {
        List<Household> out = new ArrayList<>();
        for (Map<String, AttributeValue> item : Queries.all(dynamo, table, q -> q.tableName(table).keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", Attr.s(partition(community)))))) {
            out.add(whole(item));
        }
        return out;
    }

    @Override
    public void bind(String community, String householdId, Binding b) {
        Map<String, AttributeValue> values = new HashMap<>();
        binding(values, community, householdId, b);
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> placeholders = new HashMap<>();
        List<String> sets = new ArrayList<>();
        int i = 0;
        for (var e : values.entrySet()) {
            names.put("#a" + i, e.getKey());
            placeholders.put(":v" + i, e.getValue());
            sets.add("#a" + i + " = :v" + i);
            i++;
        }
        try {
            DynamoCalls.call("UpdateItem " + table, () -> dynamo.updateItem(u -> u.tableName(table)
                    .key(TableKeys.key(partition(community), sort(householdId)))
                    .conditionExpression(TableKeys.PRESENT)
                    .updateExpression("SET " + String.join(", ", sets))
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(placeholders)));
        } catch (ConditionalCheckFailedException e) {
            throw new NotFound("household", householdId);
        }
    }

    public static HouseholdListing listing(Map<String, AttributeValue> item) {
        String rhythm = Attr.str(item, "rhythm");
        return new HouseholdListing(Attr.str(item, "id"), Attr.str(item, "community"), Attr.str(item, "buildingCode"),
                Attr.str(item, "unit"), Attr.str(item, "room"), Attr.str(item, "headMasked"), (int) Attr.num(item, "memberCount", 0),
                (int) Attr.num(item, "careCount", 0), Attr.str(item, "boundTo"), rhythm == null ? null : Rhythm.valueOf(rhythm));
    }

    private Household whole(Map<String, AttributeValue> item) {
        String pk = Attr.str(item, TableKeys.PK);
        String sk = Attr.str(item, TableKeys.SK);
        String key = Attr.str(item, "dataKey");
        List<Resident> members = new ArrayList<>();
        for (JsonNode m : Json.parse(cipher.open(key, Attr.str(item, "membersSealed"), context(pk, sk, "members")))) {
            members.add(new Resident(m.path("name").asText(), m.path("idNumber").asText(), m.path("phone").asText(null),
                    m.path("relation").asText(null)));
        }
        LinkedHashSet<String> care = new LinkedHashSet<>();
        for (JsonNode c : Json.parse(cipher.open(key, Attr.str(item, "careSealed"), context(pk, sk, "care")))) care.add(c.asText());
        String rhythm = Attr.str(item, "rhythm");
        Binding b = Attr.str(item, "boundTo") == null ? null : new Binding(Attr.str(item, "boundTo"), Rhythm.valueOf(rhythm),
                Times.parseStored(Attr.str(item, "boundSince")), Attr.str(item, "boundBy"));
        Instant created = Times.parseStored(Attr.str(item, "createdAt"));
        return new Household(Attr.str(item, "id"), Attr.str(item, "community"), Attr.str(item, "buildingCode"), Attr.str(item, "unit"),
                Attr.str(item, "room"), members, care, b, created);
    }
}
