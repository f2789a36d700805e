package org.linli.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.linli.local.cloud.CloudBackend;
import org.linli.local.cloud.EmbeddedBackend;
import org.linli.local.cloud.LocalClients;
import org.linli.local.cloud.Provisioner;
import org.linli.local.events.SqsEventSource;
import org.linli.local.gateway.ConsoleSite;
import org.linli.local.gateway.HttpGateway;
import org.linli.local.gateway.LocalRoute;
import org.linli.local.lambda.FunctionError;
import org.linli.local.lambda.Invoker;
import org.linli.local.lambda.LambdaRuntime;
import org.linli.local.lambda.LocalLog;
import org.linli.local.s3.EmbeddedS3;
import org.linli.local.schedule.Scheduler;
import org.linli.local.secrets.FakeSecretsManager;
import org.linli.local.secrets.SecretStore;
import org.linli.local.template.FunctionDef;
import org.linli.local.template.FunctionEvent;
import org.linli.local.template.QueueDef;
import org.linli.local.template.StackContext;
import org.linli.local.template.TemplateModel;
import org.linli.local.template.TemplateReader;
import org.jclouds.blobstore.BlobStoreContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Everything template.yaml describes, running in this JVM: DynamoDB and SQS (embedded, or any
 * {@link CloudBackend}), a Secrets Manager, the functions, the HTTP API, the SQS event sources and
 * the schedules. Nothing is hard-coded: tables, queues, routes and schedules come from the template.
 *
 * <pre>{@code
 * try (LocalCloud cloud = LocalCloud.builder().port(0).customizer(mine).build().start()) {
 *     HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(cloud.baseUrl() + "/me")).build(), ...);
 * }
 * }</pre>
 */
public final class LocalCloud implements AutoCloseable {
    private final Builder config;
    private final Setup setup;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final List<SqsEventSource> eventSources = new ArrayList<>();
    private final Map<String, Map<String, String>> functionEnvs = new LinkedHashMap<>();
    private final Map<String, String> functionArns = new LinkedHashMap<>();
    private final Map<String, Long> startupMillis = new LinkedHashMap<>();
    private CloudBackend backend;
    private FakeSecretsManager secretsManager;
    private org.linli.local.kms.FakeKms kms;
    private EmbeddedS3 s3;
    private TemplateModel model;
    private DynamoDbClient dynamo;
    private SqsClient sqs;
    private LambdaRuntime runtime;
    private HttpGateway gateway;
    private Scheduler scheduler;
    private Provisioner.Result provisioned;
    private volatile boolean started;

