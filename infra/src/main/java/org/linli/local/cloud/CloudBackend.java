package org.linli.local.cloud;

import java.net.URI;
import java.util.Set;

/** Where DynamoDB and SQS are served. Closing stops what the backend started. */
public interface CloudBackend extends AutoCloseable {
    URI dynamoEndpoint();

    URI sqsEndpoint();

    /** For logs: "embedded", "localstack", ... */
    String description();

    /**
     * Queue attributes this backend does not implement (and would only warn about): the
     * provisioner leaves them out.
     */
    default Set<String> ignoredQueueAttributes() {
        return Set.of();
    }

    @Override
    void close();
}
