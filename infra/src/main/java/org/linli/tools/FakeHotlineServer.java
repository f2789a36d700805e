package org.linli.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.linli.core.Unauthenticated;
import org.linli.hotline.HotlineSignature;
import org.linli.json.Json;

/**
 * A stand-in for the 12345 hotline platform's endpoint for Linli's status reports
 * (docs/hotline.md), on 127.0.0.1, as {@link FakeWeChatServer} is for WeChat: {@code POST /linli/status}
 * checks each report's signature with the shared key (HMAC-SHA256 over timestamp and body, the
 * 5-minute window on the given clock), records it with the verdict of that check, drops a report
 * whose {@code id} it has already taken (as a platform should: deliveries are at least once), and
 * can be told to fail the next requests ({@link #failNext}) to exercise the outbox's retries.
 */
public final class FakeHotlineServer implements AutoCloseable {
    public static final String PATH = "/linli/status";

    private final HttpServer server;
    private final byte[] key;
    private final Clock clock;
    private final List<Received> received = new ArrayList<>();
    private final Set<String> taken = new HashSet<>();
    private final AtomicInteger failNext = new AtomicInteger();
    private int duplicates;

    /** One request as it arrived: the report (null when the body was no JSON), whether its signature held, what was answered. */
    public record Received(JsonNode report, boolean signatureValid, String signatureProblem, int status) {
        public String kind() {
            return report == null ? null : report.path("kind").asText();
        }

        public String orderNo() {
            return report == null ? null : report.path("orderNo").asText();
        }
    }

    public FakeHotlineServer(int port, String sharedKey, Clock clock) throws IOException {
        this.key = HotlineSignature.key(sharedKey);
        this.clock = clock;
        server = org.linli.local.LocalHttpServers.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "fake-hotline");
            t.setDaemon(true);
            return t;
        }));
        server.createContext(PATH, this::handle);
        server.start();
    }

    /** What the template parameter HotlinePlatformUrl is set to. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    /** The next {@code n} requests answer 503 (the report is not taken). */
    public void failNext(int n) {
        failNext.set(n);
    }

    /** Every request taken (2xx) or refused, in arrival order. */
    public synchronized List<Received> received() {
        return List.copyOf(received);
    }

    /** The reports taken for one order, in arrival order (duplicates and failures left out). */
    public synchronized List<Received> taken(String orderNo) {
        return received.stream().filter(r -> r.status() == 200 && orderNo.equals(r.orderNo())).toList();
    }

    /** Reports that arrived again after being taken (dropped by id). */
    public synchronized int duplicates() {
        return duplicates;
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            if (!"POST".equals(x.getRequestMethod())) {
                answer(x, 405, "{\"error\":\"POST only\"}");
                return;
            }
            byte[] body = x.getRequestBody().readAllBytes();
            String problem = null;
            try {
                HotlineSignature.verify(key, x.getRequestHeaders().getFirst("X-Linli-Timestamp"),
                        x.getRequestHeaders().getFirst("X-Linli-Signature"), body, clock.instant());
            } catch (Unauthenticated e) {
                problem = e.code();
            }
            JsonNode report;
            try {
                report = Json.parse(new String(body, StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                report = null;
            }
            int status;
            synchronized (this) {
                if (problem != null) status = 401;
                else if (report == null) status = 400;
                else if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) status = 503;
                else if (!taken.add(report.path("id").asText())) {
                    duplicates++;
                    status = 208; // already reported: taken before, nothing recorded twice
                } else status = 200;
                received.add(new Received(report, problem == null, problem, status));
            }
            answer(x, status, status / 100 == 2 ? "{\"ok\":true}" : "{\"ok\":false}");
        }
    }

    private static void answer(HttpExchange x, int status, String json) throws IOException {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(status, b.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(b);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
