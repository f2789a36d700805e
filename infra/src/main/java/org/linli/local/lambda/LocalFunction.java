package org.linli.local.lambda;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.linli.config.Env;
import org.linli.local.template.FunctionDef;

/**
 * One function: its handler binding, environment and a pool of handler instances. Like Lambda's
 * execution environments, each instance serves one invocation at a time; instances are created
 * on demand (no-arg constructor, inside Env.scoped) up to {@code maxInstances}, further callers wait.
 */
public final class LocalFunction {
    private final FunctionDef def;
    private final String functionArn;
    private final Map<String, String> environment;
    private final Clock clock;
    private final HandlerBinding binding;
    private final ClassLoader classLoader;
    private final Semaphore permits;
    private final ConcurrentLinkedDeque<Object> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger instances = new AtomicInteger();
    private final AtomicInteger invocations = new AtomicInteger();

    LocalFunction(FunctionDef def, String functionArn, Map<String, String> environment, Clock clock, HandlerBinding binding,
                  ClassLoader classLoader, int maxInstances) {
        this.def = def;
        this.functionArn = functionArn;
        this.environment = Map.copyOf(environment);
        this.clock = clock;
        this.binding = binding;
        this.classLoader = classLoader;
        this.permits = new Semaphore(maxInstances, true);
    }

    public FunctionDef definition() {
        return def;
    }

    public Map<String, String> environment() {
        return environment;
    }

    /** Handler instances constructed so far. */
    public int instanceCount() {
        return instances.get();
    }

    public int invocationCount() {
        return invocations.get();
    }

    /** Constructs one instance now, so that constructor failures surface at start-up (Lambda's init phase). */
    void warmUp() {
        if (!binding.needsInstance() || instances.get() > 0) return;
        idle.push(construct());
    }

    /**
     * Invokes the handler with {@code eventJson} and returns its JSON result.
     *
     * @throws FunctionError when the handler (or its construction) fails
     */
    public String invoke(String eventJson) {
        acquirePermit();
        Object instance = null;
        try {
            if (binding.needsInstance()) {
                instance = idle.poll();
                if (instance == null) instance = construct();
            }
            invocations.incrementAndGet();
            LocalContext context = new LocalContext(def.logicalId(), def.functionName(), functionArn, def.memoryMb(), def.timeoutSeconds());
            long started = System.nanoTime();
            Object target = instance;
            byte[] out;
            try {
                out = scoped(() -> binding.invoke(target, eventJson.getBytes(StandardCharsets.UTF_8), context));
            } catch (Throwable t) {
                throw FunctionError.of(def.logicalId(), t);
            } finally {
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                if (millis > def.timeoutSeconds() * 1000L) {
                    LocalLog.warn(def.logicalId() + " ran " + millis + " ms, longer than its Timeout of "
                            + def.timeoutSeconds() + " s: Lambda would have stopped it");
                }
            }
            return new String(out, StandardCharsets.UTF_8);
        } finally {
            if (instance != null) idle.push(instance);
            permits.release();
        }
    }

    private Object construct() {
        try {
            Object instance = scoped(binding::newInstance);
            instances.incrementAndGet();
            return instance;
        } catch (Throwable t) {
            throw FunctionError.of(def.logicalId(), t);
        }
    }

    /** Runs {@code body} as Lambda would: this function's environment, the cloud's clock and the class loader on the thread. */
    private <T> T scoped(ThrowingSupplier<T> body) throws Throwable {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(classLoader);
        try {
            return Env.scoped(environment, clock, () -> {
                try {
                    return body.get();
                } catch (Exception | Error e) {
                    throw e;
                } catch (Throwable t) {
                    throw new Exception(t);
                }
            });
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private void acquirePermit() {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw FunctionError.runtime(def.logicalId(), "Runtime.Interrupted", "interrupted while waiting for a free instance", e);
        }
    }

    @FunctionalInterface
    private interface ThrowingSupplier<T> {
        T get() throws Throwable;
    }
}
