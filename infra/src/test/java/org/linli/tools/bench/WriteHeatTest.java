package org.linli.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linli.local.template.TableDef;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Writes are counted per table and index partition, transactions and their conflicts apart. */
class WriteHeatTest {
    private static final TableDef KPI = new TableDef("KpiTable", "linli-kpi",
            List.of(new TableDef.Attribute("pk", "S"), new TableDef.Attribute("sk", "S"), new TableDef.Attribute("mpk", "S")),
            List.of(new TableDef.Key("pk", "HASH"), new TableDef.Key("sk", "RANGE")),
            List.of(new TableDef.Index("ByMonth", List.of(new TableDef.Key("mpk", "HASH")), "ALL", List.of(), null)),
            List.of(), "PAY_PER_REQUEST", null, null, null);

    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    @Test
    void countsEachWrittenItemOnItsPartitionAndOnTheIndexPartitionsItSets() {
        WriteHeat heat = new WriteHeat(List.of(KPI));
        heat.request(PutItemRequest.builder().tableName("linli-kpi").item(Map.of("pk", s("KPI#A"), "sk", s("M#1"))).build());
        heat.start(); // counts from here only
        heat.request(PutItemRequest.builder().tableName("linli-kpi").item(Map.of("pk", s("KPI#A"), "sk", s("M#1"), "mpk", s("MONTH#1"))).build());
        heat.request(TransactWriteItemsRequest.builder().transactItems(
                TransactWriteItem.builder().update(u -> u.tableName("linli-kpi").key(Map.of("pk", s("KPI#ROOT"), "sk", s("M#1")))
                        .updateExpression("ADD opened :one SET #m = :m").expressionAttributeNames(Map.of("#m", "mpk"))
                        .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"), ":m", s("MONTH#1")))).build(),
                TransactWriteItem.builder().put(p -> p.tableName("linli-kpi").item(Map.of("pk", s("KPI#A"), "sk", s("M#1")))).build())
                .build());
        heat.request(BatchWriteItemRequest.builder().requestItems(Map.of("linli-kpi", List.of(WriteRequest.builder()
                .putRequest(PutRequest.builder().item(Map.of("pk", s("KPI#B"), "sk", s("M#1"))).build()).build()))).build());
        heat.request(GetItemRequest.builder().tableName("linli-kpi").key(Map.of("pk", s("KPI#A"), "sk", s("M#1"))).build());
        heat.request(PutItemRequest.builder().tableName("some-other-table").item(Map.of("pk", s("X"))).build());

        assertEquals(List.of(Map.entry("KpiTable KPI#A", 2L), Map.entry("KpiTable/ByMonth MONTH#1", 2L), Map.entry("KpiTable KPI#B", 1L),
                Map.entry("KpiTable KPI#ROOT", 1L)), heat.hottest(10));
        assertEquals(6, heat.total()); // 4 items, 2 index entries
        assertEquals(1, heat.transactions());
        assertEquals(List.of(Map.entry("KpiTable KPI#A | M#1", 1L), Map.entry("KpiTable KPI#ROOT | M#1", 1L)), heat.hottestTransacted(10));
    }

    @Test
    void tellsConflictsFromFailedConditionsAndStopsCounting() {
        WriteHeat heat = new WriteHeat(List.of(KPI));
        heat.start();
        heat.failure(TransactionCanceledException.builder().cancellationReasons(
                CancellationReason.builder().code("None").build(), CancellationReason.builder().code("TransactionConflict").build()).build());
        heat.failure(TransactionCanceledException.builder().cancellationReasons(
                CancellationReason.builder().code("ConditionalCheckFailed").build()).build());
        heat.failure(new IllegalStateException("not a transaction"));
        heat.stop();
        heat.failure(TransactionCanceledException.builder().cancellationReasons(
                CancellationReason.builder().code("TransactionConflict").build()).build());
        heat.request(PutItemRequest.builder().tableName("linli-kpi").item(Map.of("pk", s("KPI#A"), "sk", s("M#1"))).build());

        assertEquals(1, heat.conflicts());
        assertEquals(1, heat.conditionFailures());
        assertEquals(0, heat.total());
    }

    private static TransactWriteItemsRequest fold(String... unitKeys) {
        List<TransactWriteItem> items = new java.util.ArrayList<>();
        for (String k : unitKeys) {
            items.add(TransactWriteItem.builder().update(u -> u.tableName("linli-kpi").key(Map.of("pk", s(k), "sk", s("M#1")))
                    .updateExpression("ADD received :one").expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))).build());
        }
        return TransactWriteItemsRequest.builder().transactItems(items).build();
    }

    @Test
    void aTransactionIsExposedWhenAnotherUnansweredOneWritesOneOfItsItems() {
        WriteHeat heat = new WriteHeat(List.of(KPI));
        heat.start();
        TransactWriteItemsRequest first = fold("KPI#ROOT", "KPI#G1");
        TransactWriteItemsRequest second = fold("KPI#ROOT", "KPI#G2");
        TransactWriteItemsRequest third = fold("KPI#G3");
        heat.request(first);
        heat.request(second); // ROOT is in flight: exposed
        heat.request(third); // nothing in common: not exposed
        heat.answered(first);
        heat.answered(second);
        heat.request(fold("KPI#ROOT")); // both answered: not exposed
        assertEquals(1, heat.exposedTransactions());
        assertEquals(List.of(Map.entry("KpiTable KPI#ROOT | M#1", 1L)), heat.mostOverlapped(5));
        assertEquals(2, heat.peak("KpiTable KPI#ROOT | M#1"));
        assertEquals(1, heat.peak("KpiTable KPI#G3 | M#1"));
        heat.start();
        assertEquals(0, heat.exposedTransactions());
        assertEquals(List.of(), heat.mostOverlapped(5));
        assertEquals(0, heat.peak("KpiTable KPI#ROOT | M#1"));
    }
}
