package org.linli.config;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * One SDK client per service per process, built on first use and reused by every invocation.
 *
 * <p>Explicit region, explicit credentials provider and the URLConnection HTTP client keep the
 * cold start short (no provider-chain probing, no Apache/Netty). Endpoint overrides
 * ({@code LINLI_ENDPOINT_DYNAMODB}, {@code LINLI_ENDPOINT_SQS}, {@code LINLI_ENDPOINT_SECRETSMANAGER})
 * exist for the local cloud only; on AWS they are unset.
 */
public final class AwsClients {
    private static volatile DynamoDbClient dynamo;
    private static volatile SqsClient sqs;
    private static volatile SecretsManagerClient secrets;
    private static final java.util.Map<String, S3Client> s3ByEndpoint = new java.util.concurrent.ConcurrentHashMap<>();
    private static volatile AwsCredentialsProvider credentials;
    private static volatile SdkHttpClient http;
    private static volatile ExecutionInterceptor interceptor;
    private static volatile long restoredAt;

    static {
        Priming.registerOnce(); // SnapStart: prime the clients this function built before the snapshot
    }

    private AwsClients() {}

    /** The clients built so far (what priming may call). */
    static java.util.List<software.amazon.awssdk.core.SdkClient> built() {
        java.util.List<software.amazon.awssdk.core.SdkClient> out = new java.util.ArrayList<>();
        if (dynamo != null) out.add(dynamo);
        if (sqs != null) out.add(sqs);
        if (secrets != null) out.add(secrets);
        out.addAll(s3ByEndpoint.values());
        return out;
    }

    /**
     * After a SnapStart restore: nothing to rebuild. Credentials come from the container endpoint and
     * refresh themselves; connections opened while priming are dropped by the restore and reopened
     * by the HTTP client on first use.
     */
    static void afterRestore() {
        restoredAt = System.currentTimeMillis();
    }

    /** When the process was last restored from a snapshot (0: never), for logs. */
    public static long restoredAt() {
        return restoredAt;
    }

    /**
     * Adds an interceptor to every client built afterwards. Used by benchmarks and call-budget tests
     * to count AWS calls; must be called before the first client is built.
     */
    public static synchronized void installInterceptor(ExecutionInterceptor counting) {
        if (dynamo != null || sqs != null || secrets != null || !s3ByEndpoint.isEmpty()) {
            throw new IllegalStateException("install the interceptor before the first client is built");
        }
        interceptor = counting;
    }

    public static DynamoDbClient dynamo() {
        DynamoDbClient c = dynamo;
        if (c == null) {
            synchronized (AwsClients.class) {
                if (dynamo == null) {
                    var b = DynamoDbClient.builder().httpClient(http()).region(region())
                            .credentialsProvider(credentials()).overrideConfiguration(overrides());
                    Env.get("LINLI_ENDPOINT_DYNAMODB").ifPresent(e -> b.endpointOverride(URI.create(e)));
                    dynamo = b.build();
                }
                c = dynamo;
            }
        }
        return c;
    }

    public static SqsClient sqs() {
        SqsClient c = sqs;
        if (c == null) {
            synchronized (AwsClients.class) {
                if (sqs == null) {
                    var b = SqsClient.builder().httpClient(http()).region(region())
                            .credentialsProvider(credentials()).overrideConfiguration(overrides());
                    Env.get("LINLI_ENDPOINT_SQS").ifPresent(e -> b.endpointOverride(URI.create(e)));
                    sqs = b.build();
                }
                c = sqs;
            }
        }
        return c;
    }

    public static SecretsManagerClient secrets() {
        SecretsManagerClient c = secrets;
        if (c == null) {
            synchronized (AwsClients.class) {
                if (secrets == null) {
                    var b = SecretsManagerClient.builder().httpClient(http()).region(region())
                            .credentialsProvider(credentials()).overrideConfiguration(overrides());
                    Env.get("LINLI_ENDPOINT_SECRETSMANAGER").ifPresent(e -> b.endpointOverride(URI.create(e)));
                    secrets = b.build();
                }
                c = secrets;
            }
        }
        return c;
    }

    /**
     * The photo bucket's client. Locally ({@code LINLI_ENDPOINT_S3}: S3Proxy) with path-style URLs
     * (there is no {@code <bucket>.127.0.0.1}) and checksums only where S3 requires them (S3Proxy
     * reads no aws-chunked trailing checksums); on AWS the SDK's defaults. One per endpoint: on
     * Lambda that is one; a JVM running several local clouds (tests) has an S3 per cloud, while
     * their DynamoDB and SQS are shared.
     */
    public static S3Client s3() {
        String endpoint = Env.get("LINLI_ENDPOINT_S3").orElse("");
        S3Client c = s3ByEndpoint.get(endpoint);
        if (c == null) {
            synchronized (AwsClients.class) {
                c = s3ByEndpoint.computeIfAbsent(endpoint, e -> {
                    var b = S3Client.builder().httpClient(http()).region(region())
                            .credentialsProvider(credentials()).overrideConfiguration(overrides());
                    if (!e.isEmpty()) b.endpointOverride(URI.create(e)).forcePathStyle(true)
                            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED);
                    return b.build();
                });
            }
        }
        return c;
    }

    /** The function's credentials, for what it signs itself (upload forms, download links). */
    public static AwsCredentialsProvider signingCredentials() {
        return credentials();
    }

    private static ClientOverrideConfiguration overrides() {
        var b = ClientOverrideConfiguration.builder()
                .apiCallTimeout(Duration.ofSeconds(10))
                .apiCallAttemptTimeout(Duration.ofSeconds(3));
        if (interceptor != null) b.addExecutionInterceptor(interceptor);
        return b.build();
    }

    private static SdkHttpClient http() {
        if (http == null) {
            http = UrlConnectionHttpClient.builder()
                    .connectionTimeout(Duration.ofSeconds(2))
                    .socketTimeout(Duration.ofSeconds(5))
                    .build();
        }
        return http;
    }

    private static Region region() {
        return Region.of(Env.require("AWS_REGION"));
    }

    /**
     * Lambda with SnapStart serves credentials from a container endpoint (so that they stay valid
     * after a snapshot is restored); without SnapStart they are plain environment variables.
     */
    private static synchronized AwsCredentialsProvider credentials() {
        if (credentials == null) credentials = newCredentials();
        return credentials;
    }

    private static AwsCredentialsProvider newCredentials() {
        if (Env.get("AWS_CONTAINER_CREDENTIALS_FULL_URI").isPresent()) {
            return ContainerCredentialsProvider.builder().build();
        }
        String id = Env.require("AWS_ACCESS_KEY_ID");
        String secret = Env.require("AWS_SECRET_ACCESS_KEY");
        return StaticCredentialsProvider.create(Env.get("AWS_SESSION_TOKEN")
                .<software.amazon.awssdk.auth.credentials.AwsCredentials>map(t -> AwsSessionCredentials.create(id, secret, t))
                .orElseGet(() -> AwsBasicCredentials.create(id, secret)));
    }
}
