package org.linli.local.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.linli.local.LocalHttpServers;
import org.linli.local.lambda.FunctionError;
import org.linli.local.lambda.Invoker;
import org.linli.local.lambda.LocalLog;
import org.linli.local.template.FunctionEvent;
import org.linli.local.template.HttpApiDef;
import org.linli.local.template.StackContext;
import org.linli.local.template.TemplateException;
import org.linli.local.template.TemplateModel;

/**
 * The local API Gateway: one HTTP server on 127.0.0.1 serving the template's HttpApi routes (all
 * APIs of the template together) and the gateway's own {@code /_local/} routes.
 */
public final class HttpGateway implements AutoCloseable {
    /** API Gateway's payload limit for HTTP APIs. */
    public static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
    private static final String LOCAL_PREFIX = "/_local/";
    /** How much of an oversized body is read and dropped before the 413, at most. */
    private static final long DRAIN_LIMIT = 256L * 1024 * 1024;

    /** One template route with what serving it needs. */
    public record ApiRoute(FunctionEvent.HttpApi event, HttpApiDef api, HttpApiDef.Authorizer authorizer, String problem) {}

    private final StackContext context;
    private final Invoker invoker;
    private final Authorizers authorizers;
    private final Clock clock;
    private final RouteTable<ApiRoute> apiRoutes = new RouteTable<>();
    private final RouteTable<LocalRoute> localRoutes = new RouteTable<>();
    private final SecureRandom random = new SecureRandom();
    private final HttpServer server;
    private final ExecutorService executor;
    private volatile ConsoleSite console;
    private boolean started;

