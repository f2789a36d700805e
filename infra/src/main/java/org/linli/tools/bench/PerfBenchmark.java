package org.linli.tools.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.linli.adapters.dynamo.cases.DynamoReportStore;
import org.linli.config.AwsClients;
import org.linli.adapters.sqs.ReportReceivedMessage;
import org.linli.core.Ids;
import org.linli.core.RateLimit;
import org.linli.geo.Datum;
import org.linli.geo.GeoPoint;
import org.linli.report.Contact;
import org.linli.report.ReportDraft;
import org.linli.report.ReportReceived;
import org.linli.report.Source;
import org.linli.identity.AccessTokens;
import org.linli.identity.Principal;
import org.linli.identity.Role;
import org.linli.json.Json;
import org.linli.local.LocalCloud;
import org.linli.local.TemplateLocator;
import org.linli.local.template.FunctionDef;
import org.linli.local.template.TableDef;
import org.linli.report.Report;
import org.linli.report.ReportStatus;
import org.linli.tools.LocalSetup;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * Performance, measured (docs/performance.md): one local cloud, then five tables - the function
 * package's size, AWS calls per operation (every route, consumer and schedule), warm latency through
 * the handler against the same AWS calls made directly, cold starts of every function in fresh JVMs
 * beside a hello-world and a bare-SDK baseline, and the report pipeline's sustained rate.
 *
 * <pre>infra/bench [--runs 3] [--warm 200] [--reports 500] [--concurrency 8] [--only size,calls,warm,cold,pipeline]
 *             [--functions CaseEvents,Volunteers] [--classlog yes]</pre>
 *
 * Exits non-zero when a phase fails (a function that does not start, a pipeline that does not drain).
 */
public final class PerfBenchmark {
    /** The cold JVM's flags: the template's JAVA_TOOL_OPTIONS, and a heap and collector near Lambda's. */
    static final List<String> JVM_FLAGS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-Xshare:auto", "-Xmx512m");
    private static final List<String> WARM_OPERATIONS = List.of("POST /reports", "GET /reports/{reportId}", "GET /cases/{caseId}",
            "POST /cases/{caseId}/actions/{action}", "GET /territory/locate", "GET /me/notifications", "GET /communities/{code}/wishes",
            "GET /kpis/{unit}", "POST /patrols");

    private final Map<String, String> options;
    private final Path out;
    private final StringBuilder report = new StringBuilder();

    private PerfBenchmark(Map<String, String> options) {
        this.options = options;
        this.out = Path.of(options.getOrDefault("dir", "infra/target/bench"));
    }

    public static void main(String[] args) throws Exception {
        int code;
        try {
            code = new PerfBenchmark(DispatchBenchmark.options(args)).run();
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            code = 1;
        }
        System.exit(code);
    }

    private int run() throws Exception {
        Files.createDirectories(out);
        Set<String> only = Set.of(options.getOrDefault("only", "size,calls,warm,cold,pipeline,heat").split(","));
        AwsClients.installInterceptor(CallCounter.INSTANCE);
        say("# Linli performance run, " + Instant.now() + " (" + Runtime.getRuntime().availableProcessors() + " cores, load "
                + loadAverage() + ", java " + System.getProperty("java.version") + ")\n");
        if (only.contains("size")) size();
        LocalSetup setup = new LocalSetup();
        try (LocalCloud cloud = LocalCloud.builder().template(TemplateLocator.find()).port(0).seed(true).quiet(true)
                .customizer(setup).start()) {
            List<Operations.Result> ops = new Operations(cloud).runAll();
            if (only.contains("calls")) calls(ops);
            if (only.contains("warm")) warm(cloud, ops);
            if (only.contains("cold")) cold(cloud, ops);
            WriteHeat heat = only.contains("heat") ? new WriteHeat(cloud.model().tables().values()) : null;
            if (only.contains("pipeline") || heat != null) pipeline(cloud, setup, heat);
            if (heat != null) burst(cloud);
        }
        say("\nload average at the end: " + loadAverage());
        Files.writeString(out.resolve("perf.md"), report.toString());
        System.out.println("(also written to " + out.resolve("perf.md") + ")");
        return 0;
    }

    // ---------------------------------------------------------------- size

