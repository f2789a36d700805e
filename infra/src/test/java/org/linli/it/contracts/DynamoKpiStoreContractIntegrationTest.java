package org.linli.it.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.linli.adapters.dynamo.kpi.DynamoKpiStore;
import org.linli.adapters.dynamo.TableKeys;
import org.linli.adapters.dynamo.kpi.KpiKeys;
import org.linli.it.LinliCloud;
import org.linli.kpi.CaseFacts;
import org.linli.kpi.Counter;
import org.linli.kpi.KpiFolder;
import org.linli.kpi.KpiStore;
import org.linli.kpi.Tally;
import org.linli.testing.contracts.KpiStoreContract;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The contract InMemoryKpiStore is held to, against the KPI table (its hot units sharded) in DynamoDB Local. */
class DynamoKpiStoreContractIntegrationTest extends KpiStoreContract {
    private final String table = LinliCloud.get().tableName("KpiTable");
    private final KpiStore store = new DynamoKpiStore(LinliCloud.get().dynamo(), table);

    @Override
    protected KpiStore store() {
        return store;
    }

    /** The adapter's own promise beyond the contract: a hot unit's folds spread over its shards, never on its month item. */
    @Test
    void aHotUnitsFoldsSpreadOverItsShardsAndLeaveItsMonthItemAlone() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String root = "R" + run;
        YearMonth month = YearMonth.of(2199, 1);
        for (int i = 0; i < 40; i++) {
            CaseFacts f = new CaseFacts("case-" + run + "-" + i, 1, month, List.of(root, root + "-D", root + "-D-S"), List.of(),
                    Tally.ZERO.with(Counter.RECEIVED, 1));
            assertTrue(store.fold(null, new KpiStore.Folded(f, CaseFacts.DEFINITIONS), KpiFolder.deltas(null, f)));
        }
        List<String> rootItems = sortKeys(root);
        assertTrue(rootItems.size() >= KpiKeys.HOT_UNIT_SHARDS / 2, "40 cases over 8 shards: " + rootItems);
        assertTrue(rootItems.stream().allMatch(sk -> sk.startsWith("M#2199-01#")), "no fold writes the month item: " + rootItems);
        assertEquals(List.of("M#2199-01"), sortKeys(root + "-D-S"), "a street-level unit keeps one item");
        assertEquals(40, store.unit(root, month).orElseThrow().tally().get(Counter.RECEIVED));
    }

    private List<String> sortKeys(String unit) {
        return LinliCloud.get().dynamo().query(b -> b.tableName(table).keyConditionExpression(TableKeys.PK + " = :p")
                        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(KpiKeys.UNIT + unit))))
                .items().stream().map(i -> i.get(TableKeys.SK).s()).sorted().toList();
    }
}
