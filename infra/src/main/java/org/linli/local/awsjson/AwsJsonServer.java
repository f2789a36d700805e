package org.linli.local.awsjson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local AWS service speaking the JSON 1.1 protocol on 127.0.0.1 (an ephemeral port, two daemon
 * threads): subclasses answer each exchange; errors take AWS's JSON shape ({@code __type},
 * {@code message}, the {@code x-amzn-ErrorType} header), which the SDK maps to its exception classes.
 */
public abstract class AwsJsonServer implements AutoCloseable {
    protected static final String JSON_11 = "application/x-amz-json-1.1";
    protected static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor;

    protected AwsJsonServer(String threadName) throws IOException {
        this.server = org.linli.local.LocalHttpServers.create(new InetSocketAddress("127.0.0.1", 0), 0);
        this.executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Answers one request (the exchange is closed afterwards by the subclass). */
    protected abstract void handle(HttpExchange exchange) throws IOException;

    /** The server's base URL, without a trailing slash. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    protected static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        ObjectNode out = JSON.createObjectNode();
        out.put("__type", type);
        out.put("message", message);
        send(exchange, status, out, type);
    }

    protected static void send(HttpExchange exchange, int status, JsonNode body, String errorType) throws IOException {
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
