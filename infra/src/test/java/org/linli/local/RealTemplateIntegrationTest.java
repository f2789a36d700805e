package org.linli.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.local.cloud.CloudBackend;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Provisions from the project's real template.yaml (tables, GSIs, TTL, queues, DLQ redrive,
 * visibility timeouts) on the shared backend under its own stack name - without loading any handler.
 */
class RealTemplateIntegrationTest {
    private static LocalCloud cloud;

    @BeforeEach
    void start() {
        CloudBackend backend = TestClouds.backend();
        if (cloud != null) return;
        cloud = LocalCloud.builder()
                .template(TemplateLocator.find())
                .backend(backend)
                .region(TestClouds.region())
                .stackName("linli-real")
                .startFunctions(false)
                .quiet(true)
                .customizer(new LocalCustomizer() {
                    @Override
                    public void beforeProvision(LocalCloud.Setup setup) {
                        setup.putSecret("linli/token-keys", "{\"kid\":\"k\",\"privateKey\":\"p\",\"publicKey\":\"P\",\"publicKeys\":\"PK\"}");
                    }
                })
                .start();
    }

    @AfterAll
    static void stop() {
        if (cloud == null) return;
        cloud.close();
        cloud.close(); // idempotent
    }

    private static TableDescription table(String logicalId) {
        return cloud.dynamo().describeTable(r -> r.tableName(cloud.tableName(logicalId))).table();
    }

    private static Map<QueueAttributeName, String> queue(String logicalId) {
        return cloud.sqs().getQueueAttributes(r -> r.queueUrl(cloud.queueUrl(logicalId)).attributeNames(QueueAttributeName.ALL)).attributes();
    }

    @Test
    void everyTableWithItsIndexesAndTtl() {
        for (String id : cloud.model().tables().keySet()) {
            TableDescription t = table(id);
            assertEquals("linli-real-" + id, t.tableName());
            List<String> expected = cloud.model().table(id).globalIndexes().stream().map(i -> i.name()).sorted().toList();
            List<String> actual = t.globalSecondaryIndexes() == null ? List.of()
                    : t.globalSecondaryIndexes().stream().map(GlobalSecondaryIndexDescription::indexName).sorted().toList();
            assertEquals(expected, actual, id);
            var ttl = cloud.dynamo().describeTimeToLive(r -> r.tableName(t.tableName())).timeToLiveDescription();
            if (cloud.model().table(id).ttl() == null) {
                assertEquals(TimeToLiveStatus.DISABLED, ttl.timeToLiveStatus(), id);
            } else {
                assertEquals(TimeToLiveStatus.ENABLED, ttl.timeToLiveStatus(), id);
                assertEquals(cloud.model().table(id).ttl().attributeName(), ttl.attributeName());
            }
        }
        assertTrue(table("CasesTable").globalSecondaryIndexes().size() >= 4);
    }

    @Test
    void queuesWithRedriveAndVisibility() {
        for (var q : cloud.model().queues().values()) {
            Map<QueueAttributeName, String> a = queue(q.logicalId());
            if (q.visibilityTimeout() != null) assertEquals(q.visibilityTimeout().toString(), a.get(QueueAttributeName.VISIBILITY_TIMEOUT), q.logicalId());
            if (q.messageRetentionPeriod() != null && !cloud.backend().ignoredQueueAttributes().contains("MessageRetentionPeriod")) {
                assertEquals(q.messageRetentionPeriod().toString(), a.get(QueueAttributeName.MESSAGE_RETENTION_PERIOD), q.logicalId());
            }
            if (q.redrive() != null) {
                JsonNode policy = Http.json(a.get(QueueAttributeName.REDRIVE_POLICY));
                assertEquals(queue(q.redrive().deadLetterQueueLogicalId()).get(QueueAttributeName.QUEUE_ARN), policy.get("deadLetterTargetArn").asText());
                assertEquals(q.redrive().maxReceiveCount(), policy.get("maxReceiveCount").asInt());
            }
        }
        assertEquals("180", queue("AssignmentQueue").get(QueueAttributeName.VISIBILITY_TIMEOUT));
    }

    @Test
    void noHandlerIsLoadedOrRun() {
        assertNull(cloud.runtime());
        assertThrows(IllegalStateException.class, () -> cloud.invoke("AuthorizerFunction", "{}"));
        assertEquals(503, Http.get(cloud, "/me", "Authorization", "Bearer x").statusCode());
        JsonNode health = Http.json(Http.get(cloud, "/_local/health").body());
        assertFalse(health.get("functionsStarted").asBoolean());
        assertTrue(cloud.eventSources().isEmpty());
        for (JsonNode alarm : Http.json(Http.get(cloud, "/_local/queues").body()).get("alarms")) {
            assertEquals("OK", alarm.get("state").asText());
        }
        assertEquals("PK", cloud.functionEnv("AuthorizerFunction").get("TOKEN_PUBLIC_KEYS"));
    }
}
