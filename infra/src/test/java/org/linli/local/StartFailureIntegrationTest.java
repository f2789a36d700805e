package org.linli.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linli.local.cloud.CloudBackend;
import org.linli.local.template.TemplateException;

/** A start that cannot succeed says why, and leaves nothing running. */
class StartFailureIntegrationTest {
    private CloudBackend backend;

    @TempDir
    Path dir;

    @BeforeEach
    void backend() {
        backend = TestClouds.backend();
    }

    private LocalCloud.Builder builder(Path template) {
        return LocalCloud.builder().template(template).backend(backend).region(TestClouds.region())
                .stackName("linli-fail").quiet(true);
    }

    @Test
    void aMissingSecretNamesTheSecretAndTheRemedy() {
        LocalCloud cloud = builder(TestClouds.testTemplate()).build();
        TemplateException e = assertThrows(TemplateException.class, cloud::start);
        assertTrue(e.getMessage().contains("test/greeting") && e.getMessage().contains("putSecret"), e.getMessage());
        assertThrows(IllegalStateException.class, cloud::start, "a failed cloud is closed for good");
    }

    @Test
    void aBadParameterOverrideIsRefused() {
        LocalCloud.Builder b = builder(TestClouds.testTemplate()).parameter("Stage", "prod");
        TemplateException e = assertThrows(TemplateException.class, b::start);
        assertTrue(e.getMessage().contains("AllowedValues"), e.getMessage());
    }

    @Test
    void missingHandlersAreListedAndThePortIsFreedAgain() throws IOException {
        Path template = dir.resolve("template.yaml");
        Files.writeString(template, """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Ghost:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: org.linli.nowhere.Ghost::handleRequest
                      Runtime: java21
                      Events:
                        Get: { Type: HttpApi, Properties: { Path: /ghost, Method: GET } }
                """);
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> builder(template).port(port).start());
        assertTrue(e.getMessage().contains("org.linli.nowhere.Ghost is not on the classpath"), e.getMessage());
        try (var socket = new java.net.ServerSocket(port, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            assertEquals(port, socket.getLocalPort(), "the gateway's port was released");
        }
        // Without functions the same template provisions and serves /_local/.
        try (LocalCloud cloud = builder(template).startFunctions(false).start()) {
            assertEquals(503, Http.get(cloud, "/ghost").statusCode());
        }
    }
}
