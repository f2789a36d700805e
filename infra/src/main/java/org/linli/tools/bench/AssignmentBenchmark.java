package org.linli.tools.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.linli.adapters.dynamo.cases.DynamoCaseStore;
import org.linli.adapters.dynamo.cases.DynamoReportStore;
import org.linli.adapters.sqs.ReportReceivedMessage;
import org.linli.cases.Case;
import org.linli.config.AwsClients;
import org.linli.core.Ids;
import org.linli.geo.GeoPoint;
import org.linli.identity.AccessTokens;
import org.linli.identity.Principal;
import org.linli.identity.Role;
import org.linli.json.Json;
import org.linli.local.LocalCloud;
import org.linli.local.TemplateLocator;
import org.linli.report.Contact;
import org.linli.report.Report;
import org.linli.report.ReportDraft;
import org.linli.report.ReportReceived;
import org.linli.report.Source;
import org.linli.territory.imports.Progress;
import org.linli.tools.ImportClient;
import org.linli.tools.LocalSetup;

/**
 * Constant-cost assignment, measured: for each size, generates a synthetic territory of that many
 * micro-grids ({@link SyntheticTerritory}), imports it through the real import path (HTTP API →
 * parts in DynamoDB → import queue → ImportWorker) into the local cloud, then assigns random
 * points through the AssignmentFunction, counting the DynamoDB calls each makes and timing it.
 * Not a test: numbers depend on the machine. See docs/performance.md for how to run it.
 *
 * <pre>
 *   AssignmentBenchmark [--sizes 1000,10000,100000] [--points 3000] [--warmup 500] [--first-warmup 3000] [--precision 7]
 *                       [--dir target/bench] [--seed 7]
 * </pre>
 */
public final class AssignmentBenchmark {
    private static final String ADMIN = "usr_bench_admin";