    private LocalCloud(Builder config) {
        this.config = config;
        this.setup = new Setup(config);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts everything; returns once the gateway accepts requests. On failure, whatever was
     * started is stopped again and the exception is thrown.
     */
    public synchronized LocalCloud start() {
        if (started) return this;
        if (closed.get()) throw new IllegalStateException("this local cloud was closed");
        LocalLog.setQuiet(config.quiet);
        long t0 = System.nanoTime();
        CompletableFuture<CloudBackend> backendStart = config.backend != null
                ? CompletableFuture.completedFuture(config.backend)
                : async("local-backend-start", () -> EmbeddedBackend.start(config.dataDir, config.region, StackContext.DEFAULT_ACCOUNT));
        // The blob store (Guice, class loading) builds while the backend starts; S3Proxy itself waits for the template.
        CompletableFuture<BlobStoreContext> s3Store = async("local-s3-store",
                () -> EmbeddedS3.store(config.dataDir == null ? null : config.dataDir.resolve("s3")));
        try {
            async("local-sdk-warm-up", () -> {
                LocalClients.warmUp(config.region);
                return null;
            });
            secretsManager = new FakeSecretsManager(setup.secrets, config.region, StackContext.DEFAULT_ACCOUNT);
            resources.add(secretsManager);
            for (LocalCustomizer c : config.customizers) c.beforeProvision(setup);
            backend = join(backendStart);
            if (config.backend == null) resources.add(backend);
            lap("backend", t0);

            long t1 = System.nanoTime();
            StackContext context = new StackContext(config.region, StackContext.DEFAULT_ACCOUNT, config.stackName,
                    backend.sqsEndpoint().toString());
            model = new TemplateReader(context, setup.parameters, setup.secrets::value).read(config.template);
            kms = new org.linli.local.kms.FakeKms(model.keys().values(), config.region, LocalClients.ACCESS_KEY, LocalClients.SECRET_KEY);
            resources.add(kms);
            dynamo = LocalClients.dynamo(backend.dynamoEndpoint(), config.region);
            sqs = LocalClients.sqs(backend.sqsEndpoint(), config.region);
            resources.add(dynamo);
            resources.add(sqs);
            // A local clock moved away from the machine's (run-local --clock, the integration tests) leaves TTL off:
            // DynamoDB Local expires items by the machine's clock and would delete what the functions still see as live.
            boolean timeToLive = !(config.clock instanceof LocalClock c) || c.followsMachine();
            if (!timeToLive) LocalLog.info("TTL left off: DynamoDB Local would expire items by the machine's clock, not the cloud's (" + config.clock + ")");
            provisioned = new Provisioner(dynamo, sqs, backend.ignoredQueueAttributes(), timeToLive).provision(model);
            s3 = EmbeddedS3.start(join(s3Store), config.dataDir == null ? "in memory" : config.dataDir.resolve("s3").toString(),
                    model.buckets().values(), Map.of(LocalClients.ACCESS_KEY, LocalClients.SECRET_KEY), config.region, sqs,
                    id -> model.queue(id).url(), config.clock);
            resources.add(s3);
            lap("provision", t1);

            for (FunctionDef fn : model.functions().values()) {
                functionArns.put(fn.logicalId(), context.arn("lambda", "function:" + fn.functionName()));
                functionEnvs.put(fn.logicalId(), environment(fn));
            }
            gateway = new HttpGateway(config.port, model, config.startFunctions ? this::invoke : null, config.clock);
            resources.add(gateway);
            gateway.serveConsole(new ConsoleSite(config.consoleDir(), this::consoleConfig, config.tileSource()));
            AdminRoutes.register(this, gateway);
            for (LocalCustomizer c : config.customizers) c.afterProvision(this);

            long t2 = System.nanoTime();
            Invoker invoker = this::invoke;
            if (config.startFunctions) {
                runtime = LambdaRuntime.start(model.functions().values(), functionArns, functionEnvs, config.clock, config.classLoader,
                        config.maxInstances);
            } else {
                invoker = (fn, event) -> {
                    throw new IllegalStateException("functions are not started (startFunctions(false))");
                };
            }
            scheduler = new Scheduler(model.schedules(), invoker, config.clock, context, sqs,
                    id -> model.queue(id).url(), functionArns, config.schedulerTickMillis);
            resources.add(scheduler);
            lap("functions", t2);

            gateway.start();
            if (config.startFunctions) {
                startEventSources();
                scheduler.start();
            }
            lap("total", t0);
            started = true;
            return this;
        } catch (IOException e) {
            abort(backendStart, s3Store);
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            abort(backendStart, s3Store);
            throw e;
        }
    }

    /** A failed start: stops what started, including an embedded backend or blob store still starting. */
    private void abort(CompletableFuture<CloudBackend> backendStart, CompletableFuture<BlobStoreContext> s3Store) {
        if (config.backend == null && backend == null) backendStart.thenAccept(CloudBackend::close);
        if (s3 == null) s3Store.thenAccept(BlobStoreContext::close);
        close();
    }

    private void startEventSources() {
        for (FunctionEvent.Sqs event : model.sqsEvents()) {
            if (!event.enabled()) {
                LocalLog.info("SQS event " + event.functionLogicalId() + "." + event.name() + " is disabled (Enabled: false)");
                continue;
            }
            if (event.queueLogicalId() == null) {
                LocalLog.warn("SQS event " + event.functionLogicalId() + "." + event.name() + ": queue " + event.queueArn()
                        + " is not in the template; not emulated");
                continue;
            }
            QueueDef queue = model.queue(event.queueLogicalId());
            SqsEventSource source = new SqsEventSource(event, queue.url(), queue.arn(), config.region, sqs, this::invoke);
            eventSources.add(source);
            resources.add(resources.indexOf(gateway) + 1, source);
            source.start();
        }
    }

    /** The template's variables, then what the Lambda service sets, then local endpoints, then extra env. */
    private Map<String, String> environment(FunctionDef fn) {
        Map<String, String> env = new LinkedHashMap<>(fn.environment());
        env.put("AWS_REGION", config.region);
        env.put("AWS_DEFAULT_REGION", config.region);
        env.put("AWS_ACCESS_KEY_ID", LocalClients.ACCESS_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", LocalClients.SECRET_KEY);
        // Blank values hide a developer's own AWS settings from the functions (Env treats blank as unset).
        env.put("AWS_SESSION_TOKEN", "");
        env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", "");
        env.put("LINLI_ENDPOINT_DYNAMODB", backend.dynamoEndpoint().toString());
        env.put("LINLI_ENDPOINT_SQS", backend.sqsEndpoint().toString());
        env.put("LINLI_ENDPOINT_S3", s3.endpoint().toString());
        env.put("LINLI_ENDPOINT_SECRETSMANAGER", secretsManager.endpoint().toString());
        env.put("LINLI_ENDPOINT_KMS", kms.endpoint().toString());
        env.put("AWS_LAMBDA_FUNCTION_NAME", fn.functionName());
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", String.valueOf(fn.memoryMb()));
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + fn.functionName());
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + fn.runtime());
        env.put("_HANDLER", fn.handler());
        env.putAll(setup.envForAll);
        env.putAll(setup.envByFunction.getOrDefault(fn.logicalId(), Map.of()));
        return env;
    }

