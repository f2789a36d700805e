package org.linli.testing;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads event fixtures from src/test/resources/events with the Lambda runtime's own serializer. */
public final class Events {
    private Events() {}

    public static <T> T load(String name, Class<T> type) {
        return parse(read(name), type);
    }

    public static <T> T parse(String json, Class<T> type) {
        var serializer = LambdaEventSerializers.serializerFor(type, Events.class.getClassLoader());
        return serializer.fromJson(new java.io.ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    public static String read(String name) {
        try (InputStream in = Events.class.getResourceAsStream("/events/" + name)) {
            if (in == null) throw new IllegalArgumentException("no fixture " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
