package org.linli.local.cloud;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.linli.local.lambda.LocalLog;
import org.linli.local.template.QueueDef;
import org.linli.local.template.TableDef;
import org.linli.local.template.TemplateModel;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * Creates the template's tables and queues on a backend, the way CloudFormation would. Idempotent:
 * what already exists (a data dir, a long-running LocalStack) is kept; queue attributes are brought
 * in line with the template, missing GSIs and TTL added to existing tables.
 */
public final class Provisioner {
    // Generous: DynamoDB Local backfills an added GSI synchronously-ish, and slows under load (CI, parallel builds).
    private static final long WAIT_MILLIS = 120_000;

    private final DynamoDbClient dynamo;
    private final SqsClient sqs;
    private final Set<String> ignoredQueueAttributes;
    private final boolean timeToLive;

    /** What was provisioned, by logical id. {@code created}/{@code kept} list logical ids. */
    public record Result(Map<String, String> queueArns, List<String> created, List<String> kept) {}

    public Provisioner(DynamoDbClient dynamo, SqsClient sqs) {
        this(dynamo, sqs, Set.of());
    }

    /** @param ignoredQueueAttributes attributes the backend does not implement, left out */
    public Provisioner(DynamoDbClient dynamo, SqsClient sqs, Set<String> ignoredQueueAttributes) {
        this(dynamo, sqs, ignoredQueueAttributes, true);
    }

    /**
     * @param timeToLive whether to switch on the template's TTL. DynamoDB Local deletes expired items by the
     *                   machine's clock; a cloud whose clock runs at another time leaves it off, or it would
     *                   delete items the functions still see as live (TTL deletion is a clean-up: nothing
     *                   reads it as logic, and DynamoDB itself takes up to days).
     */
    public Provisioner(DynamoDbClient dynamo, SqsClient sqs, Set<String> ignoredQueueAttributes, boolean timeToLive) {
        this.dynamo = dynamo;
        this.sqs = sqs;
        this.ignoredQueueAttributes = Set.copyOf(ignoredQueueAttributes);
        this.timeToLive = timeToLive;
    }

