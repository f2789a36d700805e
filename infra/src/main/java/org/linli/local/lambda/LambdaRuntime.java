package org.linli.local.lambda;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linli.local.template.FunctionDef;

/**
 * The template's functions, ready to invoke. Built once per local cloud: every handler class is
 * bound (and one instance constructed) up front, so that a missing class or a failing constructor
 * is reported at start-up for all functions at once.
 */
public final class LambdaRuntime {
    public static final int DEFAULT_MAX_INSTANCES = 4;

    private final Map<String, LocalFunction> functions;

    private LambdaRuntime(Map<String, LocalFunction> functions) {
        this.functions = functions;
    }

    /** The functions on the machine's clock. */
    public static LambdaRuntime start(Collection<FunctionDef> defs, Map<String, String> functionArns,
                                      Map<String, Map<String, String>> environments, ClassLoader classLoader, int maxInstances) {
        return start(defs, functionArns, environments, Clock.systemUTC(), classLoader, maxInstances);
    }

    /**
     * @param functionArns     the ARN each function would have (for Context.getInvokedFunctionArn)
     * @param environments     each function's complete environment, by logical id
     * @param clock            the clock the functions run by (the local cloud's)
     * @param maxInstances     handler instances per function (concurrent invocations)
     */
    public static LambdaRuntime start(Collection<FunctionDef> defs, Map<String, String> functionArns,
                                      Map<String, Map<String, String>> environments, Clock clock, ClassLoader classLoader,
                                      int maxInstances) {
        Serializers serializers = new Serializers(classLoader);
        Map<String, LocalFunction> functions = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (FunctionDef def : defs) {
            try {
                HandlerBinding binding = HandlerBinding.bind(def.handlerClass(), def.handlerMethod(), classLoader, serializers);
                LocalFunction fn = new LocalFunction(def, functionArns.get(def.logicalId()),
                        environments.getOrDefault(def.logicalId(), Map.of()), clock, binding, classLoader, maxInstances);
                fn.warmUp();
                functions.put(def.logicalId(), fn);
            } catch (FunctionError e) {
                problems.add(def.logicalId() + " (" + def.handler() + "): constructor failed: " + e.getCause());
            } catch (ClassNotFoundException e) {
                problems.add(def.logicalId() + ": handler class " + def.handlerClass() + " is not on the classpath");
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                problems.add(def.logicalId() + " (" + def.handler() + "): " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("cannot load the handlers of " + problems.size() + " function(s):\n  "
                    + String.join("\n  ", problems));
        }
        return new LambdaRuntime(functions);
    }

    public LocalFunction function(String logicalId) {
        LocalFunction fn = functions.get(logicalId);
        if (fn == null) throw new IllegalArgumentException("no function '" + logicalId + "'; there are " + functions.keySet());
        return fn;
    }

    public Collection<LocalFunction> functions() {
        return functions.values();
    }

    /** Invokes a function synchronously (RequestResponse); {@link FunctionError} when it fails. */
    public String invoke(String logicalId, String eventJson) {
        return function(logicalId).invoke(eventJson);
    }
}
