package org.linli.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every benchmark docs/performance.md documents, run as its command runs it (its main class in a JVM
 * of its own, exit code and printed tables) at a tiny size, so that a benchmark that no longer runs
 * fails the build instead of the next person who tries to reproduce a number. Nothing here measures:
 * the assertions are that each completes, prints its tables, counts something and stays within the
 * call budgets; the numbers themselves belong in docs/performance.md.
 */
class BenchmarkSmokeIntegrationTest {
    private static final Path LOGS = Path.of("target", "bench-smoke");

    /** {@code infra/bench}: every phase once (size, calls, warm, cold for one function and its baselines, pipeline, heat). */
    @Test
    void perfBenchmarkRunsEveryPhase() throws Exception {
        Path functionJars = LOGS.resolve("functions-classpath.txt");
        Files.createDirectories(LOGS);
        // What infra/bench resolves with Maven: the function package's runtime jars. Here the test's own jars stand in
        // (a superset: the size table is then not the package's, which is not what this test checks).
        Files.writeString(functionJars, String.join(File.pathSeparator, Arrays.stream(classpath().split(File.pathSeparator))
                .filter(e -> e.endsWith(".jar") && !e.contains("linli-functions")).toList()));
        String out = run("bench", PerfBenchmark.class.getName(),
                List.of("-Dlinli.functions.classpath=" + functionJars.toAbsolutePath(), "-Dlinli.functions.classes=" + functionsClasses()),
                "--dir", LOGS.resolve("perf").toString(), "--runs", "1", "--warm", "4", "--functions", "ReportsApi",
                "--reports", "24", "--concurrency", "4", "--heat-events", "20");
        assertTrue(out.contains("## Size: the function package"), out);
        assertPositive(out, "package ([0-9.]+) MB");
        assertPositive(out, "## AWS calls per operation \\(([0-9]+) operations");
        assertTrue(!out.contains("over budget:"), "an operation is over its call budget:\n" + out);
        assertPositive(out, "\\| POST /reports \\| ReportsApiFunction \\| 202 \\|[^|]*\\|[^|]*\\|[^|]*\\| ([0-9]+) \\|");
        assertPositive(out, "\\| GET /kpis/\\{unit\\} \\| \\{[^}]*\\} \\| ([0-9.]+) \\|");
        assertPositive(out, "hello-world baseline: init ([0-9]+) ms");
        assertPositive(out, "\\| ReportsApiFunction \\| [^|]+ \\| [0-9]+ \\| [0-9.]+ \\| ([0-9]+) \\| [0-9]+ \\| [0-9.]+x");
        assertEquals(24, (int) number(out, "\\| ([0-9,]+) \\| [0-9.]+ s \\([0-9]+/s\\) \\| [0-9.]+ s \\|"), out);
        assertPositive(out, "## Write heat: ([0-9,]+) writes");
        assertPositive(out, "conflicts under ([0-9]+) concurrent case events");
    }

    /** The assignment benchmark (mvn exec:java ... AssignmentBenchmark) at two tiny sizes. */
    @Test
    void assignmentBenchmarkAssignsAndCountsItsCalls() throws Exception {
        String out = run("assignment", AssignmentBenchmark.class.getName(), List.of(), "--sizes", "60,120", "--points", "40",
                "--warmup", "5", "--first-warmup", "10", "--dir", LOGS.resolve("assignment").toString());
        Matcher row = Pattern.compile("\\| (60|120) \\|.*").matcher(out);
        int rows = 0;
        while (row.find()) {
            rows++;
            String[] cells = row.group().split("\\|");
            int opened = Integer.parseInt(cells[7].trim().replace(",", ""));
            assertTrue(opened > 0, "no assignment opened a case: " + row.group());
            assertTrue(Double.parseDouble(cells[8].trim()) > 0, "p50: " + row.group());
            String byOperation = cells[11];
            // The budget (OperationBudgetIntegrationTest): one cell read, one roster read, one transaction, ≤ 4 nearby cells.
            for (String op : List.of("BatchGetItem 1.000", "TransactWriteItems 1.000")) {
                assertTrue(byOperation.contains(op), op + " per assignment: " + row.group());
            }
            double query = number(byOperation, "Query ([0-9.]+)");
            assertTrue(query >= 1 && query <= 4, "nearby-case queries per assignment: " + row.group());
            assertTrue(row.group().endsWith("(0) |"), "a case on the wrong grid: " + row.group());
        }
        assertEquals(2, rows, out);
    }

    /** {@code infra/bench-dispatch} with a few hundred recipients. */
    @Test
    void dispatchBenchmarkReachesEveryRecipientWithinItsSqsBudget() throws Exception {
        String out = run("dispatch", DispatchBenchmark.class.getName(), List.of(), "--recipients", "300", "--page-size", "100");
        assertEquals(300, (int) number(out, "\\(([0-9,]+) notifications queued\\)"), out);
        Matcher sqs = Pattern.compile("SQS calls: ([0-9]+) = .*goal <= recipients/10 \\+ pages = ([0-9]+)").matcher(out);
        assertTrue(sqs.find(), out);
        long calls = Long.parseLong(sqs.group(1));
        assertTrue(calls > 0 && calls <= Long.parseLong(sqs.group(2)), sqs.group());
        assertPositive(out, "peak ([0-9.]+) MB used");
    }

    // ------------------------------------------------------------------------------------------

    /** Runs {@code mainClass} in a JVM of its own with the test's class path; its output, which must end in exit 0. */
    private static String run(String name, String mainClass, List<String> props, String... args) throws Exception {
        Files.createDirectories(LOGS);
        Path log = LOGS.resolve(name + ".log");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx1g", "-Dlinli.template=" + template()));
        cmd.addAll(props);
        cmd.addAll(List.of("-cp", classpath(), mainClass));
        cmd.addAll(Arrays.asList(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean done = p.waitFor(6, TimeUnit.MINUTES);
        if (!done) p.destroyForcibly().waitFor();
        String out = Files.readString(log, StandardCharsets.UTF_8);
        if (!done) fail(name + " did not finish in 6 minutes; its output (" + log + "):\n" + tail(out));
        if (p.exitValue() != 0) fail(name + " exited " + p.exitValue() + "; its output (" + log + "):\n" + tail(out));
        return out;
    }

    private static String tail(String out) {
        return out.length() <= 6000 ? out : "..." + out.substring(out.length() - 6000);
    }

    private static String classpath() {
        return System.getProperty("java.class.path");
    }

    private static Path template() {
        return Path.of(System.getProperty("linli.template", "../template.yaml")).toAbsolutePath().normalize();
    }

    private static Path functionsClasses() {
        return template().getParent().resolve("functions/target/classes");
    }

    private static double number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) fail("no match for " + regex + " in:\n" + tail(text));
        return Double.parseDouble(m.group(1).replace(",", ""));
    }

    private static void assertPositive(String text, String regex) {
        double n = number(text, regex);
        assertTrue(n > 0, regex + " = " + n);
    }
}