    record Options(List<Integer> sizes, int points, int warmup, int firstWarmup, int precision, Path dir, long seed) {
        static Options parse(String[] args) {
            List<Integer> sizes = List.of(1_000, 10_000, 100_000);
            int points = 3000;
            int warmup = 500;
            int firstWarmup = 3000;
            int precision = 7;
            Path dir = Path.of("infra/target/bench");
            long seed = 7;
            for (int i = 0; i < args.length; i += 2) {
                if (i + 1 >= args.length) throw new IllegalArgumentException(args[i] + " needs a value");
                String v = args[i + 1];
                switch (args[i]) {
                    case "--sizes" -> sizes = Arrays.stream(v.split(",")).map(String::trim).map(Integer::parseInt).toList();
                    case "--points" -> points = Integer.parseInt(v);
                    case "--warmup" -> warmup = Integer.parseInt(v);
                    case "--first-warmup" -> firstWarmup = Integer.parseInt(v);
                    case "--precision" -> precision = Integer.parseInt(v);
                    case "--dir" -> dir = Path.of(v);
                    case "--seed" -> seed = Long.parseLong(v);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            return new Options(sizes, points, warmup, firstWarmup, precision, dir, seed);
        }
    }

    /** One size's results. */
    record Row(int microGrids, int precision, int features, Duration importTime, long items, int cells, double entriesPerCell,
               int maxEntries, int opened, double p50, double p99, double callsPerAssignment, Map<String, Double> callsByOperation,
               double cellKb, int joins, double joinP50, double callsPerJoin, int checked, int wrong) {}

    private final Options options;
    private final PrintStream out;
    private LocalCloud cloud;
    private LocalSetup setup;

    AssignmentBenchmark(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        try {
            measure(args);
        } catch (Exception | AssertionError e) {
            // Exit non-zero even if a thread of the local cloud would keep the JVM alive: the smoke test reads the code.
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void measure(String[] args) throws Exception {
        Options options = Options.parse(args);
        // The functions log each case to stdout when not on Lambda: keep that out of the measurement and the report.
        PrintStream console = System.out;
        System.setOut(new PrintStream(java.io.OutputStream.nullOutputStream()));
        List<Row> rows = new AssignmentBenchmark(options, console).run();
        String table = table(rows);
        console.println();
        console.println(table);
        Files.createDirectories(options.dir());
        Files.writeString(options.dir().resolve("results.md"), table, StandardCharsets.UTF_8);
        System.exit(0);
    }

    List<Row> run() throws Exception {
        // Count the functions' own SDK calls: the interceptor must be in place before any client is built.
        AwsClients.installInterceptor(CallCounter.INSTANCE);
        setup = new LocalSetup();
        cloud = LocalCloud.builder().template(TemplateLocator.find()).port(0).seed(false).quiet(true)
                .parameter("MapCacheSeconds", "30") // the deployed default: the pointer is re-read twice a minute
                .customizer(setup).start();
        out.println("local cloud at " + cloud.baseUrl() + "; JVM max heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB");
        List<Row> rows = new ArrayList<>();
        try {
            // The admin whose token imports the territory must exist as a user: the import route checks the caller's account.
            Accounts.ensure(cloud, ADMIN, "ADMIN", "");
            for (int size : options.sizes()) rows.add(size(size));
        } finally {
            cloud.close();
        }
        return rows;
    }

    private String token() {
        Principal admin = new Principal(ADMIN, Set.of(Role.ADMIN), Set.of());
        return new AccessTokens("linli").issue(admin, setup.keys().kid(), setup.keys().privateKey(), Instant.now());
    }

    private Row size(int size) throws IOException, InterruptedException {
        out.printf(Locale.ROOT, "%n=== %,d micro-grids (cell precision %d) ===%n", size, options.precision());
        long t0 = System.nanoTime();
        SyntheticTerritory territory = new SyntheticTerritory(size);
        SyntheticTerritory.Files3 files = territory.write(options.dir().resolve(Integer.toString(size)));
        out.printf(Locale.ROOT, "generated %,d features, %,d buildings, %,d roster rows in %s (%,d KB of GeoJSON)%n", files.features(),
                files.buildingCount(), files.rosterRows(), Progress.duration(Duration.ofNanos(System.nanoTime() - t0)),
                Files.size(files.territory()) / 1024);

        ImportClient client = new ImportClient(cloud.baseUrl(), this::token, out, Duration.ofSeconds(2));
        ImportClient.Result imported = client.run(new ImportClient.Request(files.territory(), files.buildings(), files.rosters(),
                "benchmark " + size, "GCJ02", options.precision(), 3 * 1024 * 1024));
        if (!imported.state().equals("PUBLISHED")) throw new IllegalStateException("import " + imported.state() + ": " + imported.job());
        JsonNode summary = imported.job().path("summary");
        int version = imported.job().path("mapVersion").asInt();

        Assigner assigner = new Assigner(territory, new Random(options.seed() + size));
        // Warm functions cache the map pointer for 30 s: wait until cases name the new version, then warm up.
        long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
        while (assigner.assignAndCheck().placement().mapVersion() != version) { // a join names an older case: try again
            if (System.nanoTime() > deadline) throw new IllegalStateException("the new map version never reached the assignments");
            Thread.sleep(200);
        }
        // The first size also warms the JVM (JIT): without it, the smallest map would look slowest.
        int warmup = size == options.sizes().get(0) ? Math.max(options.warmup(), options.firstWarmup()) : options.warmup();
        for (int i = 0; i < warmup; i++) assigner.assign();

        // A report within 50 m / 72 h of an open case of its category joins that case instead of opening one
        // (categories.json, duplicates): a join skips placement and routing, so it is another operation with
        // another cost. Each sample's outcome is read through its report, as a client would (GET /reports/{id}
        // names the case), and joins are measured apart: the table's assignment columns are reports that
        // opened a case - placement, roster, routing, the write - which is what must not grow with the map.
        Stats opened = new Stats();
        Stats joins = new Stats();
        long cellBytes = 0;
        int checked = 0;
        int wrong = 0;
        for (int i = 0; i < options.points(); i++) {
            Assigner.Sample s = assigner.assign();
            Case c = assigner.caseOf(s);
            boolean joined = !c.id().equals(Ids.rebrand(s.report().id(), "case"));
            (joined ? joins : opened).add(s);
            if (!joined) {
                cellBytes += s.calls().bytes("DynamoDb.GetItem");
                if (opened.count() % 10 == 1) {
                    checked++;
                    if (c.placement().mapVersion() != version || c.placement().grid() == null
                            || !c.placement().grid().code().equals(territory.expectedGrid(s.point()))) {
                        wrong++;
                    }
                }
            }
            if ((i + 1) % 1000 == 0) out.printf(Locale.ROOT, "  assigned %,d/%,d (%,d joined an open case)%n", i + 1, options.points(), joins.count());
        }
        if (opened.count() == 0) throw new IllegalStateException("every report joined an open case: nothing measured the assignment");
        int cells = summary.path("cells").asInt();
        Row row = new Row(size, options.precision(), files.features(), imported.elapsed(), summary.path("items").asLong(), cells,
                cells == 0 ? 0 : summary.path("cellEntries").asDouble() / cells, summary.path("maxCellEntries").asInt(),
                opened.count(), opened.percentile(0.50), opened.percentile(0.99), opened.callsPerSample(), opened.callsByOperation(),
                cellBytes / 1024.0 / opened.count(), joins.count(), joins.count() == 0 ? 0 : joins.percentile(0.50),
                joins.count() == 0 ? 0 : joins.callsPerSample(), checked, wrong);
        out.printf(Locale.ROOT, "%,d opened a case: p50 %.2f ms, p99 %.2f ms, %.3f DynamoDB calls per assignment %s; %,d joined (p50 %.2f ms, "
                        + "%.3f calls); %d of %d checked cases on a wrong grid%n", row.opened(), row.p50(), row.p99(), row.callsPerAssignment(),
                row.callsByOperation(), row.joins(), row.joinP50(), row.callsPerJoin(), wrong, checked);
        return row;
    }

    /** Timings and DynamoDB calls of one kind of outcome (opened a case, joined one). */
    private static final class Stats {
        private final List<Long> nanos = new ArrayList<>();
        private final Map<String, Long> calls = new TreeMap<>();
        private long total;

        void add(Assigner.Sample s) {
            nanos.add(s.nanos());
            s.calls().byOperation().forEach((op, n) -> calls.merge(op, (long) n, Long::sum));
            total += s.calls().service("DynamoDb"); // the case event's SendMessage is listed by operation, not counted here
        }

        int count() {
            return nanos.size();
        }

        double percentile(double q) {
            List<Long> sorted = new ArrayList<>(nanos);
            sorted.sort(Long::compare);
            return AssignmentBenchmark.percentile(sorted, q);
        }

        double callsPerSample() {
            return total / (double) count();
        }

        Map<String, Double> callsByOperation() {
            Map<String, Double> perOp = new TreeMap<>();
            calls.forEach((op, n) -> perOp.put(op.replace("DynamoDb.", ""), n / (double) count()));
            return perOp;
        }
    }

    private static double percentile(List<Long> sortedNanos, double q) {
        int i = (int) Math.ceil(q * sortedNanos.size()) - 1;
        return sortedNanos.get(Math.max(0, Math.min(sortedNanos.size() - 1, i))) / 1e6;
    }

    /** Reports stored RECEIVED, then handed to the AssignmentFunction as its queue would, one at a time. */
    private final class Assigner {
        private static final List<String> GRID_CATEGORIES = List.of("sanitation", "leak", "dispute", "other");

        record Sample(Report report, GeoPoint point, long nanos, CallCounter.Calls calls) {}

        private final SyntheticTerritory territory;
        private final Random random;
        private final DynamoReportStore reports = new DynamoReportStore(cloud.dynamo(), cloud.tableName("CasesTable"));
        private final DynamoCaseStore cases = new DynamoCaseStore(cloud.dynamo(), cloud.tableName("CasesTable"));
        private final String queueArn = cloud.queueArn("AssignmentQueue");
        private int sequence;

        Assigner(SyntheticTerritory territory, Random random) {
            this.territory = territory;
            this.random = random;
        }

        Sample assign() {
            GeoPoint p = territory.randomPoint(random);
            Instant now = Instant.now();
            // The four categories routed to the grid's worker, in turn: the same placement and routing for each,
            // and a quarter of the density of open cases per category, so that fewer reports join one.
            String category = GRID_CATEGORIES.get(sequence % GRID_CATEGORIES.size());
            Report r = Report.received(Ids.random("rpt", now), "usr_bench", new ReportDraft(category, "基准测试", p, null,
                    List.of(), new Contact(null, "13812341234"), false, Source.MINI_PROGRAM), now);
            if (reports.insertNew(r).isPresent()) throw new IllegalStateException("report id clash");
            String event = Events.sqs(queueArn, "bench-" + (++sequence), ReportReceivedMessage.encode(ReportReceived.of(r)));
            String[] answer = new String[1];
            long t0 = System.nanoTime();
            CallCounter.Calls calls = CallCounter.INSTANCE.count(() -> answer[0] = cloud.invoke("AssignmentFunction", event));
            long nanos = System.nanoTime() - t0;
            if (Json.parse(answer[0]).path("batchItemFailures").size() != 0) throw new IllegalStateException("assignment failed: " + answer[0]);
            return new Sample(r, p, nanos, calls);
        }

        Case assignAndCheck() {
            return caseOf(assign());
        }

        /** The case the report is in, found through the report as a client finds it: opened by it or joined. */
        Case caseOf(Sample s) {
            Report stored = reports.find(s.report().id()).orElseThrow(() -> new IllegalStateException("report " + s.report().id() + " not stored"));
            if (stored.caseId() == null) throw new IllegalStateException("report " + stored.id() + " is " + stored.status() + ", in no case");
            return cases.find(stored.caseId()).orElseThrow(() -> new IllegalStateException("case " + stored.caseId() + " not found"));
        }
    }

    static String table(List<Row> rows) {
        StringBuilder s = new StringBuilder();
        s.append("| micro-grids | features | items written | import (total) | cells (precision) | entries per cell (max) "
                + "| assignments (opened a case) | p50 ms | p99 ms | DynamoDB calls / assignment | by operation | cell KB read / assignment "
                + "| joined an open case | join p50 ms | calls / join | cases checked (wrong grid) |\n");
        s.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            StringBuilder ops = new StringBuilder();
            r.callsByOperation().forEach((op, n) -> ops.append(ops.isEmpty() ? "" : ", ").append(op).append(' ')
                    .append(String.format(Locale.ROOT, "%.3f", n)));
            s.append(String.format(Locale.ROOT, "| %,d | %,d | %,d | %s | %,d (%d) | %.1f (%d) | %,d | %.2f | %.2f | %.3f | %s | %.1f | %,d | %.2f | %.3f | %d (%d) |%n",
                    r.microGrids(), r.features(), r.items(), Progress.duration(r.importTime()), r.cells(), r.precision(),
                    r.entriesPerCell(), r.maxEntries(), r.opened(), r.p50(), r.p99(), r.callsPerAssignment(), ops, r.cellKb(),
                    r.joins(), r.joinP50(), r.callsPerJoin(), r.checked(), r.wrong()));
        }
        return s.toString();
    }
}
