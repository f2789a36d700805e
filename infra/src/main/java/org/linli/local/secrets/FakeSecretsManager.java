package org.linli.local.secrets;

import org.linli.local.LocalHttpServers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Secrets Manager on 127.0.0.1 for the real SDK v2 client: POST with
 * {@code X-Amz-Target: secretsmanager.<Operation>} and an {@code application/x-amz-json-1.1} body.
 * GetSecretValue and DescribeSecret are served; unknown secrets answer ResourceNotFoundException in
 * the AWS JSON error shape (HTTP 400, {@code __type}), which the SDK maps to its exception class.
 */
public final class FakeSecretsManager implements AutoCloseable {
    private static final String JSON_11 = "application/x-amz-json-1.1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SecretStore store;
    private final String region;
    private final String accountId;
    private final HttpServer server;
    private final ExecutorService executor;

    public FakeSecretsManager(SecretStore store, String region, String accountId) throws IOException {
        this.store = store;
        this.region = region;
        this.accountId = accountId;
        this.server = LocalHttpServers.create(new InetSocketAddress("127.0.0.1", 0), 0);
        this.executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "local-secretsmanager");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            if (!"POST".equals(exchange.getRequestMethod()) || target == null || !target.startsWith("secretsmanager.")) {
                error(exchange, 400, "InvalidRequestException", "expected a POST with X-Amz-Target: secretsmanager.<Operation>");
                return;
            }
            JsonNode request = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
            String operation = target.substring("secretsmanager.".length());
            switch (operation) {
                case "GetSecretValue", "DescribeSecret" -> secret(exchange, operation, request);
                default -> error(exchange, 400, "UnknownOperationException",
                        "the local Secrets Manager does not implement " + operation);
            }
        } catch (IOException | RuntimeException e) {
            error(exchange, 500, "InternalServiceError", String.valueOf(e.getMessage()));
        }
    }

    private void secret(HttpExchange exchange, String operation, JsonNode request) throws IOException {
        String id = request.path("SecretId").asText("");
        var secret = store.find(id);
        if (secret.isEmpty()) {
            error(exchange, 400, "ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
            return;
        }
        var s = secret.get();
        ObjectNode out = JSON.createObjectNode();
        out.put("ARN", arn(s.name()));
        out.put("Name", s.name());
        double created = s.created().toEpochMilli() / 1000.0;
        if (operation.equals("GetSecretValue")) {
            out.put("SecretString", s.value());
            out.put("VersionId", s.versionId());
            out.putArray("VersionStages").add("AWSCURRENT");
            out.put("CreatedDate", created);
        } else {
            out.put("CreatedDate", created);
            out.put("LastChangedDate", created);
            out.putObject("VersionIdsToStages").putArray(s.versionId()).add("AWSCURRENT");
        }
        send(exchange, 200, out, null);
    }

    /** Real ARNs end in a random six-character suffix; a fixed one keeps them stable locally. */
    private String arn(String name) {
        String partition = region.startsWith("cn-") ? "aws-cn" : "aws";
        return "arn:" + partition + ":secretsmanager:" + region + ":" + accountId + ":secret:" + name + "-local0";
    }

    private void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        ObjectNode out = JSON.createObjectNode();
        out.put("__type", type);
        out.put("message", message);
        send(exchange, status, out, type);
    }

    private void send(HttpExchange exchange, int status, JsonNode body, String errorType) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", JSON_11);
        if (errorType != null) exchange.getResponseHeaders().set("x-amzn-ErrorType", errorType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
