package org.linli.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/** With a data dir, DynamoDB data survives a restart and provisioning keeps the existing tables. */
class DataDirIntegrationTest {
    @TempDir
    Path dataDir;

    private LocalCloud start() {
        return LocalCloud.builder()
                .template(TestClouds.testTemplate())
                .dataDir(dataDir)
                .stackName("linli-data")
                .startFunctions(false)
                .quiet(true)
                .customizer(new LocalCustomizer() {
                    @Override
                    public void beforeProvision(LocalCloud.Setup setup) {
                        setup.putSecret("test/greeting", TestClouds.GREETING_SECRET);
                    }
                })
                .start();
    }

    @Test
    void dataSurvivesARestart() {
        Assumptions.assumeFalse(TestClouds.localStack(), "the data dir is a feature of the embedded backend");
        Map<String, AttributeValue> item = Map.of("pk", AttributeValue.fromS("p"), "sk", AttributeValue.fromS("s"),
                "title", AttributeValue.fromS("kept across restarts"));
        try (LocalCloud first = start()) {
            assertTrue(first.provisioned().created().contains("ItemsTable"));
            first.dynamo().putItem(r -> r.tableName(first.tableName("ItemsTable")).item(item));
            try (var s3 = TestClouds.s3(first)) {
                s3.putObject(r -> r.bucket(first.model().bucket("UploadsBucket").bucketName()).key("photos/kept.jpg").contentType("image/jpeg"),
                        software.amazon.awssdk.core.sync.RequestBody.fromString("kept across restarts too"));
            }
        }
        try (LocalCloud second = start()) {
            assertTrue(second.provisioned().kept().contains("ItemsTable"), second.provisioned().toString());
            assertTrue(second.provisioned().kept().contains("CountersTable"));
            var read = second.dynamo().getItem(r -> r.tableName(second.tableName("ItemsTable"))
                    .key(Map.of("pk", AttributeValue.fromS("p"), "sk", AttributeValue.fromS("s"))));
            assertEquals("kept across restarts", read.item().get("title").s());
            var ttl = second.dynamo().describeTimeToLive(r -> r.tableName(second.tableName("ItemsTable"))).timeToLiveDescription();
            assertEquals(TimeToLiveStatus.ENABLED, ttl.timeToLiveStatus());
            assertTrue(second.provisioned().created().contains("WorkQueue"), "queues are in memory: created again");
            try (var s3 = TestClouds.s3(second)) {
                var object = s3.getObjectAsBytes(r -> r.bucket(second.model().bucket("UploadsBucket").bucketName()).key("photos/kept.jpg"));
                assertEquals("kept across restarts too", object.asUtf8String(), "S3 objects live in dataDir/s3");
                assertEquals("image/jpeg", object.response().contentType());
            }
        }
    }
}
