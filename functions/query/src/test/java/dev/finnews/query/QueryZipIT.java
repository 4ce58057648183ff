package dev.finnews.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.finnews.store.aws.AwsSettings;
import dev.finnews.store.dynamo.TableSchema;
import dev.finnews.testing.MotoServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.ByteArrayInputStream;
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
        // No S3, no other HTTP client, no server, nothing of the ingest side, no event classes (the handler reads JSON).
        assertThat(jars).noneMatch(j -> j.matches("lib/(s3|s3-transfer-manager|apache-client|apache5-client|netty-nio-client"
                + "|httpclient5?|httpcore5?|netty-.*|jetty-.*|undertow-.*|ingest|article-parser|jsoup|test-support|moto.*"
                + "|joda-time|aws-lambda-java-events)-\\d.*"));
        assertThat(Files.size(ZIP)).as("zip bytes").isLessThan(8L * 1024 * 1024);
    }

    /**
     * Runs the handler the way Lambda's Java runtime runs a {@code RequestStreamHandler}: the function's
     * classes from the zip's jars only, in a class loader that sees nothing of the test class path, the
     * HTTP API (payload 2.0) event as the JSON bytes API Gateway sends, the response as the JSON bytes
     * API Gateway reads back.
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
        try (URLClassLoader function = new URLClassLoader("function", unzipJars(dir), ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> Class.forName("com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent", false, function))
                    .as("the event classes are not shipped").isInstanceOf(ClassNotFoundException.class);
            Class<?> handlerClass = Class.forName(QueryHandler.class.getName(), true, function);
            assertThat(handlerClass.getClassLoader()).isSameAs(function);
            Class<?> contextClass = Class.forName("com.amazonaws.services.lambda.runtime.Context", false, function);

            Object handler = handlerClass.getConstructor(Map.class).newInstance(env);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            handlerClass.getMethod("handleRequest", InputStream.class, OutputStream.class, contextClass)
                    .invoke(handler, new ByteArrayInputStream(resource("/events/http-api-list-articles.json")), out, null);
            JsonNode written = json(out.toString(StandardCharsets.UTF_8));

            assertThat(written.get("statusCode").asInt()).as(written.toString()).isEqualTo(200);
            assertThat(written.get("headers").get("Content-Type").asText()).isEqualTo("application/json; charset=utf-8");
            assertThat(written.get("isBase64Encoded").asBoolean()).isFalse();
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

    private static byte[] resource(String name) throws IOException, URISyntaxException {
        return Files.readAllBytes(Path.of(QueryZipIT.class.getResource(name).toURI()));
    }
}
