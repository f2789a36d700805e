package org.linli.local.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.linli.config.Env;
import org.linli.local.template.FunctionDef;

/** Handlers bound, constructed and invoked as the Java runtime does, without any AWS service. */
class LambdaRuntimeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SELF = LambdaRuntimeTest.class.getName();

    private static FunctionDef fn(String id, String handler, Map<String, String> env) {
        int sep = handler.indexOf("::");
        return new FunctionDef(id, "stack-" + id, sep < 0 ? handler : handler.substring(0, sep), sep < 0 ? null : handler.substring(sep + 2),
                "java21", 256, 2, null, env, List.of());
    }

    private static LambdaRuntime runtime(int maxInstances, FunctionDef... defs) {
        Map<String, Map<String, String>> envs = new java.util.HashMap<>();
        for (FunctionDef d : defs) envs.put(d.logicalId(), d.environment());
        return LambdaRuntime.start(List.of(defs), Map.of(), envs, LambdaRuntimeTest.class.getClassLoader(), maxInstances);
    }

    // ------------------------------------------------------------------ handlers under test

    public static class Upper {
        public String upper(String s) {
            return s.toUpperCase();
        }
    }

    public static class Signatures {
        public static int count(List<Integer> items, Context context) {
            return items.size() + (context.getFunctionName() == null ? 100 : 0);
        }

        public void streams(InputStream in, OutputStream out) throws IOException {
            out.write(("[" + new String(in.readAllBytes(), StandardCharsets.UTF_8) + "]").getBytes(StandardCharsets.UTF_8));
        }

        public void nothing() {}

        public Map<String, Object> context(Context context) {
            return Map.of("name", context.getFunctionName(), "memory", context.getMemoryLimitInMB(),
                    "remaining", context.getRemainingTimeInMillis(), "requestId", context.getAwsRequestId(),
                    "arn", String.valueOf(context.getInvokedFunctionArn()));
        }
    }

    /** Reads its environment both while constructed and while invoked. */
    public static class EnvReader implements RequestHandler<Map<String, String>, Map<String, String>> {
        private final String atConstruction = Env.getOr("COLOR", "none");

        @Override
        public Map<String, String> handleRequest(Map<String, String> input, Context context) {
            return Map.of("constructed", atConstruction, "invoked", Env.getOr("COLOR", "none"), "key", input.get("key"));
        }
    }

    public abstract static class Base<T> implements RequestHandler<T, String> {}

    public static class Concrete extends Base<List<String>> {
        @Override
        public String handleRequest(List<String> input, Context context) {
            return String.join("+", input);
        }
    }

    public static class Failing implements RequestHandler<Map<String, Object>, String> {
        @Override
        public String handleRequest(Map<String, Object> input, Context context) {
            throw new IllegalArgumentException("bad input", new IllegalStateException("root cause"));
        }
    }

    public static class BrokenConstructor implements RequestHandler<String, String> {
        public BrokenConstructor() {
            throw new IllegalStateException("no config");
        }

        @Override
        public String handleRequest(String input, Context context) {
            return input;
        }
    }

    public static class NoDefaultConstructor implements RequestHandler<String, String> {
        public NoDefaultConstructor(String x) {}

        @Override
        public String handleRequest(String input, Context context) {
            return input;
        }
    }

    public static class Slow implements RequestHandler<Integer, Integer> {
        static final AtomicInteger RUNNING = new AtomicInteger();
        static final AtomicInteger MAX_RUNNING = new AtomicInteger();

        @Override
        public Integer handleRequest(Integer input, Context context) {
            int now = RUNNING.incrementAndGet();
            MAX_RUNNING.accumulateAndGet(now, Math::max);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                RUNNING.decrementAndGet();
            }
            return input * 2;
        }
    }

    public static class NotAHandler {}

    // ------------------------------------------------------------------ tests

    @Test
    void pojoMethodsAndStreamsAreBoundLikeTheJavaRuntime() throws IOException {
        LambdaRuntime rt = runtime(4,
                fn("Upper", SELF + "$Upper::upper", Map.of()),
                fn("Count", SELF + "$Signatures::count", Map.of()),
                fn("Streams", SELF + "$Signatures::streams", Map.of()),
                fn("Nothing", SELF + "$Signatures::nothing", Map.of()),
                fn("Ctx", SELF + "$Signatures::context", Map.of()),
                fn("Generic", SELF + "$Concrete", Map.of()));
        assertEquals("\"HELLO\"", rt.invoke("Upper", "\"hello\""));
        assertEquals("3", rt.invoke("Count", "[1,2,3]"));
        assertEquals("[{\"a\":1}]", rt.invoke("Streams", "{\"a\":1}"));
        assertEquals("null", rt.invoke("Nothing", "{}"));
        assertEquals("\"x+y\"", rt.invoke("Generic", "[\"x\",\"y\"]"), "type arguments found through a generic superclass");
        JsonNode ctx = JSON.readTree(rt.invoke("Ctx", "{}"));
        assertEquals("stack-Ctx", ctx.get("name").asText());
        assertEquals(256, ctx.get("memory").asInt());
        int remaining = ctx.get("remaining").asInt();
        assertTrue(remaining > 1000 && remaining <= 2000, "from the 2 s timeout: " + remaining);
        assertEquals(36, ctx.get("requestId").asText().length());
    }

    @Test
    void environmentIsScopedToTheFunctionForConstructionAndInvocation() throws IOException {
        LambdaRuntime rt = runtime(4,
                fn("Red", SELF + "$EnvReader", Map.of("COLOR", "red")),
                fn("Blue", SELF + "$EnvReader::handleRequest", Map.of("COLOR", "blue")));
        JsonNode red = JSON.readTree(rt.invoke("Red", "{\"key\":\"k\"}"));
        assertEquals("red", red.get("constructed").asText());
        assertEquals("red", red.get("invoked").asText());
        assertEquals("k", red.get("key").asText());
        JsonNode blue = JSON.readTree(rt.invoke("Blue", "{\"key\":\"k\"}"));
        assertEquals("blue", blue.get("constructed").asText());
        assertEquals("blue", blue.get("invoked").asText());
        assertFalse(Env.get("COLOR").isPresent(), "nothing leaks to the calling thread");
    }

    @Test
    void handlerExceptionsBecomeLambdaErrorDocuments() throws IOException {
        LambdaRuntime rt = runtime(4, fn("Failing", SELF + "$Failing", Map.of()), fn("Upper", SELF + "$Upper::upper", Map.of()));
        FunctionError e = assertThrows(FunctionError.class, () -> rt.invoke("Failing", "{}"));
        assertEquals("java.lang.IllegalArgumentException", e.errorType());
        JsonNode doc = JSON.readTree(e.toJson());
        assertEquals("bad input", doc.get("errorMessage").asText());
        assertEquals("java.lang.IllegalArgumentException", doc.get("errorType").asText());
        assertTrue(doc.get("stackTrace").get(0).asText().contains("Failing.handleRequest"), doc.toString());
        assertEquals("root cause", doc.at("/cause/errorMessage").asText());

        FunctionError parse = assertThrows(FunctionError.class, () -> rt.invoke("Upper", "{not json"));
        assertEquals("An error occurred during JSON parsing", parse.errorMessage());
        FunctionError type = assertThrows(FunctionError.class, () -> rt.invoke("Upper", "{\"an\":\"object\"}"));
        assertEquals("An error occurred during JSON parsing", type.errorMessage(), "a String handler given an object");
    }

    @Test
    void loadProblemsAreReportedTogetherAtStart() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> runtime(4,
                fn("Missing", "org.example.DoesNotExist::handleRequest", Map.of()),
                fn("Broken", SELF + "$BrokenConstructor", Map.of()),
                fn("NoCtor", SELF + "$NoDefaultConstructor", Map.of()),
                fn("NotHandler", SELF + "$NotAHandler", Map.of()),
                fn("NoMethod", SELF + "$Upper::lower", Map.of()),
                fn("Fine", SELF + "$Upper::upper", Map.of())));
        String m = e.getMessage();
        assertTrue(m.contains("5 function(s)"), m);
        assertTrue(m.contains("org.example.DoesNotExist is not on the classpath"), m);
        assertTrue(m.contains("no config"), m);
        assertTrue(m.contains("no public zero-argument constructor"), m);
        assertTrue(m.contains("implements neither RequestHandler nor RequestStreamHandler"), m);
        assertTrue(m.contains("no public method lower"), m);
        assertFalse(m.contains("Fine"), m);
    }

    @Test
    void concurrentInvocationsUseAtMostMaxInstances() throws Exception {
        LambdaRuntime rt = runtime(2, fn("Slow", SELF + "$Slow", Map.of()));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                int n = i;
                results.add(pool.submit(() -> rt.invoke("Slow", String.valueOf(n))));
            }
            for (int i = 0; i < 6; i++) assertEquals(String.valueOf(i * 2), results.get(i).get());
        } finally {
            pool.shutdownNow();
        }
        LocalFunction slow = rt.function("Slow");
        assertEquals(2, slow.instanceCount());
        assertEquals(2, Slow.MAX_RUNNING.get());
        assertEquals(6, slow.invocationCount());
    }
}
