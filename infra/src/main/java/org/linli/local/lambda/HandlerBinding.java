package org.linli.local.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How to call one handler, decided once per function the way the Java runtime decides it:
 * with a method in Handler ({@code Class::method}) the public overloads of that name are ranked
 * (non-bridge first, longer signatures first, a trailing Context counting one extra) and the first
 * supported signature wins; with a class only, it must implement RequestStreamHandler or
 * RequestHandler with concrete type arguments.
 */
final class HandlerBinding {
    /** Calls the handler on one instance (null for static methods) with the raw event bytes. */
    interface Call {
        void invoke(Object instance, InputStream in, OutputStream out, Context context) throws Throwable;
    }

    private static final byte[] JSON_NULL = "null".getBytes(StandardCharsets.US_ASCII);

    private final Class<?> handlerClass;
    private final Constructor<?> constructor;
    private final Call call;

    private HandlerBinding(Class<?> handlerClass, Constructor<?> constructor, Call call) {
        this.handlerClass = handlerClass;
        this.constructor = constructor;
        this.call = call;
    }

    Class<?> handlerClass() {
        return handlerClass;
    }

    /** True when invocations need an instance (every case but a static handler method). */
    boolean needsInstance() {
        return constructor != null;
    }

    Object newInstance() throws Throwable {
        try {
            return constructor.newInstance();
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    byte[] invoke(Object instance, byte[] event, Context context) throws Throwable {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        call.invoke(instance, new ByteArrayInputStream(event), out, context);
        return out.toByteArray();
    }

    static HandlerBinding bind(String className, String methodName, ClassLoader loader, Serializers serializers)
            throws ReflectiveOperationException {
        Class<?> c = Class.forName(className, false, loader);
        if (methodName == null) return bindInterface(c, serializers);
        Method[] methods = Arrays.stream(c.getMethods()).filter(m -> m.getName().equals(methodName))
                .sorted(PRIORITY).toArray(Method[]::new);
        for (Method m : methods) {
            Optional<Call> call = overload(m, serializers);
            if (call.isPresent()) {
                m.setAccessible(true);
                return new HandlerBinding(c, Modifier.isStatic(m.getModifiers()) ? null : constructor(c), call.get());
            }
        }
        throw new NoSuchMethodException("no public method " + methodName + " with a Lambda handler signature on " + className);
    }

    private static HandlerBinding bindInterface(Class<?> c, Serializers serializers) throws ReflectiveOperationException {
        if (RequestStreamHandler.class.isAssignableFrom(c)) {
            return new HandlerBinding(c, constructor(c), (i, in, out, ctx) -> ((RequestStreamHandler) i).handleRequest(in, out, ctx));
        }
        if (RequestHandler.class.isAssignableFrom(c)) {
            Type[] types = typeArguments(c, RequestHandler.class);
            if (types == null || types.length != 2 || types[0] instanceof TypeVariable<?> || types[1] instanceof TypeVariable<?>) {
                throw new IllegalArgumentException("class " + c.getName() + " does not implement RequestHandler with concrete type parameters");
            }
            Method handle = RequestHandler.class.getMethod("handleRequest", Object.class, Context.class);
            return new HandlerBinding(c, constructor(c), pojo(handle, types[0], types[1], true, serializers));
        }
        throw new IllegalArgumentException("class " + c.getName() + " implements neither RequestHandler nor RequestStreamHandler;"
                + " name a method in Handler (Class::method) or implement one of them");
    }

    private static Constructor<?> constructor(Class<?> c) throws NoSuchMethodException {
        if (c.getEnclosingClass() != null && !Modifier.isStatic(c.getModifiers())) {
            throw new NoSuchMethodException("class " + c.getName() + " cannot be instantiated because it is a non-static inner class");
        }
        try {
            Constructor<?> ctor = c.getConstructor();
            ctor.setAccessible(true);
            return ctor;
        } catch (NoSuchMethodException e) {
            throw new NoSuchMethodException("class " + c.getName() + " has no public zero-argument constructor");
        }
    }

    /** The runtime's ranking of overloads. */
    private static final Comparator<Method> PRIORITY = Comparator
            .comparing((Method m) -> m.isBridge())
            .thenComparing(m -> -(m.getParameterCount() + (lastIsContext(m) ? 1 : 0)));

    private static boolean lastIsContext(Method m) {
        Class<?>[] p = m.getParameterTypes();
        return p.length > 0 && p[p.length - 1] == Context.class;
    }

    private static Optional<Call> overload(Method m, Serializers serializers) {
        Type[] p = m.getGenericParameterTypes();
        Type r = m.getGenericReturnType();
        return switch (p.length) {
            case 0 -> Optional.of(pojo(m, null, r, false, serializers));
            case 1 -> {
                if (p[0] == InputStream.class) yield Optional.of(stream(m, true, false, false));
                if (p[0] == OutputStream.class) yield Optional.of(stream(m, false, true, false));
                if (p[0] == Context.class) yield Optional.of(pojo(m, null, r, true, serializers));
                yield Optional.of(pojo(m, p[0], r, false, serializers));
            }
            case 2 -> {
                if (p[0] == OutputStream.class) yield p[1] == Context.class ? Optional.of(stream(m, false, true, true)) : Optional.empty();
                if (p[0] == Context.class) yield Optional.empty();
                if (p[0] == InputStream.class) {
                    if (p[1] == OutputStream.class) yield Optional.of(stream(m, true, true, false));
                    if (p[1] == Context.class) yield Optional.of(stream(m, true, false, true));
                    yield Optional.empty();
                }
                yield p[1] == Context.class ? Optional.of(pojo(m, p[0], r, true, serializers)) : Optional.empty();
            }
            case 3 -> p[0] == InputStream.class && p[1] == OutputStream.class && p[2] == Context.class
                    ? Optional.of(stream(m, true, true, true)) : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** A POJO handler: event JSON deserialised to {@code input}, the result serialised as JSON ("null" for void). */
    private static Call pojo(Method m, Type input, Type output, boolean context, Serializers serializers) {
        var in = input == null ? null : serializers.forType(input);
        boolean isVoid = output == void.class || output == Void.class;
        var out = isVoid ? null : serializers.forType(output);
        return (instance, stream, sink, ctx) -> {
            Object event;
            try {
                event = in == null ? null : in.fromJson(stream);
            } catch (RuntimeException e) {
                throw new RuntimeException("An error occurred during JSON parsing", e);
            }
            Object[] args = input == null ? (context ? new Object[] {ctx} : new Object[0])
                    : (context ? new Object[] {event, ctx} : new Object[] {event});
            Object result;
            try {
                result = m.invoke(instance, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (out == null) {
                sink.write(JSON_NULL);
                return;
            }
            try {
                out.toJson(result, sink);
            } catch (RuntimeException e) {
                throw new RuntimeException("An error occurred during JSON serialization of response", e);
            }
        };
    }

    private static Call stream(Method m, boolean input, boolean output, boolean context) {
        return (instance, in, out, ctx) -> {
            Object[] args = new Object[(input ? 1 : 0) + (output ? 1 : 0) + (context ? 1 : 0)];
            int i = 0;
            if (input) args[i++] = in;
            if (output) args[i++] = out;
            if (context) args[i] = ctx;
            try {
                m.invoke(instance, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
    }

    /**
     * The actual type arguments {@code c} gives {@code target}, following superclasses and
     * super-interfaces breadth-first and substituting type variables on the way.
     */
    static Type[] typeArguments(Class<?> c, Class<?> target) {
        record Step(Type type, Map<TypeVariable<?>, Type> bindings) {}
        Deque<Step> queue = new ArrayDeque<>();
        queue.add(new Step(c, Map.of()));
        while (!queue.isEmpty()) {
            Step step = queue.poll();
            Class<?> raw = step.type() instanceof ParameterizedType pt ? (Class<?>) pt.getRawType() : (Class<?>) step.type();
            Map<TypeVariable<?>, Type> bindings = new HashMap<>(step.bindings());
            if (step.type() instanceof ParameterizedType pt) {
                TypeVariable<?>[] vars = raw.getTypeParameters();
                Type[] args = pt.getActualTypeArguments();
                for (int i = 0; i < vars.length; i++) bindings.put(vars[i], substitute(args[i], step.bindings()));
            }
            if (raw == target) {
                TypeVariable<?>[] vars = raw.getTypeParameters();
                Type[] out = new Type[vars.length];
                for (int i = 0; i < vars.length; i++) out[i] = bindings.getOrDefault(vars[i], vars[i]);
                return out;
            }
            List<Type> supers = new ArrayList<>(Arrays.asList(raw.getGenericInterfaces()));
            if (raw.getGenericSuperclass() != null) supers.add(raw.getGenericSuperclass());
            for (Type s : supers) {
                Class<?> sr = s instanceof ParameterizedType pt ? (Class<?>) pt.getRawType() : s instanceof Class<?> k ? k : null;
                if (sr != null && target.isAssignableFrom(sr)) queue.add(new Step(s, bindings));
            }
        }
        return null;
    }

    private static Type substitute(Type t, Map<TypeVariable<?>, Type> bindings) {
        return t instanceof TypeVariable<?> v ? bindings.getOrDefault(v, v) : t;
    }
}
