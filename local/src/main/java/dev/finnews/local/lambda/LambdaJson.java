package dev.finnews.local.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Event and response JSON exactly as Lambda's Java runtime reads and writes it: the runtime's own
 * serialization library ({@code aws-lambda-java-serialization}), with its per-event mix-ins for
 * {@code aws-lambda-java-events} classes and its plain Jackson mapper for anything else; and the
 * runtime's call of a stream handler, which is what both functions are.
 */
public final class LambdaJson {
    private static final Map<Class<?>, PojoSerializer<?>> SERIALIZERS = new ConcurrentHashMap<>();

    private LambdaJson() {
    }

    /**
     * Calls a stream handler as the runtime does: the event's JSON in, what the handler writes out. An
     * I/O failure of the handler is an invocation failure like any other.
     */
    public static String invoke(RequestStreamHandler handler, String eventJson, Context context) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(eventJson.getBytes(StandardCharsets.UTF_8)), out, context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Reads an event as the runtime would before calling {@code handleRequest}. */
    public static <T> T read(Class<T> type, String json) {
        return serializer(type).fromJson(json);
    }

    /** Writes a handler's return value as the runtime would ({@code null} for none). */
    public static String write(Object value) {
        if (value == null) {
            return "null";
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeTo(value, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static <T> void writeTo(T value, ByteArrayOutputStream out) {
        serializer((Class<T>) value.getClass()).toJson(value, out);
    }

    @SuppressWarnings("unchecked")
    private static <T> PojoSerializer<T> serializer(Class<T> type) {
        return (PojoSerializer<T>) SERIALIZERS.computeIfAbsent(type, t ->
                LambdaEventSerializers.isLambdaSupportedEvent(t.getName())
                        ? LambdaEventSerializers.serializerFor(t, LambdaJson.class.getClassLoader())
                        : JacksonFactory.getInstance().getSerializer(t));
    }
}
