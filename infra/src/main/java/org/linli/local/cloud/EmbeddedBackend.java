package org.linli.local.cloud;

import java.net.URI;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * DynamoDB Local and ElasticMQ in this JVM, both on 127.0.0.1 and free ports (so that several local
 * clouds, e.g. parallel test runs, never collide). They start in parallel: each takes a second or
 * two of mostly class loading, and the machine has more than one core.
 */
public final class EmbeddedBackend implements CloudBackend {
    private final EmbeddedDynamo dynamo;
    private final EmbeddedSqs sqs;

    private EmbeddedBackend(EmbeddedDynamo dynamo, EmbeddedSqs sqs) {
        this.dynamo = dynamo;
        this.sqs = sqs;
    }

    /**
     * @param dataDir DynamoDB tables are kept in {@code dataDir/dynamodb} across restarts; null keeps
     *                everything in memory. Queues are always in memory.
     */
    public static EmbeddedBackend start(Path dataDir, String region, String accountId) {
        CompletableFuture<EmbeddedSqs> sqs = new CompletableFuture<>();
        Thread sqsStart = new Thread(() -> {
            try {
                sqs.complete(EmbeddedSqs.start(region, accountId));
            } catch (Throwable t) {
                sqs.completeExceptionally(t);
            }
        }, "elasticmq-start");
        sqsStart.setDaemon(true);
        sqsStart.start();
        EmbeddedDynamo dynamo;
        try {
            dynamo = EmbeddedDynamo.start(dataDir == null ? null : dataDir.resolve("dynamodb"));
        } catch (RuntimeException e) {
            sqs.thenAccept(EmbeddedSqs::close);
            throw e;
        }
        // ElasticMQ takes longer to start: meanwhile DynamoDB Local answers its first (slow) request.
        try (var client = LocalClients.dynamo(dynamo.endpoint(), region)) {
            client.listTables();
        } catch (RuntimeException e) {
            // Only an optimisation; provisioning will report a real problem.
        }
        try {
            return new EmbeddedBackend(dynamo, sqs.join());
        } catch (CompletionException e) {
            dynamo.close();
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException re ? re : new IllegalStateException("ElasticMQ did not start", cause);
        }
    }

    @Override
    public URI dynamoEndpoint() {
        return dynamo.endpoint();
    }

    @Override
    public URI sqsEndpoint() {
        return sqs.endpoint();
    }

    @Override
    public String description() {
        return "embedded (DynamoDB Local " + dynamoEndpoint() + ", ElasticMQ " + sqsEndpoint() + ")";
    }

    /** ElasticMQ keeps messages until deleted and does not limit their size. */
    @Override
    public Set<String> ignoredQueueAttributes() {
        return Set.of("MessageRetentionPeriod", "MaximumMessageSize");
    }

    @Override
    public void close() {
        sqs.close();
        dynamo.close();
    }
}
