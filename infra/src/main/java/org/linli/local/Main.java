package org.linli.local;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import org.linli.local.gateway.HttpGateway;
import org.linli.local.gateway.RouteTable;
import org.linli.local.schedule.ScheduledJob;
import org.linli.local.template.BucketDef;
import org.linli.local.template.FunctionEvent;
import org.linli.local.template.TemplateModel;

/**
 * {@code local} (the default command): starts the local cloud, prints one machine-readable line
 * {@code ready: http://127.0.0.1:PORT} once it takes requests, then a short summary; Ctrl-C stops it.
 *
 * <pre>
 * local [--port N] [--data-dir DIR] [--template PATH] [--no-seed] [--param Name=Value ...]
 *       [--clock 2026-12-03T09:00+08:00 | --frozen-clock 2026-12-03T09:00+08:00]
 * </pre>
 */
public final class Main {
    private Main() {}

    /** Parsed command line. */
    record Options(int port, Path dataDir, Path template, boolean seed, Map<String, String> parameters, Instant clockAt,
                   boolean frozen, boolean help) {}

    public static void main(String[] args) {
        Options options;
        try {
            options = parse(args, System.getenv("LINLI_PORT"));
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            usage(System.err);
            System.exit(2);
            return;
        }
        if (options.help()) {
            usage(System.out);
            return;
        }
        if (!options.seed()) System.setProperty("linli.seed", "false");
        LocalCloud.Builder builder = LocalCloud.builder().port(options.port()).dataDir(options.dataDir())
                .seed(options.seed()).parameters(options.parameters())
                .customizers(ServiceLoader.load(LocalCustomizer.class));
        if (options.template() != null) builder.template(options.template());
        if (options.clockAt() != null) {
            builder.clock(options.frozen() ? LocalClock.frozenAt(options.clockAt()) : LocalClock.startingAt(options.clockAt()));
        }
        LocalCloud cloud;
        try {
            cloud = builder.start();
        } catch (RuntimeException e) {
            Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
            System.err.println("the local cloud did not start: " + cause.getMessage());
            System.exit(1);
            return;
        }
        long readyMillis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println("ready: " + cloud.baseUrl());
        System.out.println("console: " + cloud.consoleUrl());
        System.out.flush();
        summary(cloud, readyMillis, System.out);
        for (String message : cloud.readyMessages()) System.out.println(message);
        System.out.flush();
        awaitStop(cloud);
    }