    /** The package sam build makes for a Maven function: the classes at the root, the runtime jars under lib/. */
    private void size() throws IOException {
        List<Path> jars = functionClasspath();
        Path classes = jars.get(0);
        Path zip = out.resolve("function-package.zip");
        int classCount = 0;
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            try (var walk = Files.walk(classes)) {
                for (Path p : walk.filter(Files::isRegularFile).toList()) {
                    z.putNextEntry(new ZipEntry(classes.relativize(p).toString()));
                    Files.copy(p, z);
                    if (p.toString().endsWith(".class")) classCount++;
                }
            }
            for (Path jar : jars.subList(1, jars.size())) {
                z.putNextEntry(new ZipEntry("lib/" + jar.getFileName()));
                Files.copy(jar, z);
            }
        }
        Map<String, long[]> deps = new TreeMap<>();
        for (Path jar : jars.subList(1, jars.size())) {
            try (ZipFile f = new ZipFile(jar.toFile())) {
                long n = f.stream().filter(e -> e.getName().endsWith(".class")).count();
                deps.put(jar.getFileName().toString(), new long[] {Files.size(jar), n});
                classCount += (int) n;
            }
        }
        say("## Size: the function package (one for all 25 functions)\n");
        say(String.format("package %.1f MB (zip as sam build lays it out: classes + lib/*.jar), %,d classes, %d jars;"
                + " Linli's own classes: %,d%n", Files.size(zip) / 1048576.0, classCount, deps.size(), countClasses(classes)));
        say("| largest dependencies | MB | classes |\n|---|---:|---:|");
        deps.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0])).limit(8).forEach(e ->
                say(String.format("| %s | %.2f | %,d |", e.getKey(), e.getValue()[0] / 1048576.0, e.getValue()[1])));
        say("");
    }

    private static long countClasses(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(".class")).count();
        }
    }

    /** functions/target/classes then the functions module's runtime jars (the infra/bench script resolves them). */
    static List<Path> functionClasspath() throws IOException {
        String file = System.getProperty("linli.functions.classpath");
        if (file == null) throw new IllegalStateException("run through infra/bench (it resolves the function package's jars)");
        List<Path> out = new ArrayList<>();
        out.add(Path.of(System.getProperty("linli.functions.classes")));
        for (String e : Files.readString(Path.of(file)).trim().split(java.io.File.pathSeparator)) {
            if (!e.isBlank()) out.add(Path.of(e));
        }
        return out;
    }

    // ---------------------------------------------------------------- calls

    private void calls(List<Operations.Result> ops) {
        say("## AWS calls per operation (" + ops.size() + " operations; counted on the functions' SDK clients)\n");
        say(Operations.table(ops));
        for (Operations.Result r : ops) {
            if (!r.violations().isEmpty()) say("  over budget: " + r.name() + " " + r.violations());
        }
    }

    // ---------------------------------------------------------------- warm

    private void warm(LocalCloud cloud, List<Operations.Result> ops) {
        int n = Integer.parseInt(options.getOrDefault("warm", "200"));
        say("\n## Warm: " + n + " invocations per operation, in-process, after " + n / 4 + " to warm up\n");
        say("| operation | calls | handler p50 ms | handler p99 ms | same calls direct p50 ms | direct p99 ms | overhead p50 ms |");
        say("|---|---|---:|---:|---:|---:|---:|");
        for (String name : WARM_OPERATIONS) {
            Operations.Result r = ops.stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
            List<SdkRequest> recorded = new ArrayList<>();
            for (int i = 0; i < n / 4; i++) cloud.invoke(r.function(), fresh(r.event()));
            CallCounter.INSTANCE.record(recorded, () -> cloud.invoke(r.function(), fresh(r.event())));
            double[] handler = new double[n];
            for (int i = 0; i < n; i++) {
                String event = fresh(r.event());
                long t0 = System.nanoTime();
                cloud.invoke(r.function(), event);
                handler[i] = (System.nanoTime() - t0) / 1e6;
            }
            for (int i = 0; i < n / 4; i++) replay(recorded);
            double[] direct = new double[n];
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                replay(recorded);
                direct[i] = (System.nanoTime() - t0) / 1e6;
            }
            Arrays.sort(handler);
            Arrays.sort(direct);
            say(String.format("| %s | %s | %.2f | %.2f | %.2f | %.2f | %+.2f |", name, r.calls(), pct(handler, 50), pct(handler, 99),
                    pct(direct, 50), pct(direct, 99), pct(handler, 50) - pct(direct, 50)));
        }
    }

    /** The event again with a new request id and Idempotency-Key: a new request, not a replay. */
    private static String fresh(String event) {
        JsonNode e = Json.parse(event);
        if (e.has("headers") && e.path("headers").has("idempotency-key")) {
            ((ObjectNode) e.path("headers")).put("idempotency-key", UUID.randomUUID().toString());
        }
        if (e.has("requestContext")) ((ObjectNode) e.path("requestContext")).put("requestId", UUID.randomUUID().toString());
        return Json.write(e);
    }

    /** The recorded requests made again on the same clients; a refused condition is still the round trip. */
    private static void replay(List<SdkRequest> requests) {
        var dynamo = AwsClients.dynamo();
        var sqs = AwsClients.sqs();
        for (SdkRequest q : requests) {
            try {
                if (q instanceof GetItemRequest r) dynamo.getItem(r);
                else if (q instanceof QueryRequest r) dynamo.query(r);
                else if (q instanceof BatchGetItemRequest r) dynamo.batchGetItem(r);
                else if (q instanceof PutItemRequest r) dynamo.putItem(r);
                else if (q instanceof UpdateItemRequest r) dynamo.updateItem(r);
                else if (q instanceof DeleteItemRequest r) dynamo.deleteItem(r);
                else if (q instanceof TransactWriteItemsRequest r) dynamo.transactWriteItems(r);
                else if (q instanceof BatchWriteItemRequest r) dynamo.batchWriteItem(r);
                else if (q instanceof SendMessageRequest r) sqs.sendMessage(r);
                else if (q instanceof SendMessageBatchRequest r) sqs.sendMessageBatch(r);
                else throw new IllegalStateException("cannot replay " + q.getClass().getSimpleName());
            } catch (software.amazon.awssdk.awscore.exception.AwsServiceException refused) {
                // a conditional write refused on replay: the round trip was made all the same
            }
        }
    }

    private static double pct(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    // ---------------------------------------------------------------- cold

    private void cold(LocalCloud cloud, List<Operations.Result> ops) throws Exception {
        int runs = Integer.parseInt(options.getOrDefault("runs", "3"));
        Path dir = out.resolve("cold");
        Path runner = runnerDirectory(dir);
        List<Path> pkg = functionClasspath();
        String serialization = Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(e -> e.contains("aws-lambda-java-serialization")).findFirst().orElseThrow();
        List<String> cp = new ArrayList<>();
        pkg.forEach(p -> cp.add(p.toString()));
        cp.add(serialization);
        cp.add(runner.toString());
        String classpath = String.join(java.io.File.pathSeparator, cp);
        String benchQueue = cloud.sqs().createQueue(b -> b.queueName("bench-cold-baseline")).queueUrl();

        // --functions CaseEvents,Volunteers: only the functions whose logical id starts with one of these (and their baselines).
        List<String> filter = Arrays.stream(options.getOrDefault("functions", "").split(",")).filter(f -> !f.isBlank()).toList();
        List<FunctionDef> functions = cloud.model().functions().values().stream()
                .filter(fn -> filter.isEmpty() || filter.stream().anyMatch(fn.logicalId()::startsWith)).toList();
        if (functions.isEmpty()) throw new IllegalArgumentException("no function matches --functions " + filter);
        // --classlog yes: each child logs the classes it loads (cold/<label>.classes.log); a table compares function and baseline.
        boolean classlog = options.getOrDefault("classlog", "no").equals("yes");
        Map<String, String> labelOf = new HashMap<>();
        Map<String, Path> events = new LinkedHashMap<>();
        for (FunctionDef fn : functions) {
            String event = ops.stream().filter(o -> o.function().equals(fn.logicalId())).map(Operations.Result::event).findFirst()
                    .orElseGet(() -> Operations.firstEvent(cloud, fn.logicalId()));
            Path file = dir.resolve(fn.logicalId() + ".json");
            Files.writeString(file, event);
            events.put(fn.logicalId(), file);
        }
        Map<String, List<double[]>> fnTimes = new LinkedHashMap<>();
        Map<String, String> baselineOf = new HashMap<>();
        Map<String, List<String>> baselineArgs = new LinkedHashMap<>();
        Map<String, List<double[]>> baseTimes = new LinkedHashMap<>();
        List<double[]> hello = new ArrayList<>();
        Map<String, String> firstCallOf = new HashMap<>();
        String anyHandler = cloud.model().function("ReportsApiFunction").handlerClass();
        for (int run = 1; run <= runs; run++) {
            System.out.printf("cold start: run %d of %d%n", run, runs);
            hello.add(times(child(classpath, Map.of(), List.of("hello"), classlog ? classLog(dir, "hello") : List.of())));
            for (FunctionDef fn : functions) {
                JsonNode r = child(classpath, cloud.functionEnv(fn.logicalId()),
                        List.of("function", fn.handlerClass(), events.get(fn.logicalId()).toString()),
                        classlog ? classLog(dir, fn.logicalId()) : List.of());
                fnTimes.computeIfAbsent(fn.logicalId(), k -> new ArrayList<>()).add(times(r));
                if (run == 1) {
                    JsonNode first = r.path("calls").path(0);
                    String op = first.isMissingNode() ? "none" : first.path(0).asText();
                    String target = first.isMissingNode() ? "-" : first.path(1).asText();
                    if (op.startsWith("Sqs.")) target = benchQueue;
                    String clients = r.path("clients").asText();
                    String key = (clients.isEmpty() ? "-" : clients) + " " + op + " " + shortName(target);
                    baselineOf.put(fn.logicalId(), key);
                    firstCallOf.put(fn.logicalId(), op + " (" + r.path("calls").size() + " calls)");
                    baselineArgs.putIfAbsent(key, List.of("sdk", fn.handlerClass(), events.get(fn.logicalId()).toString(),
                            clients.isEmpty() ? "-" : clients, op, target, keysOf(cloud, target)));
                }
            }
            for (var b : baselineArgs.entrySet()) {
                labelOf.putIfAbsent(b.getKey(), "sdk-" + b.getKey().replaceAll("[^A-Za-z0-9.]+", "_"));
                baseTimes.computeIfAbsent(b.getKey(), k -> new ArrayList<>()).add(times(child(classpath, cloud.functionEnv("ReportsApiFunction"),
                        b.getValue(), classlog ? classLog(dir, labelOf.get(b.getKey())) : List.of())));
            }
        }
        cloud.sqs().deleteQueue(b -> b.queueUrl(benchQueue));
        double[] h = median(hello);
        say("\n## Cold start: a fresh JVM per run, median of " + runs + " runs (flags: " + String.join(" ", JVM_FLAGS) + ")\n");
        say("Class path as Lambda loads it: the function package (classes, lib/*.jar) + the runtime's event serialization + the runner. "
                + "init = process start to handler constructed; invoke = first event read, handled, answer written.\n");
        say(String.format("hello-world baseline: init %.0f ms, invoke %.1f ms, total %.0f ms%n", h[0], h[1], h[0] + h[1]));
        say("| bare-SDK baseline (clients, first call, target) | init ms | invoke ms | total ms |\n|---|---:|---:|---:|");
        Map<String, double[]> base = new HashMap<>();
        for (var e : baseTimes.entrySet()) {
            double[] m = median(e.getValue());
            base.put(e.getKey(), m);
            say(String.format("| %s | %.0f | %.1f | %.0f |", e.getKey(), m[0], m[1], m[0] + m[1]));
        }
        say("\n| function | first call | init ms | first invoke ms | total ms | bare SDK total ms | ratio | vs hello-world |");
        say("|---|---|---:|---:|---:|---:|---:|---:|");
        int over = 0;
        for (var e : fnTimes.entrySet()) {
            double[] m = median(e.getValue());
            double[] b = base.get(baselineOf.get(e.getKey()));
            double ratio = (m[0] + m[1]) / (b[0] + b[1]);
            if (ratio > 1.3) over++;
            say(String.format("| %s | %s | %.0f | %.1f | %.0f | %.0f | %.2fx%s | %.1fx |", e.getKey(), firstCallOf.get(e.getKey()), m[0], m[1],
                    m[0] + m[1], b[0] + b[1], ratio, ratio > 1.3 ? " (over)" : "", (m[0] + m[1]) / (h[0] + h[1])));
        }
        say(String.format("%nfunctions above 1.3x their bare-SDK baseline: %d of %d%n", over, fnTimes.size()));
        if (classlog) {
            for (String fn : fnTimes.keySet()) say(ClassLoadLog.compare(fn, dir.resolve(fn + ".classes.log"),
                    baselineOf.get(fn), dir.resolve(labelOf.get(baselineOf.get(fn)) + ".classes.log")));
        }
    }

    private static List<String> classLog(Path dir, String label) {
        return List.of("-Xlog:class+load=info:file=" + dir.resolve(label + ".classes.log") + ":uptime");
    }

    /** The runner and FirstCall alone, copied from this class path, with the SDK's global interceptor list naming FirstCall. */
    private static Path runnerDirectory(Path dir) throws IOException {
        Path runner = dir.resolve("runner");
        Path pkg = runner.resolve("org/linli/tools/bench");
        Files.createDirectories(pkg);
        ClassLoader loader = PerfBenchmark.class.getClassLoader();
        for (String name : List.of("ColdStartRunner", "ColdStartRunner$Invocation", "ColdStartRunner$BareSdk", "FirstCall",
                "FirstCall$SdkRequestPart")) {
            try (var in = loader.getResourceAsStream("org/linli/tools/bench/" + name + ".class")) {
                if (in == null) throw new IllegalStateException("missing class " + name);
                Files.copy(in, pkg.resolve(name + ".class"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Path global = runner.resolve("software/amazon/awssdk/global/handlers");
        Files.createDirectories(global);
        Files.writeString(global.resolve("execution.interceptors"), FirstCall.class.getName() + "\n");
        return runner;
    }

    private static String shortName(String target) {
        return target.substring(target.lastIndexOf('/') + 1).replaceFirst("^linli-local-", "");
    }

    /** The key attributes of the table called {@code tableName}, as name:type pairs. */
    private static String keysOf(LocalCloud cloud, String tableName) {
        for (TableDef t : cloud.model().tables().values()) {
            if (!t.tableName().equals(tableName)) continue;
            List<String> out = new ArrayList<>();
            for (TableDef.Key k : t.keySchema()) {
                String type = t.attributes().stream().filter(a -> a.name().equals(k.attributeName())).map(TableDef.Attribute::type)
                        .findFirst().orElse("S");
                out.add(k.attributeName() + ":" + type);
            }
            return String.join(",", out);
        }
        return "-";
    }

    private static double[] times(JsonNode r) {
        return new double[] {r.path("initMs").asDouble(), r.path("invokeMs").asDouble()};
    }

    private static double[] median(List<double[]> all) {
        double[] init = all.stream().mapToDouble(a -> a[0]).sorted().toArray();
        double[] invoke = all.stream().mapToDouble(a -> a[1]).sorted().toArray();
        return new double[] {init[init.length / 2], invoke[invoke.length / 2]};
    }

    /** One cold JVM; its COLD-RESULT line. */
    private static JsonNode child(String classpath, Map<String, String> env, List<String> args, List<String> extraFlags) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(JVM_FLAGS);
        cmd.addAll(extraFlags);
        cmd.add("-cp");
        cmd.add(classpath);
        cmd.add(ColdStartRunner.class.getName());
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("LINLI_") || k.equals("JAVA_TOOL_OPTIONS"));
        pb.environment().putAll(env);
        pb.environment().put("BENCH_LAUNCH_MS", Long.toString(System.currentTimeMillis()));
        Process p = pb.start();
        JsonNode result = null;
        StringBuilder other = new StringBuilder();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith("COLD-RESULT ")) result = Json.parse(line.substring("COLD-RESULT ".length()));
                else if (other.length() < 4000) other.append(line).append('\n');
            }
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("cold JVM did not finish: " + args);
        }
        if (p.exitValue() != 0 || result == null) {
            throw new IllegalStateException("cold JVM failed (exit " + p.exitValue() + ") for " + args + ":\n" + other);
        }
        return result;
    }

    // ---------------------------------------------------------------- pipeline

    /**
     * Reports POSTed through the local HTTP gateway by {@code concurrency} clients, each timed until its report is CASED.
     * They are filed by many residents, each well inside the deployed per-resident limit (REPORT_RATE_LIMIT, 20 an
     * hour): a province's peak is many people filing once, not one filing 500 times, and the limit stays as deployed.
     */
    private void pipeline(LocalCloud cloud, LocalSetup setup, WriteHeat heat) throws Exception {
        int n = Integer.parseInt(options.getOrDefault("reports", "500"));
        int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "8"));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        RateLimit limit = RateLimit.parse("reports", cloud.functionEnv("ReportsApiFunction").getOrDefault("REPORT_RATE_LIMIT", "off"));
        int perResident = limit == null ? 10 : Math.max(1, Math.min(10, limit.limit() / 2));
        int residentCount = (n + perResident - 1) / perResident;
        List<String> residents = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < residentCount; i++) {
            String id = String.format("usr_bench_res_%05d", i);
            residents.add(id);
            // Signed with the local cloud's key as the login route signs them: the authorizer verifies it like any token.
            tokens.add(new AccessTokens("linli").issue(new Principal(id, Set.of(Role.RESIDENT), Set.of()), setup.keys().kid(),
                    setup.keys().privateKey(), Instant.now()));
        }
        // Their accounts, as signing in would have made them: the reports function checks the caller's account before a write.
        Accounts.ensureAll(cloud, residents, "RESIDENT", "");
        Map<String, Long> posted = new ConcurrentHashMap<>();
        if (heat != null) {
            CallCounter.INSTANCE.watch(heat);
            heat.start();
        }
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        String[] categories = {"sanitation", "noise", "leak"};
        long t0 = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            futures.add(pool.submit(() -> {
                // Points about 100 m apart over the demo district, so that reports open cases of their own.
                double lat = 37.8400 + (k % 40) * 0.0009;
                double lng = 113.5400 + (k / 40 % 50) * 0.0011;
                String body = "{\"category\":\"" + categories[k % 3] + "\",\"description\":\"压测 " + k + "\",\"location\":{\"lat\":"
                        + lat + ",\"lng\":" + lng + ",\"datum\":\"GCJ02\"},\"contact\":{\"phone\":\"13812341234\"}}";
                HttpResponse<String> r = send(http, HttpRequest.newBuilder(cloud.baseUrl().resolve("/reports"))
                        .header("Authorization", "Bearer " + tokens.get(k % residentCount)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
                if (r.statusCode() != 202) throw new IllegalStateException("POST /reports answered " + r.statusCode() + " " + r.body());
                posted.put(Json.parse(r.body()).path("reportId").asText(), System.nanoTime());
                return null;
            }));
        }
        for (Future<?> f : futures) f.get();
        pool.shutdown();
        long postedAll = System.nanoTime();
        var store = new DynamoReportStore(cloud.dynamo(), cloud.tableName("CasesTable"));
        Map<String, Long> cased = new HashMap<>();
        // Two minutes plus 200 ms a report: generous on a loaded machine, bounded when the pipeline stalls.
        Duration allowed = Duration.ofMinutes(2).plusMillis(200L * n);
        long deadline = System.nanoTime() + allowed.toNanos();
        while (cased.size() < n && System.nanoTime() < deadline) {
            for (String reporter : residents) { // each resident has filed at most perResident (≤ 10): one page
                long now = System.nanoTime();
                for (Report r : store.byReporter(reporter, 100, null).items()) {
                    if (posted.containsKey(r.id()) && r.status() == ReportStatus.CASED) cased.putIfAbsent(r.id(), now);
                }
            }
            Thread.sleep(100);
        }
        if (cased.size() < n) throw new IllegalStateException("only " + cased.size() + " of " + n + " reports assigned within " + allowed);
        long last = Collections.max(cased.values());
        double[] lag = cased.entrySet().stream().mapToDouble(e -> (e.getValue() - posted.get(e.getKey())) / 1e6).sorted().toArray();
        double seconds = (last - t0) / 1e9;
        say(String.format("%n## Pipeline: %,d reports POSTed through the local HTTP gateway by %d clients for %,d residents (≤ %d each;"
                + " limit %s), until each is CASED%n", n, concurrency, residentCount, perResident, limit == null ? "off" : limit.limit() + "/" + limit.window()));
        say("| reports | accepted in | all assigned after | sustained reports/s (POST → CASED) | time to assigned p50 | p99 |");
        say("|---:|---:|---:|---:|---:|---:|");
        say(String.format("| %,d | %.1f s (%.0f/s) | %.1f s | %.0f | %.0f ms | %.0f ms |", n, (postedAll - t0) / 1e9, n / ((postedAll - t0) / 1e9),
                seconds, n / seconds, pct(lag, 50), pct(lag, 99)));
        say("(time to assigned is sampled by a poller every ~100 ms plus one sweep of the residents' reports: an upper bound)");
        if (heat != null) heatTable(heat, n, t0);
    }

    // ---------------------------------------------------------------- heat

    /** A province's peak (issue 14): reports a second, and the case events they cause. */
    private static final double PEAK_REPORTS_PER_SECOND = 50;
    /** DynamoDB's per-partition write limit (1,000 WCU/s of ≤ 1 KB items). */
    private static final double PARTITION_WRITES_PER_SECOND = 1000;

    /**
     * Writes per partition key during the pipeline (every function: intake, assignment, case events, notifications),
     * once the queues have drained, extrapolated to the province's peak: a key's writes per report × 50 reports/s.
     * All of the pipeline's reports fall in the demo's one district, so district keys are counted as if the whole
     * peak fell in one district (an upper bound); the root's keys take every report of the province in any case.
     */
    private void heatTable(WriteHeat heat, int reports, long t0) throws InterruptedException {
        long drained = quiet(heat);
        heat.stop();
        double seconds = (drained - t0) / 1e9;
        say(String.format("%n## Write heat: %,d writes to DynamoDB partitions during the pipeline (items and the index entries they set;"
                + " %,d reports, %.1f s until the queues drained: %.1f a report), extrapolated to %.0f reports/s%n", heat.total(), reports, seconds,
                heat.total() / (double) reports, PEAK_REPORTS_PER_SECOND));
        say("| partition key (table or table/index, key) | writes | per report | writes/s here | writes/s at 50 reports/s | over 1,000/s |");
        say("|---|---:|---:|---:|---:|---|");
        for (var e : heat.hottest(15)) {
            double perReport = e.getValue() / (double) reports;
            double peak = perReport * PEAK_REPORTS_PER_SECOND;
            say(String.format("| %s | %,d | %.2f | %s | %s | %s |", WriteHeat.shorten(e.getKey()), e.getValue(), perReport,
                    WriteHeat.rate(e.getValue() / seconds), WriteHeat.rate(peak), peak > PARTITION_WRITES_PER_SECOND ? "**yes**" : "no"));
        }
        say("\n| item written inside transactions (table pk | sk) | transactional writes | at 50 reports/s |\n|---|---:|---:|");
        for (var e : heat.hottestTransacted(8)) {
            say(String.format("| %s | %,d | %s/s |", WriteHeat.shorten(e.getKey()), e.getValue(),
                    WriteHeat.rate(e.getValue() / (double) reports * PEAK_REPORTS_PER_SECOND)));
        }
        say(String.format("%ntransactions: %,d; cancelled by a conflicting transaction: %,d; by a condition: %,d;"
                        + " exposed (sent while another unanswered transaction wrote one of its items): %,d",
                heat.transactions(), heat.conflicts(), heat.conditionFailures(), heat.exposedTransactions()));
    }

    /** Waits until no write has been seen for 3 s (at most a minute): the consumers have drained. The time of the last write. */
    private static long quiet(WriteHeat heat) throws InterruptedException {
        long last = System.nanoTime();
        long seen = heat.total();
        long giveUp = last + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() - last < Duration.ofSeconds(3).toNanos() && System.nanoTime() < giveUp) {
            Thread.sleep(200);
            long now = heat.total();
            if (now != seen) {
                seen = now;
                last = System.nanoTime();
            }
        }
        return last;
    }

    /**
     * {@code --heat-events} (100) reports in one district assigned at the same moment by as many concurrent invocations
     * of the AssignmentFunction, then their case events handed at once to as many concurrent CaseEventsFunction
     * invocations (the queue's poller takes them too, as Lambda's would): transactions, conflicts, retries and
     * messages given back to the queue.
     */
    private void burst(LocalCloud main) throws Exception {
        int n = Integer.parseInt(options.getOrDefault("heat-events", "100"));
        // A stack of its own on the same backend, with as many instances per function as events: Lambda runs 100
        // concurrent events in 100 instances, where the local cloud's default (4) would queue them and hide the overlap.
        try (LocalCloud cloud = LocalCloud.builder().template(TemplateLocator.find()).backend(main.backend()).stackName("linli-burst")
                .port(0).seed(true).quiet(true).customizer(new LocalSetup()).maxInstancesPerFunction(Math.max(4, n)).start()) {
            WriteHeat heat = new WriteHeat(cloud.model().tables().values());
            CallCounter.INSTANCE.watch(heat);
            burst(cloud, heat, n);
        }
    }

    private void burst(LocalCloud cloud, WriteHeat heat, int n) throws Exception {
        var reports = new DynamoReportStore(cloud.dynamo(), cloud.tableName("CasesTable"));
        String assignmentArn = cloud.queueArn("AssignmentQueue");
        String caseEventsUrl = cloud.queueUrl("CaseEventsQueue");
        String caseEventsArn = cloud.queueArn("CaseEventsQueue");
        List<String> events = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            // Spread over the demo district (both streets, every community: ~420 m x 590 m apart, beyond the 50 m join
            // radius), as a district's events are: the root and the district take every one, a community a share.
            GeoPoint p = new GeoPoint(37.8405 + (k % 10) * 0.0038, 113.5405 + (k / 10 % 10) * 0.0058, Datum.GCJ02);
            Instant now = Instant.now();
            Report r = Report.received(Ids.random("rpt", now), String.format("usr_bench_burst_%03d", k), new ReportDraft(
                    "sanitation", "并发 " + k, p, null, List.of(), new Contact(null, "13812341234"), false, Source.MINI_PROGRAM), now);
            reports.insertNew(r);
            events.add(Events.sqs(assignmentArn, "burst-" + k, ReportReceivedMessage.encode(ReportReceived.of(r))));
        }
        heat.start();
        List<String> caseEvents = java.util.Collections.synchronizedList(new ArrayList<>());
        int[] failed = new int[2];
        concurrently(n, k -> {
            String answer = cloud.invoke("AssignmentFunction", events.get(k));
            if (Json.parse(answer).path("batchItemFailures").size() > 0) synchronized (failed) { failed[0]++; }
            CallCounter.INSTANCE.lastSent(caseEventsUrl).ifPresent(body ->
                    caseEvents.add(Events.sqs(caseEventsArn, "burst-event-" + k, body)));
        });
        long assignConflicts = heat.conflicts();
        long assignTransactions = heat.transactions();
        long assignExposed = heat.exposedTransactions();
        concurrently(caseEvents.size(), k -> {
            String answer = cloud.invoke("CaseEventsFunction", caseEvents.get(k));
            if (Json.parse(answer).path("batchItemFailures").size() > 0) synchronized (failed) { failed[1]++; }
        });
        quiet(heat);
        heat.stop();
        say(String.format("%n### %d concurrent case events in one district: conflicts under %d concurrent case events%n", n, n));
        say("| step | invocations at once | TransactWriteItems (with retries) | cancelled: TransactionConflict (each retried) |"
                + " exposed: sent while another unanswered transaction wrote one of its items | messages given back to the queue |");
        say("|---|---:|---:|---:|---:|---:|");
        say(String.format("| assignment (opens the cases; the poller folds meanwhile) | %d | %,d | %,d | %,d | %d |", n, assignTransactions,
                assignConflicts, assignExposed, failed[0]));
        say(String.format("| case events (KPI fold, notices; the queue poller takes them too) | %d | %,d | %,d | %,d | %d |", caseEvents.size(),
                heat.transactions() - assignTransactions, heat.conflicts() - assignConflicts, heat.exposedTransactions() - assignExposed, failed[1]));
        say("(a conflict is retried by `Transactions` up to 4 times with a pause; a message given back is retried by the queue. DynamoDB Local runs"
                + " transactions one at a time, so it shows no conflict: the exposed count is what AWS, which cancels the later of two"
                + " overlapping transactions on one item, would turn into TransactionConflict cancellations and retries)");
        say("\n| hottest items in the burst (transactional writes) | writes |\n|---|---:|");
        for (var e : heat.hottestTransacted(5)) say(String.format("| %s | %,d |", WriteHeat.shorten(e.getKey()), e.getValue()));
        // By partition (a unit): a hot unit's shards are one partition's items, so before/after compare like for like.
        Map<String, long[]> byPartition = new TreeMap<>();
        for (var e : heat.hottestTransacted(Integer.MAX_VALUE)) {
            long[] row = byPartition.computeIfAbsent(partitionOf(e.getKey()), k -> new long[4]);
            row[0]++;
            row[1] += e.getValue();
        }
        for (var e : heat.mostOverlapped(Integer.MAX_VALUE)) {
            long[] row = byPartition.get(partitionOf(e.getKey()));
            row[2] += e.getValue();
            row[3] = Math.max(row[3], heat.peak(e.getKey()));
        }
        List<Map.Entry<String, long[]>> rows = new ArrayList<>(byPartition.entrySet());
        rows.sort(Comparator.comparing((Map.Entry<String, long[]> e) -> -e.getValue()[2]).thenComparing(Map.Entry::getKey));
        say("\n| partition (unit) written by overlapping transactions in the burst | its items written | transactional writes |"
                + " writes while another transaction in flight wrote the same item (AWS: a TransactionConflict each) |"
                + " most transactions on one of its items at once |\n|---|---:|---:|---:|---:|");
        for (var e : rows.subList(0, Math.min(10, rows.size()))) {
            long[] r = e.getValue();
            if (r[2] > 0) say(String.format("| %s | %,d | %,d | %,d | %,d |", e.getKey(), r[0], r[1], r[2], r[3]));
        }
    }

    /** "KpiTable KPI#DEMO | M#2026-12#3" → "KpiTable KPI#DEMO". */
    private static String partitionOf(String item) {
        int bar = item.indexOf(" | ");
        return bar < 0 ? item : item.substring(0, bar);
    }

    /** Runs {@code body(0..n-1)} on n threads released together. */
    private static void concurrently(int n, java.util.function.IntConsumer body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, n));
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<Future<?>> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            all.add(pool.submit(() -> {
                go.await();
                body.accept(k);
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : all) f.get();
        pool.shutdown();
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String loadAverage() {
        return String.format("%.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private void say(String line) {
        System.out.println(line);
        report.append(line).append('\n');
    }
}
