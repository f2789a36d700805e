package org.linli.local.cloud;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;

/**
 * Real SDK v2 clients pointed at local endpoints, with the dummy credentials the local services
 * accept. The URLConnection client is set explicitly: DynamoDB Local drags Apache and Netty onto
 * the classpath, and the SDK refuses to guess between several HTTP clients.
 */
public final class LocalClients {
    public static final String ACCESS_KEY = "local";
    public static final String SECRET_KEY = "local";

    private LocalClients() {}

    public static SdkHttpClient http() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(30))
                .build();
    }

    public static DynamoDbClient dynamo(URI endpoint, String region) {
        return DynamoDbClient.builder().endpointOverride(endpoint).region(Region.of(region))
                .credentialsProvider(credentials()).httpClient(http()).build();
    }

    public static SqsClient sqs(URI endpoint, String region) {
        return SqsClient.builder().endpointOverride(endpoint).region(Region.of(region))
                .credentialsProvider(credentials()).httpClient(http()).build();
    }

    public static SecretsManagerClient secrets(URI endpoint, String region) {
        return SecretsManagerClient.builder().endpointOverride(endpoint).region(Region.of(region))
                .credentialsProvider(credentials()).httpClient(http()).build();
    }

    /**
     * Loads the SDK's client classes (a few hundred milliseconds of class loading) without any
     * network, so that it can overlap with the backends' start instead of following it.
     */
    public static void warmUp(String region) {
        URI nowhere = URI.create("http://127.0.0.1:9");
        try (DynamoDbClient d = dynamo(nowhere, region); SqsClient s = sqs(nowhere, region)) {
            d.serviceName();
            s.serviceName();
            CreateTableRequest.builder().tableName("warm-up").build();
            ReceiveMessageRequest.builder().queueUrl("warm-up").build();
        } catch (RuntimeException e) {
            // Only an optimisation.
        }
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
    }
}
