package org.linli.local;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Assumptions;
import org.linli.local.cloud.CloudBackend;
import org.linli.local.cloud.EmbeddedBackend;
import org.linli.local.cloud.LocalClients;
import org.linli.local.cloud.LocalStackBackend;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The integration tests' shared local cloud, started once per JVM on free ports: the backend is
 * embedded (default) or LocalStack ({@code -Dlinli.cloud=localstack}, skipped without Docker).
 */
public final class TestClouds {
    public static final String NO_DOCKER = "LocalStack selected (-Dlinli.cloud=localstack) but no Docker engine found: skipped";
    public static final String STACK = "linli-test";
    /** One hour before the test template's daily 12:00 Asia/Shanghai schedule (04:00 UTC). */
    public static final MutableClock CLOCK = new MutableClock(Instant.parse("2025-01-01T03:00:00Z"));
    public static final String GREETING_SECRET = "{\"greeting\":\"hello from the secret store\"}";

    private static Boolean docker;
    private static CloudBackend backend;
    private static String region;
    private static LocalCloud cloud;

    private TestClouds() {}

    public static boolean localStack() {
        return "localstack".equalsIgnoreCase(System.getProperty("linli.cloud", "embedded"));
    }

    public static synchronized CloudBackend backend() {
        if (backend == null) {
            if (localStack()) {
                if (docker == null) {
                    docker = LocalStackBackend.dockerAvailable();
                    if (!docker) System.out.println(NO_DOCKER);
                }
                Assumptions.assumeTrue(docker, NO_DOCKER);
                LocalStackBackend ls = LocalStackBackend.start();
                region = ls.region();
                backend = ls;
            } else {
                region = "cn-north-1";
                backend = EmbeddedBackend.start(null, region, "000000000000");
            }
            CloudBackend started = backend;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                if (cloud != null) cloud.close();
                started.close();
            }));
        }
        return backend;
    }

    public static synchronized String region() {
        backend();
        return region;
    }

    /** The local cloud of src/test/resources/test-template.yaml with the test handlers. */
    public static synchronized LocalCloud cloud() {
        if (cloud == null) {
            cloud = LocalCloud.builder()
                    .template(testTemplate())
                    .backend(backend())
                    .region(region())
                    .stackName(STACK)
                    .clock(CLOCK)
                    .schedulerTickMillis(50)
                    .env("EchoFunction", "EXTRA", "extra-value")
                    .quiet(true)
                    .customizer(new LocalCustomizer() {
                        @Override
                        public void beforeProvision(LocalCloud.Setup setup) {
                            setup.putSecret("test/greeting", GREETING_SECRET);
                        }
                    })
                    .start();
        }
        return cloud;
    }

    /**
     * An S3 client on a cloud's local S3, as a function would build one: path-style URLs, the local
     * credentials, and checksums only where an operation needs one (S3Proxy 2.6 reads no aws-chunked
     * trailing checksums, which the SDK sends by default since 2.30).
     */
    public static S3Client s3(LocalCloud cloud) {
        return S3Client.builder().endpointOverride(cloud.s3Endpoint()).region(Region.of(cloud.model().context().region()))
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(LocalClients.ACCESS_KEY, LocalClients.SECRET_KEY)))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClient(LocalClients.http()).build();
    }

    public static Path testTemplate() {
        try {
            return Path.of(TestClouds.class.getResource("/test-template.yaml").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
