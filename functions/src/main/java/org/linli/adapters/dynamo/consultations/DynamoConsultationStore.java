package org.linli.adapters.dynamo.consultations;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.linli.adapters.dynamo.Attr;
import org.linli.adapters.dynamo.Cursors;
import org.linli.adapters.dynamo.DynamoCalls;
import org.linli.adapters.dynamo.Queries;
import org.linli.adapters.dynamo.TableKeys;
import org.linli.adapters.dynamo.Transactions;
import org.linli.adapters.dynamo.cases.CasesKeys;
import org.linli.consultations.Consultation;
import org.linli.consultations.ConsultationStore;
import org.linli.consultations.PublicDecision;
import org.linli.core.Page;
import org.linli.core.Times;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * {@link ConsultationStore} on the cases table. The consultation ({@code CONSULT#<id>}) and its
 * copy in the community's list ({@code CONSULTS#<community>}, sorted by opening time) change
 * together in one transaction, conditional on the version read; a decision adds its masked copy
 * to {@code DECISIONS#<community>} in the same transaction. Lists are one Query, no index.
 */
public final class DynamoConsultationStore implements ConsultationStore {
    private static final String DOC = "doc";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoConsultationStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<Consultation> open(Consultation c) {
        TransactWriteItem own = TransactWriteItem.builder().put(p -> p.tableName(table).item(item(CasesKeys.consultation(c.id()), c))
                .conditionExpression(TableKeys.ABSENT).returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build();
        TransactWriteItem listed = TransactWriteItem.builder().put(p -> p.tableName(table).item(item(listedKey(c), c))).build();
        List<CancellationReason> reasons = Transactions.writeOrExplain(dynamo, "consultation", List.of(own, listed));
        if (reasons.isEmpty()) return Optional.empty();
        Map<String, AttributeValue> old = reasons.get(0).item();
        return Optional.of(old != null && old.containsKey(DOC) ? ConsultationItems.read(Attr.str(old, DOC)) : find(c.id()).orElseThrow());
    }

    @Override
    public Optional<Consultation> find(String id) {
        var r = DynamoCalls.call("GetItem consultation", () -> dynamo.getItem(b -> b.tableName(table)
                .key(CasesKeys.consultation(id)).consistentRead(true)));
        return r.hasItem() && !r.item().isEmpty() ? Optional.of(ConsultationItems.read(Attr.str(r.item(), DOC))) : Optional.empty();
    }

    @Override
    public boolean save(Consultation after, long expectedVersion, PublicDecision published) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(item(CasesKeys.consultation(after.id()), after))
                .conditionExpression("#v = :v").expressionAttributeNames(Map.of("#v", "version"))
                .expressionAttributeValues(Map.of(":v", Attr.n(expectedVersion)))).build());
        items.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(item(listedKey(after), after))).build());
        if (published != null) {
            Map<String, AttributeValue> d = new HashMap<>(CasesKeys.decision(published.community(),
                    Times.stored(published.decidedAt()), published.consultationId()));
            d.put("type", Attr.s("DECISION"));
            d.put(DOC, Attr.s(ConsultationItems.write(published)));
            items.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(d)).build());
        }
        return Transactions.writeOrExplain(dynamo, "consultation", items).isEmpty();
    }

    @Override
    public Page<Consultation> byCommunity(String community, int limit, String cursor) {
        var r = Queries.page(dynamo, table, null, TableKeys.PK, TableKeys.SK, CasesKeys.consultations(community), limit, cursor, false, b -> b);
        return new Page<>(r.items().stream().map(i -> ConsultationItems.read(Attr.str(i, DOC))).toList(), Cursors.encode(r.lastEvaluatedKey()));
    }

    @Override
    public Page<PublicDecision> decisions(String community, int limit, String cursor) {
        var r = Queries.page(dynamo, table, null, TableKeys.PK, TableKeys.SK, CasesKeys.decisions(community), limit, cursor, false, b -> b);
        return new Page<>(r.items().stream().map(i -> ConsultationItems.readDecision(Attr.str(i, DOC))).toList(),
                Cursors.encode(r.lastEvaluatedKey()));
    }

    private static Map<String, AttributeValue> listedKey(Consultation c) {
        return CasesKeys.consultationListed(c.community(), Times.stored(c.openedAt()), c.id());
    }

    private static Map<String, AttributeValue> item(Map<String, AttributeValue> key, Consultation c) {
        Map<String, AttributeValue> item = new HashMap<>(key);
        item.put("type", Attr.s("CONSULTATION"));
        item.put("version", Attr.n(c.version()));
        item.put(DOC, Attr.s(ConsultationItems.write(c)));
        return item;
    }
}