    /**
     * @param invoker null when functions are not started: template routes then answer 503
     */
    public HttpGateway(int port, TemplateModel model, Invoker invoker, Clock clock) throws IOException {
        this.context = model.context();
        this.invoker = invoker;
        this.clock = clock;
        this.authorizers = new Authorizers(invoker, clock);
        for (FunctionEvent.HttpApi event : model.routes()) {
            HttpApiDef api = model.httpApis().get(event.apiLogicalId());
            if (api == null) throw new TemplateException(event.functionLogicalId() + "." + event.name() + ": unknown API " + event.apiLogicalId());
            apiRoutes.add(event.method(), event.path(), route(event, api));
        }
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "local-gateway-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            this.server = LocalHttpServers.create(new InetSocketAddress("127.0.0.1", port), 64);
        } catch (BindException e) {
            executor.shutdownNow();
            throw new BindException("port " + port + " on 127.0.0.1 is taken; choose another (--port / LINLI_PORT, 0 = any free port)");
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    private static ApiRoute route(FunctionEvent.HttpApi event, HttpApiDef api) {
        String name = event.authorizer() == null ? api.defaultAuthorizer() : event.authorizer();
        HttpApiDef.Authorizer authorizer = null;
        String problem = null;
        if (name != null && !name.equals("NONE")) {
            authorizer = api.authorizers().get(name);
            if (authorizer == null) {
                throw new TemplateException(event.functionLogicalId() + "." + event.name() + ": authorizer " + name
                        + " is not defined on " + api.logicalId());
            }
            if (!"2.0".equals(authorizer.payloadFormatVersion())) {
                problem = "authorizer " + name + " uses payload format " + authorizer.payloadFormatVersion() + "; only 2.0 is emulated";
            }
        }
        if (!"2.0".equals(event.payloadFormatVersion())) {
            problem = "route " + event.routeKey() + " uses payload format " + event.payloadFormatVersion() + "; only 2.0 is emulated";
        }
        if (problem != null) LocalLog.warn(problem);
        return new ApiRoute(event, api, authorizer, problem);
    }

    public synchronized void start() {
        if (!started) server.start();
        started = true;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public List<RouteTable.Route<ApiRoute>> routes() {
        return apiRoutes.routes();
    }

    /**
     * Adds a route of the gateway itself. The path must be under {@code /_local/} (so the template
     * stays the only source of API routes) and may use {@code {param}} and {@code {proxy+}}.
     */
    public void addLocalRoute(String method, String path, LocalRoute handler) {
        if (!path.startsWith(LOCAL_PREFIX)) throw new IllegalArgumentException("local routes live under " + LOCAL_PREFIX + ": " + path);
        localRoutes.add(method, path, handler);
    }

    /** Serves the staff console at {@code /console/} (not an API route: CloudFront serves it when deployed). */
    public void serveConsole(ConsoleSite site) {
        this.console = site;
    }

    /** Whether the gateway has a {@code /_local/} route for this method and path (e.g. the dev login). */
    public boolean hasLocalRoute(String method, String path) {
        return localRoutes.match(method, path).isPresent();
    }

    private void handle(HttpExchange exchange) {
        long started = System.nanoTime();
        HttpResult result;
        String label = "";
        // What the request log names: the route key, as the template's access log does - a path or a
        // query can carry personal information (a phone typed where an id belongs).
        String logged = exchange.getRequestMethod() + " (no route)";
        try (exchange) {
            try {
                GatewayRequest request = read(exchange);
                if (request == null) {
                    result = HttpResult.message(413, "Request Entity Too Large");
                } else if (request.rawPath().startsWith(LOCAL_PREFIX)) {
                    label = "local";
                    logged = exchange.getRequestMethod() + " " + request.rawPath();
                    result = local(request);
                } else if (console != null && ConsoleSite.handles(request.rawPath())) {
                    label = "console";
                    logged = exchange.getRequestMethod() + " " + ConsoleSite.PREFIX + "/";
                    result = console.serve(request);
                } else {
                    var match = apiRoutes.match(request.method(), request.rawPath());
                    if (match.isEmpty()) {
                        result = HttpResult.message(404, "Not Found");
                    } else {
                        label = match.get().target().event().functionLogicalId();
                        logged = match.get().target().event().routeKey();
                        result = api(request, match.get());
                    }
                }
            } catch (IOException | RuntimeException e) {
                LocalLog.error("gateway: " + e);
                result = HttpResult.message(500, "Internal Server Error");
            }
            write(exchange, result);
            LocalLog.info(logged + " -> " + result.status()
                    + (label.isEmpty() ? "" : " (" + label + ")") + " " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms");
        } catch (IOException e) {
            // The client went away; nothing to answer.
        }
    }

    private HttpResult api(GatewayRequest request, RouteTable.Match<ApiRoute> match) {
        ApiRoute route = match.target();
        if (route.problem() != null) return HttpResult.message(500, "Internal Server Error");
        if (invoker == null) return HttpResult.message(503, "Service Unavailable");
        String routeKey = route.event().routeKey();
        String requestId = requestId();
        ApiEvents.RequestInfo info = new ApiEvents.RequestInfo(route.api().apiId(), context.accountId(), "127.0.0.1", requestId, clock.instant());
        JsonNode authorizer = null;
        if (route.authorizer() != null) {
            String arn = ApiEvents.routeArn(context.partition(), context.region(), info, request.method(), request.rawPath());
            Authorizers.Decision d = authorizers.authorize(route.authorizer(), request, routeKey, match.pathParameters(), info, arn);
            if (!d.allowed()) return withRequestId(HttpResult.message(d.status(), d.message()), requestId);
            authorizer = d.authorizer();
        }
        String event = ApiEvents.httpEvent(request, routeKey, match.pathParameters(), info, authorizer).toString();
        HttpResult result;
        try {
            result = ResponseMapper.map(invoker.invoke(route.event().functionLogicalId(), event));
            if (result == null) {
                LocalLog.warn(route.event().functionLogicalId() + " returned a response API Gateway cannot map (500)");
                result = HttpResult.message(500, "Internal Server Error");
            }
        } catch (FunctionError e) {
            LocalLog.warn(e.getMessage());
            result = HttpResult.message(500, "Internal Server Error");
        }
        return withRequestId(result, requestId);
    }

    private HttpResult local(GatewayRequest request) {
        var match = localRoutes.match(request.method(), request.rawPath());
        if (match.isEmpty()) return HttpResult.message(404, "Not Found");
        LocalRequest local = new LocalRequest(request.method(), request.rawPath(), match.get().pathParameters(),
                request.queryParameters(), request.eventHeaders(), request.body());
        try {
            LocalResponse r = match.get().target().handle(local);
            return new HttpResult(r.status(), new ArrayList<>(r.headers().entrySet()), r.body());
        } catch (Exception e) {
            LocalLog.error(request.method() + " " + request.rawPath() + ": " + e);
            return HttpResult.message(500, "Internal Server Error");
        }
    }

    private static HttpResult withRequestId(HttpResult r, String requestId) {
        List<Map.Entry<String, String>> headers = new ArrayList<>(r.headers());
        headers.add(Map.entry("Apigw-Requestid", requestId));
        return new HttpResult(r.status(), headers, r.body());
    }

    /** An API Gateway-looking request id, e.g. {@code JKJaXmPLvHcESHA=}. */
    private String requestId() {
        byte[] b = new byte[11];
        random.nextBytes(b);
        return Base64.getEncoder().encodeToString(b).replace('/', 'A').replace('+', 'B');
    }

    /** @return null when the body is larger than API Gateway accepts */
    private static GatewayRequest read(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                // Read the rest before answering: a client still sending would miss the 413.
                long skipped = 0;
                byte[] sink = new byte[64 * 1024];
                for (int n; skipped < DRAIN_LIMIT && (n = in.read(sink)) > 0; ) skipped += n;
                return null;
            }
        }
        URI uri = exchange.getRequestURI();
        String rawPath = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return new GatewayRequest(exchange.getRequestMethod(), rawPath, uri.getRawQuery(), exchange.getRequestHeaders(),
                body, exchange.getRemoteAddress().getAddress().getHostAddress(), exchange.getProtocol());
    }

    private static void write(HttpExchange exchange, HttpResult result) throws IOException {
        var headers = exchange.getResponseHeaders();
        for (Map.Entry<String, String> h : result.headers()) headers.add(h.getKey(), h.getValue());
        boolean noBody = result.body().length == 0 || exchange.getRequestMethod().equals("HEAD")
                || result.status() == 204 || result.status() == 304;
        exchange.sendResponseHeaders(result.status(), noBody ? -1 : result.body().length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(result.body());
            }
        }
    }

    @Override
    public synchronized void close() {
        // The JDK server releases its port from the dispatcher thread: one that never started
        // would keep the port bound after stop().
        if (!started) server.start();
        started = true;
        server.stop(0);
        executor.shutdownNow();
    }
}
