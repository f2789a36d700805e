package org.linli.local.cloud;

import java.net.URI;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/**
 * ElasticMQ in this JVM on 127.0.0.1 and a free port. Queue URLs it hands out use that address,
 * and it honours RedrivePolicy (moves a message to the DLQ on the receive after maxReceiveCount).
 */
final class EmbeddedSqs implements AutoCloseable {
    private final SQSRestServer server;
    private final int port;

    private EmbeddedSqs(SQSRestServer server, int port) {
        this.server = server;
        this.port = port;
    }

    static EmbeddedSqs start(String region, String accountId) {
        SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort()
                .withAWSRegion(region).withAWSAccountId(accountId).start();
        int port = server.waitUntilStarted().localAddress().getPort();
        return new EmbeddedSqs(server, port);
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public void close() {
        try {
            server.stopAndWait();
        } catch (RuntimeException e) {
            System.err.println("[local] ElasticMQ did not stop cleanly: " + e);
        }
    }
}
