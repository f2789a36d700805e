package org.linli.local.cloud;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.AbstractLocalDynamoDBServerHandler;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBRequestHandler;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * DynamoDB Local 2.x in this JVM, listening on 127.0.0.1 only, on a free port.
 *
 * <p>Its command line has neither a bind address nor port 0, so the Jetty connector it built is
 * adjusted before start (host 127.0.0.1, port 0) and the port read back afterwards. Should that
 * internal field ever move, a free port is picked up front instead (and DynamoDB Local then
 * listens on every interface, as its CLI always does).
 */
final class EmbeddedDynamo implements AutoCloseable {
    private final DynamoDBProxyServer server;
    private final int port;

    private EmbeddedDynamo(DynamoDBProxyServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** @param dataDir where tables are kept across restarts, or null for in memory */
    static EmbeddedDynamo start(Path dataDir) {
        SqliteNatives.install();
        try {
            List<String> args = new ArrayList<>(List.of("-disableTelemetry", "-sharedDb"));
            if (dataDir == null) {
                args.add("-inMemory");
            } else {
                Files.createDirectories(dataDir);
                args.addAll(List.of("-dbPath", dataDir.toString()));
            }
            Server jetty;
            DynamoDBProxyServer server;
            int fallbackPort = freePort();
            args.addAll(List.of("-port", String.valueOf(fallbackPort)));
            server = Quiet.stdout(() -> ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new)));
            jetty = jetty(server);
            if (jetty != null) {
                for (Connector c : jetty.getConnectors()) {
                    if (c instanceof ServerConnector sc) {
                        sc.setHost("127.0.0.1");
                        sc.setPort(0);
                    }
                }
            }
            server.start();
            int port = fallbackPort;
            if (jetty != null && jetty.getConnectors().length > 0 && jetty.getConnectors()[0] instanceof ServerConnector sc) {
                port = sc.getLocalPort();
            }
            return new EmbeddedDynamo(server, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start: " + e.getMessage(), e);
        }
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            System.err.println("[local] DynamoDB Local did not stop cleanly: " + e);
        }
        stopBackgroundJobs();
    }

    /**
     * Jetty's stop leaves DynamoDB Local's job pool (stream shard rollover, TTL deletion) running on
     * non-daemon threads, which would keep a JVM whose main method has returned alive for minutes.
     * Its databases are reached reflectively and shut down; if that ever fails, only that leak remains.
     */
    private void stopBackgroundJobs() {
        try {
            Object serverHandler = field(DynamoDBProxyServer.class, "serverHandler").get(server);
            Object requestHandler = field(AbstractLocalDynamoDBServerHandler.class, "primaryHandler").get(serverHandler);
            Map<?, ?> databases = (Map<?, ?>) field(LocalDynamoDBRequestHandler.class, "dbRequestHandlers").get(requestHandler);
            for (Object db : databases.values()) {
                if (db instanceof AmazonDynamoDBLocal local) local.shutdownNow();
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Leaves the job threads running; harmless for a process that exits explicitly.
        }
    }

    private static Field field(Class<?> owner, String name) throws NoSuchFieldException {
        Field f = owner.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }

    private static Server jetty(DynamoDBProxyServer server) {
        try {
            return field(DynamoDBProxyServer.class, "server").get(server) instanceof Server s ? s : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }
}
