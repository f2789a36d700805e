package org.linli.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The SnapStart hook primes without throwing when there is no backend at all (no network at snapshot time). */
class PrimingTest {
    @Test
    void primingToleratesAnAbsentBackendAndStillRoundTripsJson() throws Exception {
        URI nowhere = URI.create("http://127.0.0.1:" + freePort());
        var http = UrlConnectionHttpClient.create();
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "y"));
        try (DynamoDbClient dynamo = DynamoDbClient.builder().httpClient(http).region(Region.CN_NORTH_1).credentialsProvider(credentials)
                .endpointOverride(nowhere).build();
             SqsClient sqs = SqsClient.builder().httpClient(http).region(Region.CN_NORTH_1).credentialsProvider(credentials)
                     .endpointOverride(nowhere).build()) {
            Priming priming = new Priming(() -> List.of(dynamo, sqs));
            priming.beforeCheckpoint(null); // the hook itself: must not throw
            Priming.Report report = priming.prime();
            assertEquals(2, report.calls(), "one dry call per client built");
            assertEquals(2, report.failures(), "both refused: nothing listens");
            assertTrue(report.json(), "the Jackson round trip ran");
        }
    }

    @Test
    void nothingBuiltMeansNoCallsButTheJsonRoundTrip() {
        Priming.Report report = new Priming(List::of).prime();
        assertEquals(new Priming.Report(0, 0, true), report);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