    /** Tables and queues are independent: they are provisioned side by side. */
    public Result provision(TemplateModel model) {
        List<String> created = Collections.synchronizedList(new ArrayList<>());
        List<String> kept = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Void> tables = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                provisionTables(model, created, kept);
                tables.complete(null);
            } catch (Throwable e) {
                tables.completeExceptionally(e);
            }
        }, "local-provision-tables");
        t.setDaemon(true);
        t.start();
        Map<String, String> arns = provisionQueues(model, created, kept);
        try {
            tables.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        }
        return new Result(arns, List.copyOf(created), List.copyOf(kept));
    }

    private void provisionTables(TemplateModel model, List<String> created, List<String> kept) {
        Set<String> existingTables = new HashSet<>(dynamo.listTablesPaginator().tableNames().stream().toList());
        for (TableDef table : model.tables().values()) {
            if (existingTables.contains(table.tableName())) {
                updateExisting(table);
                kept.add(table.logicalId());
            } else {
                createTable(table);
                created.add(table.logicalId());
            }
            if (timeToLive) ensureTtl(table);
        }
    }

    private Map<String, String> provisionQueues(TemplateModel model, List<String> created, List<String> kept) {
        Map<String, String> arns = new LinkedHashMap<>();
        for (QueueDef queue : dlqsFirst(model.queues())) {
            boolean exists = queueExists(queue);
            Map<QueueAttributeName, String> attributes = attributes(queue, arns, exists);
            attributes.keySet().removeIf(a -> ignoredQueueAttributes.contains(a.toString()));
            if (exists) {
                try {
                    if (!attributes.isEmpty()) sqs.setQueueAttributes(r -> r.queueUrl(queue.url()).attributes(attributes));
                } catch (SqsException e) {
                    LocalLog.warn("queue " + queue.queueName() + " exists; could not align its attributes with the template: "
                            + e.awsErrorDetails().errorMessage());
                }
                kept.add(queue.logicalId());
            } else {
                sqs.createQueue(r -> r.queueName(queue.queueName()).attributes(attributes));
                created.add(queue.logicalId());
            }
            arns.put(queue.logicalId(), sqs.getQueueAttributes(r -> r.queueUrl(queue.url())
                    .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN));
        }
        return arns;
    }

    // ------------------------------------------------------------------ tables

    private void createTable(TableDef t) {
        boolean provisioned = t.throughput() != null;
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(t.tableName())
                .attributeDefinitions(t.attributes().stream()
                        .map(a -> AttributeDefinition.builder().attributeName(a.name()).attributeType(a.type()).build()).toList())
                .keySchema(keys(t.keySchema()))
                .billingMode(provisioned ? BillingMode.PROVISIONED : BillingMode.PAY_PER_REQUEST);
        if (provisioned) request.provisionedThroughput(throughput(t.throughput()));
        if (!t.globalIndexes().isEmpty()) {
            request.globalSecondaryIndexes(t.globalIndexes().stream().map(i -> gsi(i, t.throughput())).toList());
        }
        if (!t.localIndexes().isEmpty()) {
            request.localSecondaryIndexes(t.localIndexes().stream().map(i -> LocalSecondaryIndex.builder()
                    .indexName(i.name()).keySchema(keys(i.keySchema())).projection(projection(i)).build()).toList());
        }
        if (t.streamViewType() != null) {
            request.streamSpecification(StreamSpecification.builder().streamEnabled(true)
                    .streamViewType(t.streamViewType()).build());
        }
        try {
            dynamo.createTable(request.build());
        } catch (ResourceInUseException e) {
            // Created concurrently by someone else: as good as ours.
        }
        awaitActive(t.tableName());
    }

    /** A data dir made by an older template: add the GSIs the template has gained since. */
    private void updateExisting(TableDef t) {
        TableDescription existing = dynamo.describeTable(r -> r.tableName(t.tableName())).table();
        Set<String> indexes = new HashSet<>();
        if (existing.globalSecondaryIndexes() != null) {
            existing.globalSecondaryIndexes().forEach(i -> indexes.add(i.indexName()));
        }
        for (TableDef.Index index : t.globalIndexes()) {
            if (indexes.contains(index.name())) continue;
            // UpdateTable wants the definitions of the new index's key attributes, and only those.
            Set<String> keyNames = new HashSet<>();
            index.keySchema().forEach(k -> keyNames.add(k.attributeName()));
            List<AttributeDefinition> definitions = t.attributes().stream().filter(a -> keyNames.contains(a.name()))
                    .map(a -> AttributeDefinition.builder().attributeName(a.name()).attributeType(a.type()).build()).toList();
            dynamo.updateTable(r -> r.tableName(t.tableName())
                    .attributeDefinitions(definitions)
                    .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().create(
                            CreateGlobalSecondaryIndexAction.builder().indexName(index.name())
                                    .keySchema(keys(index.keySchema())).projection(projection(index))
                                    .provisionedThroughput(t.throughput() == null ? null
                                            : throughput(index.throughput() != null ? index.throughput() : t.throughput()))
                                    .build()).build()));
            awaitActive(t.tableName());
        }
    }

    private void ensureTtl(TableDef t) {
        if (t.ttl() == null) return;
        var current = dynamo.describeTimeToLive(r -> r.tableName(t.tableName())).timeToLiveDescription();
        boolean on = current != null && (current.timeToLiveStatus() == TimeToLiveStatus.ENABLED
                || current.timeToLiveStatus() == TimeToLiveStatus.ENABLING);
        if (on && t.ttl().attributeName().equals(current.attributeName())) return;
        dynamo.updateTimeToLive(r -> r.tableName(t.tableName())
                .timeToLiveSpecification(s -> s.attributeName(t.ttl().attributeName()).enabled(true)));
    }

    private void awaitActive(String tableName) {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (true) {
            TableDescription d = dynamo.describeTable(r -> r.tableName(tableName)).table();
            boolean indexesActive = d.globalSecondaryIndexes() == null || d.globalSecondaryIndexes().stream()
                    .map(GlobalSecondaryIndexDescription::indexStatus).allMatch(s -> s == null || s == IndexStatus.ACTIVE);
            if (d.tableStatus() == TableStatus.ACTIVE && indexesActive) return;
            if (System.currentTimeMillis() > deadline) throw new IllegalStateException("table " + tableName + " did not become ACTIVE");
            pause();
        }
    }

    private static GlobalSecondaryIndex gsi(TableDef.Index i, TableDef.Throughput tableThroughput) {
        GlobalSecondaryIndex.Builder b = GlobalSecondaryIndex.builder().indexName(i.name())
                .keySchema(keys(i.keySchema())).projection(projection(i));
        if (tableThroughput != null) b.provisionedThroughput(throughput(i.throughput() != null ? i.throughput() : tableThroughput));
        return b.build();
    }

    private static List<KeySchemaElement> keys(List<TableDef.Key> keys) {
        return keys.stream().map(k -> KeySchemaElement.builder().attributeName(k.attributeName()).keyType(k.keyType()).build()).toList();
    }

    private static Projection projection(TableDef.Index i) {
        Projection.Builder p = Projection.builder().projectionType(i.projectionType());
        if (!i.nonKeyAttributes().isEmpty()) p.nonKeyAttributes(i.nonKeyAttributes());
        return p.build();
    }

    private static ProvisionedThroughput throughput(TableDef.Throughput t) {
        return ProvisionedThroughput.builder().readCapacityUnits(t.readCapacityUnits()).writeCapacityUnits(t.writeCapacityUnits()).build();
    }

    // ------------------------------------------------------------------ queues

    /** Dead-letter queues first: a RedrivePolicy needs its DLQ's real ARN. */
    static List<QueueDef> dlqsFirst(Map<String, QueueDef> queues) {
        Set<String> ordered = new LinkedHashSet<>();
        for (String id : queues.keySet()) visit(id, queues, ordered, new HashSet<>());
        return ordered.stream().map(queues::get).toList();
    }

    private static void visit(String id, Map<String, QueueDef> queues, Set<String> ordered, Set<String> path) {
        if (ordered.contains(id)) return;
        if (!path.add(id)) throw new IllegalStateException("queues redrive to each other in a cycle: " + path);
        QueueDef q = queues.get(id);
        if (q.redrive() != null) visit(q.redrive().deadLetterQueueLogicalId(), queues, ordered, path);
        ordered.add(id);
    }

    private boolean queueExists(QueueDef queue) {
        try {
            sqs.getQueueUrl(r -> r.queueName(queue.queueName()));
            return true;
        } catch (QueueDoesNotExistException e) {
            return false;
        }
    }

    private static Map<QueueAttributeName, String> attributes(QueueDef q, Map<String, String> arns, boolean existing) {
        Map<QueueAttributeName, String> a = new LinkedHashMap<>();
        put(a, QueueAttributeName.VISIBILITY_TIMEOUT, q.visibilityTimeout());
        put(a, QueueAttributeName.MESSAGE_RETENTION_PERIOD, q.messageRetentionPeriod());
        put(a, QueueAttributeName.DELAY_SECONDS, q.delaySeconds());
        put(a, QueueAttributeName.RECEIVE_MESSAGE_WAIT_TIME_SECONDS, q.receiveMessageWaitTimeSeconds());
        put(a, QueueAttributeName.MAXIMUM_MESSAGE_SIZE, q.maximumMessageSize());
        // Whether a queue is FIFO is fixed at creation.
        if (q.fifo() && !existing) {
            a.put(QueueAttributeName.FIFO_QUEUE, "true");
            a.put(QueueAttributeName.CONTENT_BASED_DEDUPLICATION, String.valueOf(q.contentBasedDeduplication()));
        }
        if (q.redrive() != null) {
            String dlqArn = arns.get(q.redrive().deadLetterQueueLogicalId());
            a.put(QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + dlqArn
                    + "\",\"maxReceiveCount\":" + q.redrive().maxReceiveCount() + "}");
        }
        return a;
    }

    private static void put(Map<QueueAttributeName, String> a, QueueAttributeName name, Integer value) {
        if (value != null) a.put(name, value.toString());
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for DynamoDB", e);
        }
    }
}