    /** Ctrl-C and SIGTERM close everything and exit 0; any other exit still closes through the hook. */
    private static void awaitStop(LocalCloud cloud) {
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(cloud::close, "local-cloud-shutdown"));
        for (String name : List.of("INT", "TERM")) Signals.on(name, stop::countDown);
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.out.println("stopping...");
        cloud.close();
        System.exit(0);
    }

    static Options parse(String[] args, String envPort) {
        int port = envPort == null || envPort.isBlank() ? 3000 : port(envPort, "LINLI_PORT");
        Path dataDir = null;
        Path template = null;
        boolean seed = true;
        boolean help = false;
        Instant clockAt = null;
        boolean frozen = false;
        Map<String, String> parameters = new LinkedHashMap<>();
        List<String> rest = new ArrayList<>(List.of(args));
        if (!rest.isEmpty() && !rest.get(0).startsWith("-")) {
            String command = rest.remove(0);
            if (!command.equals("local")) throw new IllegalArgumentException("unknown command " + command + " (only 'local')");
        }
        for (int i = 0; i < rest.size(); i++) {
            String a = rest.get(i);
            switch (a) {
                case "--port" -> port = port(value(rest, ++i, a), a);
                case "--data-dir" -> dataDir = Path.of(value(rest, ++i, a));
                case "--template" -> template = Path.of(value(rest, ++i, a));
                case "--no-seed" -> seed = false;
                case "--clock", "--frozen-clock" -> {
                    if (clockAt != null) throw new IllegalArgumentException("give one of --clock and --frozen-clock, once");
                    clockAt = instant(value(rest, ++i, a), a);
                    frozen = a.equals("--frozen-clock");
                }
                case "--param" -> {
                    String kv = value(rest, ++i, a);
                    int eq = kv.indexOf('=');
                    if (eq <= 0) throw new IllegalArgumentException("--param needs Name=Value, got " + kv);
                    parameters.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
                case "-h", "--help" -> help = true;
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        return new Options(port, dataDir, template, seed, parameters, clockAt, frozen, help);
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) throw new IllegalArgumentException(option + " needs a value");
        return args.get(i);
    }

    private static Instant instant(String s, String option) {
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " needs a date-time with an offset, e.g. 2026-12-03T09:00+08:00; got " + s);
        }
    }

    private static int port(String s, String what) {
        try {
            int p = Integer.parseInt(s.trim());
            if (p < 0 || p > 65535) throw new NumberFormatException();
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + ": not a port: " + s);
        }
    }

    private static void usage(PrintStream out) {
        out.println("usage: run-local [local] [--port N] [--data-dir DIR] [--template PATH] [--no-seed] [--param Name=Value]...");
        out.println("                 [--clock AT | --frozen-clock AT]");
        out.println("  --port N        gateway port (default: $LINLI_PORT, else 3000; 0 = any free port)");
        out.println("  --data-dir DIR  keep DynamoDB tables and S3 objects in DIR across restarts (default: in memory)");
        out.println("  --template PATH the SAM template (default: -Dlinli.template, else the nearest template.yaml above)");
        out.println("  --no-seed       do not seed demo data (sets -Dlinli.seed=false for customizers)");
        out.println("  --param N=V     a template parameter override");
        out.println("  --clock AT      run the functions, schedules and tokens at AT (2026-12-03T09:00+08:00), ticking from there");
        out.println("  --frozen-clock AT  the same, standing still at AT; POST /_local/clock?at=..|advance=PT5M|frozen=false moves it");
    }

    static void summary(LocalCloud cloud, long readyMillis, PrintStream out) {
        TemplateModel m = cloud.model();
        Map<String, Long> t = cloud.startupMillis();
        out.printf("Linli local cloud: %s (stack %s, region %s)%n", cloud.backend().description(), m.context().stackName(), m.context().region());
        out.printf("  ready in %d ms from JVM start (backend %d ms, provision %d ms, functions %d ms)%n",
                readyMillis, t.getOrDefault("backend", 0L), t.getOrDefault("provision", 0L), t.getOrDefault("functions", 0L));
        out.printf("  s3: %s (S3Proxy, %s; path-style URLs)%n", cloud.s3Endpoint(), cloud.s3().description());
        for (BucketDef b : m.buckets().values()) {
            out.printf("    bucket %s%s%n", b.bucketName(), b.notifications().stream().map(n -> ", " + n.event().substring(3)
                    + (n.prefix().isEmpty() ? "" : " " + n.prefix() + "*") + (n.suffix().isEmpty() ? "" : " *" + n.suffix())
                    + " -> " + n.queueLogicalId()).collect(java.util.stream.Collectors.joining()));
        }
        out.printf("  functions (%d): %s%n", m.functions().size(), String.join(", ", m.functions().keySet()));
        List<RouteTable.Route<HttpGateway.ApiRoute>> routes = cloud.gateway().routes();
        out.printf("  routes (%d):%n", routes.size());
        for (var r : routes) {
            HttpGateway.ApiRoute route = r.target();
            String auth = route.authorizer() == null ? "open" : "authorizer " + route.authorizer().name();
            out.printf("    %-36s -> %s (%s)%n", r.routeKey(), route.event().functionLogicalId(), auth);
        }
        out.printf("  tables (%d): %s%n", m.tables().size(), String.join(", ", m.tables().values().stream().map(x -> x.tableName()).toList()));
        out.printf("  queues (%d): %s%n", m.queues().size(), String.join(", ", m.queues().keySet()));
        for (FunctionEvent.Sqs e : m.sqsEvents()) {
            out.printf("    %s -> %s (batch %d%s)%n", e.queueLogicalId(), e.functionLogicalId(), e.batchSize(),
                    e.reportsBatchItemFailures() ? ", partial batch failures" : "");
        }
        List<ScheduledJob> jobs = cloud.scheduler().jobs();
        out.printf("  schedules (%d):%n", jobs.size());
        for (ScheduledJob j : jobs) {
            out.printf("    %s %s %s -> %s, next %s%n", j.name(), j.event().expression(), j.event().timeZone().getId(),
                    j.event().functionLogicalId(), j.next() == null ? "(disabled)" : j.next().toString());
        }
        if (!m.notEmulated().isEmpty()) out.printf("  not emulated: %s%n", String.join(", ", m.notEmulated()));
        out.printf("  clock: %s%n", cloud.clock());
        out.printf("  local routes: %s%n", String.join(", ", AdminRoutes.paths()));
        out.println("Ctrl-C stops.");
        out.flush();
    }
}
