package dev.finnews.testing;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Events as the AWS services send them to a function: tests build them with the
 * {@code aws-lambda-java-events} classes and turn them into JSON with Lambda's own serialisation
 * library (the mapping its Java runtime uses), and read a function's JSON answer back the same way.
 */
public final class LambdaEvents {
    private LambdaEvents() {
    }

    /** {@code event} as the JSON the service would deliver; {@code null} is the JSON {@code null}. */
    @SuppressWarnings("unchecked")
    public static <T> byte[] json(T event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (event == null) {
            out.writeBytes("null".getBytes(StandardCharsets.UTF_8));
        } else {
            serializer((Class<T>) event.getClass()).toJson(event, out);
        }
        return out.toByteArray();
    }

    /** A function's JSON answer as {@code type}. */
    public static <T> T read(Class<T> type, byte[] json) {
        return serializer(type).fromJson(new ByteArrayInputStream(json));
    }

    private static <T> PojoSerializer<T> serializer(Class<T> type) {
        return LambdaEventSerializers.isLambdaSupportedEvent(type.getName())
                ? LambdaEventSerializers.serializerFor(type, LambdaEvents.class.getClassLoader())
                : JacksonFactory.getInstance().getSerializer(type);
    }
}
