package org.linli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.linli.local.LocalClock;
import org.linli.local.LocalCloud;
import org.linli.local.TemplateLocator;

/**
 * The staff console in a real browser: console/e2e/suite.mjs (playwright-core driving Debian's
 * chromium) against a local cloud of its own, on the machine's time (the browser's clock and the
 * tokens' expiry must agree). Screenshots of every screen land in infra/target/console-e2e.
 *
 * <p>Without chromium (or without the built console and its node_modules) the suite cannot run:
 * under CI ({@code CI=true}) that fails the build - .ci/run installs chromium - and elsewhere it is
 * skipped with a banner on stderr, never silently.
 */
class ConsoleEndToEndTest {
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    private static final long TIMEOUT_MINUTES = 8;

    private static void cannotRun(String why) {
        String msg = "CONSOLE BROWSER SUITE NOT RUN: " + why;
        System.err.println("\n" + "!".repeat(msg.length()) + "\n" + msg + "\n" + "!".repeat(msg.length()) + "\n");
        if ("true".equals(System.getenv("CI"))) fail(msg + " (CI must run it)");
        Assumptions.abort(msg);
    }

    @Test
    void aStreetsDayInARealBrowser() throws Exception {
        Path root = TemplateLocator.find().getParent();
        Path console = root.resolve("console");
        if (!Files.isExecutable(CHROMIUM)) cannotRun("no chromium at " + CHROMIUM + " (apt-get install -y chromium)");
        if (!Files.isRegularFile(console.resolve("dist/index.html"))) cannotRun("the console is not built (cd console && npm run build)");
        if (!Files.isDirectory(console.resolve("node_modules/playwright-core")) || !Files.isDirectory(console.resolve("node_modules/axe-core"))) {
            cannotRun("console/node_modules lacks playwright-core or axe-core (cd console && npm ci)");
        }
        Path out = root.resolve("infra/target/console-e2e");
        Files.createDirectories(out);
        try (LocalCloud cloud = LinliCloud.isolated("linli-console-e2e", LocalClock.startingAt(Instant.now()))) {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(List.of("node", "e2e/suite.mjs", cloud.baseUrl().toString().replaceAll("/$", ""), out.toString()))
                    .directory(console.toFile()).redirectErrorStream(true).start();
            StringBuilder log = new StringBuilder();
            Thread pump = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        System.out.println("console-e2e | " + line);
                        synchronized (log) {
                            log.append(line).append('\n');
                        }
                    }
                } catch (java.io.IOException ignored) {
                    // the process ended
                }
            });
            pump.start();
            if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                fail("the browser suite took longer than " + TIMEOUT_MINUTES + " minutes");
            }
            pump.join(5_000);
            System.out.printf("console-e2e: %.1f s%n", (System.nanoTime() - t0) / 1e9);
            String text;
            synchronized (log) {
                text = log.toString();
            }
            assertEquals(0, p.exitValue(), "the browser suite failed:\n" + text);
            assertTrue(text.contains(" 0 browser console error(s), 0 problem(s)"), text);
            for (String screen : List.of("register", "case-summoned", "case-closed", "kpis", "big-screen", "territory-problems",
                    "service-log-verified")) {
                assertTrue(Files.size(out.resolve(screen + ".png")) > 1000, "no screenshot of " + screen);
            }
        }
    }
}
