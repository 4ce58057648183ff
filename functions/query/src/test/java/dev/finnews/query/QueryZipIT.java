package dev.finnews.query;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import dev.finnews.store.aws.AwsSettings;
import dev.finnews.store.dynamo.TableSchema;
import dev.finnews.testing.MotoServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static dev.finnews.query.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Lambda zip ({@code package} runs before Failsafe) holds the query function's runtime and nothing heavier. */
class QueryZipIT {
    private static final Path ZIP = Path.of("target/query.zip");
    private static final String TABLE = "query-zip-it";

    @Test
    void holdsOnlyWhatTheQueryFunctionRuns() throws IOException {
        assertThat(ZIP).exists();
        List<String> jars = entries();
        assertThat(jars).allMatch(name -> name.startsWith("lib/") && name.endsWith(".jar"), "every entry is a jar under lib/");
        assertThat(jars).anyMatch(j -> j.startsWith("lib/query-")).anyMatch(j -> j.startsWith("lib/article-store-"))
                .anyMatch(j -> j.startsWith("lib/dynamodb-")).anyMatch(j -> j.startsWith("lib/url-connection-client-"))
                .anyMatch(j -> j.startsWith("lib/crac-")); // the SnapStart hook's API must ship, or init fails
        // No S3, no other HTTP client, no server, nothing of the ingest side, no joda-time (only other events use it).
        assertThat(jars).noneMatch(j -> j.matches("lib/(s3|s3-transfer-manager|apache-client|apache5-client|netty-nio-client"
                + "|httpclient5?|httpcore5?|netty-.*|jetty-.*|undertow-.*|ingest|article-parser|jsoup|test-support|moto.*"
                + "|joda-time)-\\d.*"));
        assertThat(Files.size(ZIP)).as("zip bytes").isLessThan(8L * 1024 * 1024);
    }

