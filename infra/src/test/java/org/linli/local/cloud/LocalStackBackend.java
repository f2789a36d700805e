package org.linli.local.cloud;

import java.net.URI;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * DynamoDB and SQS from LocalStack in Docker (Testcontainers): the same tests against a second,
 * independent emulation. Test scope only, so that Docker never becomes a need of the local cloud.
 */
public final class LocalStackBackend implements CloudBackend {
    private static final DockerImageName IMAGE = DockerImageName.parse("localstack/localstack:3.8.1");

    private final LocalStackContainer container;

    private LocalStackBackend(LocalStackContainer container) {
        this.container = container;
    }

    public static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable t) {
            return false;
        }
    }

    public static LocalStackBackend start() {
        LocalStackContainer c = new LocalStackContainer(IMAGE)
                .withServices(LocalStackContainer.Service.DYNAMODB, LocalStackContainer.Service.SQS)
                // Path-style queue URLs (http://host:port/account/name), as the local cloud builds them.
                .withEnv("SQS_ENDPOINT_STRATEGY", "path");
        c.start();
        return new LocalStackBackend(c);
    }

    public String region() {
        return container.getRegion();
    }

    @Override
    public URI dynamoEndpoint() {
        return container.getEndpointOverride(LocalStackContainer.Service.DYNAMODB);
    }

    @Override
    public URI sqsEndpoint() {
        return container.getEndpointOverride(LocalStackContainer.Service.SQS);
    }

    @Override
    public String description() {
        return "localstack (" + container.getDockerImageName() + " at " + sqsEndpoint() + ")";
    }

    @Override
    public void close() {
        container.stop();
    }
}
