package org.linli.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.local.cloud.EmbeddedBackend;
import org.linli.local.cloud.LocalClients;
import org.linli.local.cloud.Provisioner;
import org.linli.local.template.TableDef;
import org.linli.local.template.TemplateModel;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** What the provisioner made of the test template, read back through the real SDK. */
class ProvisioningIntegrationTest {
    private static LocalCloud cloud;
    private static DynamoDbClient dynamo;
    private static SqsClient sqs;

    @BeforeEach
    void start() {
        cloud = TestClouds.cloud();
        dynamo = cloud.dynamo();
        sqs = cloud.sqs();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static Map<QueueAttributeName, String> attributes(String logicalId) {
        return sqs.getQueueAttributes(r -> r.queueUrl(cloud.queueUrl(logicalId)).attributeNames(QueueAttributeName.ALL)).attributes();
    }

    @Test
    void tableWithKeysIndexesStreamAndTtl() {
        TableDescription t = dynamo.describeTable(r -> r.tableName(cloud.tableName("ItemsTable"))).table();
        assertEquals(TestClouds.STACK + "-ItemsTable", t.tableName());
        assertEquals(List.of(key("pk", KeyType.HASH), key("sk", KeyType.RANGE)), t.keySchema());
        assertEquals(BillingMode.PAY_PER_REQUEST, t.billingModeSummary().billingMode());
        assertEquals(1, t.globalSecondaryIndexes().size());
        var gsi = t.globalSecondaryIndexes().get(0);
        assertEquals("ByOwner", gsi.indexName());
        assertEquals(List.of(key("owner", KeyType.HASH), key("createdAt", KeyType.RANGE)), gsi.keySchema());
        assertEquals(ProjectionType.INCLUDE, gsi.projection().projectionType());
        assertEquals(List.of("title"), gsi.projection().nonKeyAttributes());
        var lsi = t.localSecondaryIndexes().get(0);
        assertEquals("ByStatus", lsi.indexName());
        assertEquals(List.of(key("pk", KeyType.HASH), key("status", KeyType.RANGE)), lsi.keySchema());
        assertEquals(ProjectionType.KEYS_ONLY, lsi.projection().projectionType());
        assertTrue(t.streamSpecification().streamEnabled());
        assertEquals(StreamViewType.NEW_AND_OLD_IMAGES, t.streamSpecification().streamViewType());
        var ttl = dynamo.describeTimeToLive(r -> r.tableName(cloud.tableName("ItemsTable"))).timeToLiveDescription();
        assertEquals(TimeToLiveStatus.ENABLED, ttl.timeToLiveStatus());
        assertEquals("expiresAt", ttl.attributeName());
    }

    @Test
    void simpleTableAndConditionalTable() {
        TableDescription counters = dynamo.describeTable(r -> r.tableName(cloud.tableName("CountersTable"))).table();
        assertEquals(List.of(key("id", KeyType.HASH)), counters.keySchema());
        List<String> tables = dynamo.listTables().tableNames();
        assertFalse(tables.contains(TestClouds.STACK + "-DevOnlyTable"), "Condition IsDev is false: " + tables);
        assertFalse(cloud.model().tables().containsKey("DevOnlyTable"));
    }

    @Test
    void queuesWithVisibilityTimeoutAndRedrivePolicy() {
        Map<QueueAttributeName, String> work = attributes("WorkQueue");
        assertEquals("1", work.get(QueueAttributeName.VISIBILITY_TIMEOUT));
        if (!cloud.backend().ignoredQueueAttributes().contains("MessageRetentionPeriod")) {
            assertEquals("3600", work.get(QueueAttributeName.MESSAGE_RETENTION_PERIOD));
            assertEquals("1209600", attributes("WorkDLQ").get(QueueAttributeName.MESSAGE_RETENTION_PERIOD));
        }
        var redrive = Http.json(work.get(QueueAttributeName.REDRIVE_POLICY));
        assertEquals(attributes("WorkDLQ").get(QueueAttributeName.QUEUE_ARN), redrive.get("deadLetterTargetArn").asText());
        assertEquals(2, redrive.get("maxReceiveCount").asInt());
        assertEquals(cloud.provisioned().queueArns().get("WorkQueue"), work.get(QueueAttributeName.QUEUE_ARN));
    }

    @Test
    void fifoQueue() {
        assertTrue(cloud.queueUrl("OrdersQueue").endsWith(TestClouds.STACK + "-OrdersQueue.fifo"));
        Map<QueueAttributeName, String> orders = attributes("OrdersQueue");
        assertEquals("true", orders.get(QueueAttributeName.FIFO_QUEUE));
        assertEquals("true", orders.get(QueueAttributeName.CONTENT_BASED_DEDUPLICATION));
    }

    /**
     * On a DynamoDB Local of its own: on the shared one, full of every suite's data, a new index
     * waited about two minutes for its backfill (its background jobs, TTL deletion scans among them).
     */
    @Test
    void anExistingTableGainsTheIndexesTheTemplateAdded() throws Exception {
        TableDef items = cloud.model().table("ItemsTable");
        List<TableDef.Attribute> keys = items.attributes().stream().filter(a -> List.of("pk", "sk").contains(a.name())).toList();
        List<TableDef.Attribute> withIndex = items.attributes().stream().filter(a -> !a.name().equals("status")).toList();
        TableDef older = new TableDef("Evolving", TestClouds.STACK + "-Evolving", keys, items.keySchema(),
                List.of(), List.of(), "PAY_PER_REQUEST", null, null, null);
        TableDef newer = new TableDef("Evolving", older.tableName(), withIndex, items.keySchema(),
                items.globalIndexes(), List.of(), "PAY_PER_REQUEST", null, new TableDef.Ttl("expiresAt"), null);
        try (EmbeddedBackend own = EmbeddedBackend.start(null, TestClouds.region(), "000000000000");
             DynamoDbClient ownDynamo = LocalClients.dynamo(own.dynamoEndpoint(), TestClouds.region());
             SqsClient ownSqs = LocalClients.sqs(own.sqsEndpoint(), TestClouds.region())) {
            Provisioner provisioner = new Provisioner(ownDynamo, ownSqs);
            assertEquals(List.of("Evolving"), provisioner.provision(model(older)).created());
            assertEquals(List.of("Evolving"), provisioner.provision(model(newer)).kept());
            TableDescription t = ownDynamo.describeTable(r -> r.tableName(older.tableName())).table();
            assertEquals(List.of("ByOwner"), t.globalSecondaryIndexes().stream().map(i -> i.indexName()).toList());
            assertEquals(TimeToLiveStatus.ENABLED,
                    ownDynamo.describeTimeToLive(r -> r.tableName(older.tableName())).timeToLiveDescription().timeToLiveStatus());
        }
    }

    private static TemplateModel model(TableDef table) {
        TemplateModel m = cloud.model();
        return new TemplateModel(m.context(), m.parameters(), m.conditions(), Map.of(), Map.of(), Map.of(table.logicalId(), table),
                Map.of(), Map.of(), List.of(), List.of(), List.of(), Map.of());
    }

    @Test
    void provisioningAgainKeepsWhatExists() {
        String table = cloud.tableName("CountersTable");
        dynamo.putItem(r -> r.tableName(table).item(Map.of("id", AttributeValue.fromS("kept"))));
        Provisioner.Result again = new Provisioner(dynamo, sqs, cloud.backend().ignoredQueueAttributes()).provision(cloud.model());
        assertEquals(List.of(), again.created());
        assertTrue(again.kept().containsAll(List.of("ItemsTable", "CountersTable", "WorkQueue", "WorkDLQ", "OrdersQueue")), again.kept().toString());
        assertTrue(dynamo.getItem(r -> r.tableName(table).key(Map.of("id", AttributeValue.fromS("kept")))).hasItem());
        assertEquals("1", attributes("WorkQueue").get(QueueAttributeName.VISIBILITY_TIMEOUT));
        assertEquals(again.queueArns(), cloud.provisioned().queueArns());
    }
}