    /**
     * Runs the handler the way Lambda's Java runtime does: the runtime's own event serialiser in a
     * parent class loader, the function's classes from the zip's jars only in a child loader, and an
     * HTTP API (payload 2.0) event read and the response written by that serialiser. The test
     * classpath, which still has joda-time for the ingest side, is not visible to either loader.
     */
    @Test
    void theHandlerRunsFromTheZipsJarsAloneAsTheRuntimeCallsIt(@TempDir Path dir) throws Exception {
        Map<String, String> env = Map.of(
                "AWS_REGION", "us-east-1",
                "AWS_ENDPOINT_URL", MotoServer.get().endpoint().toString(),
                "AWS_ACCESS_KEY_ID", "test",
                "AWS_SECRET_ACCESS_KEY", "test",
                "FINNEWS_TABLE", TABLE,
                "CURSOR_SECRET", "query-zip-it-secret-0123456789");
        try (DynamoDbClient ddb = AwsSettings.fromEnv(env).configure(DynamoDbClient.builder()).build()) {
            if (!ddb.listTables().tableNames().contains(TABLE)) {
                TableSchema.create(ddb, TABLE);
            }
        }
        URL serializer = LambdaEventSerializers.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader runtime = new URLClassLoader("runtime", new URL[] {serializer}, ClassLoader.getPlatformClassLoader());
             URLClassLoader function = new URLClassLoader("function", unzipJars(dir), runtime)) {
            assertThatThrownBy(() -> Class.forName("org.joda.time.DateTime", false, function))
                    .isInstanceOf(ClassNotFoundException.class);
            Class<?> handlerClass = Class.forName(QueryHandler.class.getName(), true, function);
            assertThat(handlerClass.getClassLoader()).isSameAs(function);
            Class<?> eventClass = Class.forName("com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent", false, function);
            Class<?> responseClass = Class.forName("com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse", false, function);
            Class<?> contextClass = Class.forName("com.amazonaws.services.lambda.runtime.Context", false, function);
            // Were these ever "supported events", the runtime would read them through the joda-time module.
            assertThat(LambdaEventSerializers.isLambdaSupportedEvent(eventClass.getName())).isFalse();
            assertThat(LambdaEventSerializers.isLambdaSupportedEvent(responseClass.getName())).isFalse();

            Object handler = handlerClass.getConstructor(Map.class).newInstance(env);
            Object event = fromJson(runtime, eventClass, function, resource("/events/http-api-list-articles.json"));
            Object response = handlerClass.getMethod("handleRequest", eventClass, contextClass).invoke(handler, event, null);
            JsonNode written = json(toJson(runtime, responseClass, function, response));

            assertThat(written.get("statusCode").asInt()).as(written.toString()).isEqualTo(200);
            assertThat(written.get("headers").get("Content-Type").asText()).isEqualTo("application/json; charset=utf-8");
            JsonNode body = json(written.get("body").asText());
            assertThat(body.get("items").isArray()).isTrue();
            assertThat(body.get("nextCursor").isNull()).isTrue();
        }
    }

    private static List<String> entries() throws IOException {
        try (ZipFile z = new ZipFile(ZIP.toFile())) {
            return Collections.list(z.entries()).stream().filter(e -> !e.isDirectory()).map(ZipEntry::getName).toList();
        }
    }

    private static URL[] unzipJars(Path dir) throws IOException {
        List<URL> urls = new ArrayList<>();
        try (ZipFile z = new ZipFile(ZIP.toFile())) {
            for (ZipEntry entry : Collections.list(z.entries())) {
                if (entry.isDirectory()) {
                    continue;
                }
                Path target = dir.resolve(Path.of(entry.getName()).getFileName().toString());
                try (InputStream in = z.getInputStream(entry); OutputStream out = Files.newOutputStream(target)) {
                    in.transferTo(out);
                }
                urls.add(target.toUri().toURL());
            }
        }
        return urls.toArray(URL[]::new);
    }

    /** Reads {@code json} as {@code type} with the serialiser the runtime picks for it (see {@link #runtimeSerializer}). */
    private static Object fromJson(ClassLoader runtime, Class<?> type, ClassLoader function, String json) throws Exception {
        return pojoSerializer(runtime).getMethod("fromJson", String.class).invoke(runtimeSerializer(runtime, type, function), json);
    }

    private static String toJson(ClassLoader runtime, Class<?> type, ClassLoader function, Object value) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pojoSerializer(runtime).getMethod("toJson", Object.class, OutputStream.class)
                .invoke(runtimeSerializer(runtime, type, function), value, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * The choice the runtime interface client makes: {@code LambdaEventSerializers.serializerFor(type,
     * customerLoader)} for the events it lists as supported (that path registers a joda-time module and
     * needs {@code org.joda.time.DateTime} in the function's jars), plain {@code JacksonFactory} otherwise.
     */
    private static Object runtimeSerializer(ClassLoader runtime, Class<?> type, ClassLoader function) throws Exception {
        Class<?> events = Class.forName(LambdaEventSerializers.class.getName(), true, runtime);
        if ((boolean) events.getMethod("isLambdaSupportedEvent", String.class).invoke(null, type.getName())) {
            return events.getMethod("serializerFor", Class.class, ClassLoader.class).invoke(null, type, function);
        }
        Class<?> jackson = Class.forName("com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory", true, runtime);
        Object factory = jackson.getMethod("getInstance").invoke(null);
        return jackson.getMethod("getSerializer", Class.class).invoke(factory, type);
    }

    private static Class<?> pojoSerializer(ClassLoader runtime) throws ClassNotFoundException {
        return Class.forName("com.amazonaws.services.lambda.runtime.serialization.PojoSerializer", false, runtime);
    }

    private static String resource(String name) throws IOException, URISyntaxException {
        return Files.readString(Path.of(QueryZipIT.class.getResource(name).toURI()));
    }
}
