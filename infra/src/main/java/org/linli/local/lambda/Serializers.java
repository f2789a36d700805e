package org.linli.local.lambda;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Picks the serializer the Java Lambda runtime would: for an aws-lambda-java-events class, the
 * event serializer with its mix-ins and naming rules; for anything else (POJOs, Map, String,
 * numbers), the runtime's own Jackson configuration.
 */
final class Serializers {
    private final ClassLoader classLoader;
    private final Map<Type, PojoSerializer<Object>> cache = new ConcurrentHashMap<>();

    Serializers(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    PojoSerializer<Object> forType(Type type) {
        return cache.computeIfAbsent(type, this::create);
    }

    @SuppressWarnings("unchecked")
    private PojoSerializer<Object> create(Type type) {
        if (type instanceof Class<?> c && LambdaEventSerializers.isLambdaSupportedEvent(c.getName())) {
            return LambdaEventSerializers.serializerFor((Class<Object>) c, classLoader);
        }
        return JacksonFactory.getInstance().getSerializer(type);
    }
}
