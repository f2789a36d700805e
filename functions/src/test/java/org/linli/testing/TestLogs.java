package org.linli.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Keeps application logs out of the build's output: what a test class and its tests write on
 * stdout and stderr (the functions' JSON log lines, the local cloud's start-up) goes to
 * {@code target/test-logs/<class>.log}; a failed test's own output is printed as well - so
 * {@code mvn -B verify} shows tests and results. Registered for every test JVM through
 * META-INF/services (functions' tests and, through the testkit jar, infra's); {@code -Dlinli.testLogs=show}
 * lets everything through as before.
 */
public final class TestLogs implements TestExecutionListener {
    private static final Path DIR = Path.of("target", "test-logs");

    private PrintStream realOut;
    private PrintStream realErr;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private String current;

    private static boolean enabled() {
        return !"show".equals(System.getProperty("linli.testLogs"));
    }

    @Override
    public synchronized void testPlanExecutionStarted(TestPlan plan) {
        if (!enabled()) return;
        realOut = System.out;
        realErr = System.err;
        PrintStream capture = new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                synchronized (buffer) {
                    buffer.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                synchronized (buffer) {
                    buffer.write(b, off, len);
                }
            }
        }, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
    }

    @Override
    public synchronized void testPlanExecutionFinished(TestPlan plan) {
        if (realOut == null) return;
        flush(null, false);
        System.setOut(realOut);
        System.setErr(realErr);
    }

    @Override
    public synchronized void executionStarted(TestIdentifier id) {
        if (realOut == null) return;
        flush(null, false); // what came before (a class's set-up, the previous test) is filed, not printed
        id.getSource().filter(ClassSource.class::isInstance).map(s -> ((ClassSource) s).getClassName()).ifPresent(c -> current = c);
    }

    @Override
    public synchronized void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (realOut == null) return;
        boolean failed = result.getStatus() != TestExecutionResult.Status.SUCCESSFUL;
        if (failed || id.getSource().filter(ClassSource.class::isInstance).isPresent()) {
            flush(failed ? id.getDisplayName() : null, failed);
        }
    }

    /** Appends what was captured to the current class's file; prints it too when a test failed. */
    private void flush(String failedTest, boolean print) {
        byte[] bytes;
        synchronized (buffer) {
            bytes = buffer.toByteArray();
            buffer.reset();
        }
        String name = current == null ? "unattributed" : current;
        try {
            Files.createDirectories(DIR);
            Files.write(DIR.resolve(name + ".log"), bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            realErr.println("test logs: cannot write " + DIR.resolve(name + ".log") + ": " + e);
        }
        if (print) {
            realOut.println("---- output of the failed " + name + " " + failedTest + " (the whole class's: "
                    + DIR.resolve(name + ".log") + ") ----");
            realOut.write(bytes, 0, bytes.length);
            realOut.println("---- end of captured output ----");
            realOut.flush();
        }
    }
}