    private void lap(String name, long since) {
        startupMillis.put(name, (System.nanoTime() - since) / 1_000_000);
    }

    /** A named daemon thread rather than the common pool, which has a single thread on two cores. */
    private static <T> CompletableFuture<T> async(String name, Supplier<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                f.complete(work.get());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return f;
    }

    private static <T> T join(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        }
    }

    // ------------------------------------------------------------------ accessors

    public URI baseUrl() {
        return gateway().baseUrl();
    }

    public int port() {
        return gateway().port();
    }

    public URI dynamoEndpoint() {
        return requireBackend().dynamoEndpoint();
    }

    public URI sqsEndpoint() {
        return requireBackend().sqsEndpoint();
    }

    /** The local S3 (S3Proxy): path-style URLs, the local credentials. */
    public URI s3Endpoint() {
        return s3().endpoint();
    }

    public EmbeddedS3 s3() {
        return Objects.requireNonNull(s3, "not started");
    }

    /** The local KMS serving the template's keys (calls counted per operation). */
    public org.linli.local.kms.FakeKms kms() {
        return Objects.requireNonNull(kms, "not started");
    }

    public URI secretsEndpoint() {
        return Objects.requireNonNull(secretsManager, "not started").endpoint();
    }

    /** A client on the local DynamoDB; owned by the cloud (closed with it). */
    public DynamoDbClient dynamo() {
        return Objects.requireNonNull(dynamo, "not started");
    }

    /** A client on the local SQS; owned by the cloud (closed with it). */
    public SqsClient sqs() {
        return Objects.requireNonNull(sqs, "not started");
    }

    public TemplateModel model() {
        return Objects.requireNonNull(model, "not started");
    }

    public String tableName(String logicalId) {
        return model().table(logicalId).tableName();
    }

    public String queueUrl(String logicalId) {
        return model().queue(logicalId).url();
    }

    /** The queue's ARN as the template sees it ({@code !GetAtt Queue.Arn}, eventSourceARN). */
    public String queueArn(String logicalId) {
        return model().queue(logicalId).arn();
    }

    /** The complete environment a function runs with. */
    public Map<String, String> functionEnv(String logicalId) {
        Map<String, String> env = functionEnvs.get(logicalId);
        if (env == null) throw new IllegalArgumentException("no function '" + logicalId + "'; there are " + functionEnvs.keySet());
        return Map.copyOf(env);
    }

    public SecretStore secrets() {
        return setup.secrets;
    }

    /** Whether demo data should be seeded (false after {@code --no-seed}). */
    public boolean seed() {
        return config.seed;
    }

    /** Milliseconds per start phase: backend, provision, functions, total. */
    public Map<String, Long> startupMillis() {
        return Map.copyOf(startupMillis);
    }

    public Provisioner.Result provisioned() {
        return provisioned;
    }

    public CloudBackend backend() {
        return requireBackend();
    }

    /** The functions, once started (null with startFunctions(false)). */
    public LambdaRuntime runtime() {
        return runtime;
    }

    /** The clock the functions, the schedules and the gateway run by. */
    public Clock clock() {
        return config.clock;
    }

    public Scheduler scheduler() {
        return Objects.requireNonNull(scheduler, "not started");
    }

    public List<SqsEventSource> eventSources() {
        return List.copyOf(eventSources);
    }

    public HttpGateway gateway() {
        return Objects.requireNonNull(gateway, "not started");
    }

    /**
     * Invokes a function synchronously with an event, as Lambda's Invoke API would.
     *
     * @throws FunctionError when the function fails (its {@code toJson()} is Lambda's error document)
     */
    public String invoke(String functionLogicalId, String eventJson) {
        if (runtime == null) throw new IllegalStateException("functions are not started");
        return runtime.invoke(functionLogicalId, eventJson);
    }

    /** Fires a schedule now (see {@link Scheduler#fire(String)} for the names it accepts). */
    public Scheduler.Firing fireSchedule(String name) {
        return scheduler().fire(name);
    }

    /** Fires a schedule now as if it had been scheduled for {@code at} (its {@code <aws.scheduler.scheduled-time>}). */
    public Scheduler.Firing fireSchedule(String name, java.time.Instant at) {
        return scheduler().fire(name, at);
    }

    /** What the customizers want said once the cloud is ready. */
    public List<String> readyMessages() {
        List<String> out = new ArrayList<>();
        for (LocalCustomizer c : config.customizers) {
            String m = c.readyMessage(this);
            if (m != null && !m.isBlank()) out.add(m);
        }
        return out;
    }

    /** The staff console's address on this cloud. */
    public URI consoleUrl() {
        return baseUrl().resolve(ConsoleSite.PREFIX + "/");
    }

    /**
     * The console's runtime configuration ({@code /console/config.json}): the API on the same
     * origin, the dev login when a customizer installed it, the optional tile layer.
     */
    private String consoleConfig() {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var o = json.createObjectNode();
        o.put("apiBaseUrl", "");
        o.put("devLogin", gateway().hasLocalRoute("POST", "/_local/dev-login"));
        if (consoleWeChat == null) {
            o.putNull("wechatLogin");
        } else { // back to this origin's /console/login, as a deployment's config.json names its own domain
            o.putObject("wechatLogin").put("appId", consoleWeChat[0]).put("authorizeUrl", consoleWeChat[1])
                    .put("redirectUri", baseUrl().toString().replaceAll("/$", "") + "/console/login");
        }
        if (config.tileUrl == null || config.tileUrl.isBlank()) {
            o.putNull("tiles");
        } else {
            o.putObject("tiles").put("url", config.tileUrl).put("attribution", config.tileAttribution == null ? "" : config.tileAttribution);
        }
        o.put("bigScreenRefreshSeconds", 60);
        return o.toString();
    }

    private volatile String[] consoleWeChat;

    /** The WeChat website sign-in the console offers (config.json's wechatLogin): the app id and the QR page's address. */
    public void consoleWeChatLogin(String appId, String authorizeUrl) {
        this.consoleWeChat = new String[] {appId, authorizeUrl};
    }

    /** Adds a gateway route under {@code /_local/}. */
    public void addLocalRoute(String method, String path, LocalRoute handler) {
        gateway().addLocalRoute(method, path, handler);
    }

    private CloudBackend requireBackend() {
        return Objects.requireNonNull(backend, "not started");
    }

    /** Stops everything this cloud started (not a backend passed to the builder). Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        for (LocalCustomizer c : config.customizers) {
            try {
                c.close();
            } catch (RuntimeException e) {
                LocalLog.warn("while closing customizer " + c.getClass().getSimpleName() + ": " + e);
            }
        }
        List<AutoCloseable> reversed = new ArrayList<>(resources);
        Collections.reverse(reversed);
        for (AutoCloseable r : reversed) {
            try {
                r.close();
            } catch (Exception e) {
                LocalLog.warn("while stopping " + r.getClass().getSimpleName() + ": " + e);
            }
        }
        resources.clear();
    }

    /** What a {@link LocalCustomizer#beforeProvision} can change before the template is resolved. */
    public static final class Setup {
        private final Builder config;
        private final SecretStore secrets = new SecretStore();
        private final Map<String, String> parameters = new LinkedHashMap<>();
        private final Map<String, String> envForAll = new LinkedHashMap<>();
        private final Map<String, Map<String, String>> envByFunction = new LinkedHashMap<>();

        private Setup(Builder config) {
            this.config = config;
            parameters.putAll(config.parameters);
            envForAll.putAll(config.envForAll);
            config.envByFunction.forEach((fn, env) -> envByFunction.put(fn, new LinkedHashMap<>(env)));
        }

        public Setup putSecret(String name, String value) {
            secrets.putSecret(name, value);
            return this;
        }

        public SecretStore secrets() {
            return secrets;
        }

        public Setup parameter(String name, String value) {
            parameters.put(name, value);
            return this;
        }

        /** The parameter overrides so far. */
        public Map<String, String> parameters() {
            return Map.copyOf(parameters);
        }

        public Setup env(String functionLogicalId, String name, String value) {
            envByFunction.computeIfAbsent(functionLogicalId, k -> new LinkedHashMap<>()).put(name, value);
            return this;
        }

        public Setup envForAll(String name, String value) {
            envForAll.put(name, value);
            return this;
        }

        public Path template() {
            return config.template;
        }

        public String region() {
            return config.region;
        }

        public String stackName() {
            return config.stackName;
        }

        public boolean seed() {
            return config.seed;
        }
    }

    /** Configuration; every setting has a default that suits tests (free port, in memory). */
    public static final class Builder {
        private Path template;
        private int port = 0;
        private Path dataDir;
        private final Map<String, String> parameters = new LinkedHashMap<>();
        private final Map<String, String> envForAll = new LinkedHashMap<>();
        private final Map<String, Map<String, String>> envByFunction = new LinkedHashMap<>();
        private String region = StackContext.DEFAULT_REGION;
        private String stackName = StackContext.DEFAULT_STACK;
        private Clock clock = LocalClock.machine();
        private final List<LocalCustomizer> customizers = new ArrayList<>();
        private CloudBackend backend;
        private boolean startFunctions = true;
        private boolean seed = !"false".equalsIgnoreCase(System.getProperty("linli.seed"));
        private int maxInstances = LambdaRuntime.DEFAULT_MAX_INSTANCES;
        private ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
        private boolean quiet = Boolean.getBoolean("linli.local.quiet");
        private long schedulerTickMillis = 200;
        private Path consoleDir;
        private String tileUrl = System.getenv("LINLI_TILE_URL");
        private String tileAttribution = System.getenv("LINLI_TILE_ATTRIBUTION");

        private Builder() {}

        /** The built console to serve at /console/; default: console/dist beside the template. */
        public Builder consoleDir(Path dir) {
            this.consoleDir = dir;
            return this;
        }

        /**
         * An XYZ tile layer for the console's map ({@code {z}/{x}/{y}}, optional {@code {s}}), with
         * the deployment's key; default: {@code LINLI_TILE_URL} / {@code LINLI_TILE_ATTRIBUTION}, else none
         * (the map draws its polygons without tiles).
         */
        public Builder consoleTiles(String url, String attribution) {
            this.tileUrl = url;
            this.tileAttribution = attribution;
            return this;
        }

        Path consoleDir() {
            if (consoleDir != null) return consoleDir;
            Path dir = template.toAbsolutePath().getParent();
            return (dir == null ? Path.of("console") : dir.resolve("console")).resolve("dist");
        }

        /** The tile server's origin for the console's CSP (img-src); a {@code {s}} label becomes {@code *}. */
        String tileSource() {
            if (tileUrl == null || tileUrl.isBlank()) return "";
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(https?://)([^/]+)").matcher(tileUrl.trim());
            if (!m.find()) return "";
            String host = java.util.Arrays.stream(m.group(2).split("\\."))
                    .map(label -> label.contains("{") ? "*" : label).collect(java.util.stream.Collectors.joining("."));
            return m.group(1) + host;
        }

        /** Default: {@link TemplateLocator#find()}. */
        public Builder template(Path template) {
            this.template = template;
            return this;
        }

        /** The gateway's port; 0 (the default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Keeps DynamoDB tables and S3 objects in this directory across restarts; null (default) keeps them in memory. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        public Builder parameter(String name, String value) {
            parameters.put(name, value);
            return this;
        }

        public Builder parameters(Map<String, String> values) {
            parameters.putAll(values);
            return this;
        }

        /** An extra (or overriding) environment variable of one function. */
        public Builder env(String functionLogicalId, String name, String value) {
            envByFunction.computeIfAbsent(functionLogicalId, k -> new LinkedHashMap<>()).put(name, value);
            return this;
        }

        /** An extra (or overriding) environment variable of every function. */
        public Builder envForAll(String name, String value) {
            envForAll.put(name, value);
            return this;
        }

        public Builder region(String region) {
            this.region = region;
            return this;
        }

        public Builder stackName(String stackName) {
            this.stackName = stackName;
            return this;
        }

        /**
         * The clock of the functions (their wiring's), the schedules and the authorizer cache; default: the
         * machine's time, movable through {@code /_local/clock} ({@link LocalClock}).
         */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder customizer(LocalCustomizer customizer) {
            customizers.add(customizer);
            return this;
        }

        public Builder customizers(Iterable<? extends LocalCustomizer> all) {
            all.forEach(customizers::add);
            return this;
        }

        /** Use this backend instead of starting embedded DynamoDB Local and ElasticMQ; it is not closed with the cloud. */
        public Builder backend(CloudBackend backend) {
            this.backend = backend;
            return this;
        }

        /**
         * False provisions tables and queues and serves /_local/ only: no handler is loaded or
         * constructed, no poller or schedule runs.
         */
        public Builder startFunctions(boolean start) {
            this.startFunctions = start;
            return this;
        }

        /** Whether customizers should seed demo data; default: unless {@code -Dlinli.seed=false}. */
        public Builder seed(boolean seed) {
            this.seed = seed;
            return this;
        }

        /** Concurrent invocations (handler instances) per function; default 4. */
        public Builder maxInstancesPerFunction(int max) {
            if (max < 1) throw new IllegalArgumentException("at least one instance");
            this.maxInstances = max;
            return this;
        }

        public Builder classLoader(ClassLoader loader) {
            this.classLoader = loader;
            return this;
        }

        /** Drops the per-request log lines. */
        public Builder quiet(boolean quiet) {
            this.quiet = quiet;
            return this;
        }

        public Builder schedulerTickMillis(long millis) {
            this.schedulerTickMillis = millis;
            return this;
        }

        public LocalCloud build() {
            if (template == null) template = TemplateLocator.find();
            return new LocalCloud(this);
        }

        /** {@code build().start()}. */
        public LocalCloud start() {
            return build().start();
        }
    }
}
