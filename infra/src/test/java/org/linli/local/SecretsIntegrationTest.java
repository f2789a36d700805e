package org.linli.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.local.cloud.LocalClients;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/** The fake Secrets Manager through the real SDK v2 client. */
class SecretsIntegrationTest {
    private static LocalCloud cloud;
    private static SecretsManagerClient client;

    @BeforeEach
    void start() {
        cloud = TestClouds.cloud();
        if (client == null) client = LocalClients.secrets(cloud.secretsEndpoint(), TestClouds.region());
    }

    @AfterAll
    static void stop() {
        if (client != null) client.close();
    }

    @Test
    void getSecretValueByNameAndByArn() {
        GetSecretValueResponse r = client.getSecretValue(b -> b.secretId("test/greeting"));
        assertEquals(TestClouds.GREETING_SECRET, r.secretString());
        assertEquals("test/greeting", r.name());
        assertTrue(r.arn().contains(":secretsmanager:" + TestClouds.region() + ":000000000000:secret:test/greeting-"), r.arn());
        assertNotNull(r.versionId());
        assertEquals(java.util.List.of("AWSCURRENT"), r.versionStages());
        assertNotNull(r.createdDate());
        assertEquals(r.secretString(), client.getSecretValue(b -> b.secretId(r.arn())).secretString());
        assertEquals("test/greeting", client.describeSecret(b -> b.secretId("test/greeting")).name());
    }

    @Test
    void unknownSecretsAreResourceNotFound() {
        ResourceNotFoundException e = assertThrows(ResourceNotFoundException.class,
                () -> client.getSecretValue(b -> b.secretId("test/absent")));
        assertEquals(400, e.statusCode());
        assertTrue(e.getMessage().contains("can't find the specified secret"), e.getMessage());
    }

    @Test
    void secretsPutLaterAreServed() {
        cloud.secrets().putSecret("test/later", "v2");
        assertEquals("v2", client.getSecretValue(b -> b.secretId("test/later")).secretString());
    }
}
