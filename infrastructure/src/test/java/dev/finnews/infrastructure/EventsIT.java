package dev.finnews.infrastructure;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3ObjectEntity;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.finnews.article.ArticleId;
import dev.finnews.ingest.IngestHandler;
import dev.finnews.query.QueryHandler;
import dev.finnews.store.aws.AwsSettings;
import dev.finnews.testing.MotoServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The files under infrastructure/events are what {@code sam local invoke -e} gets: they read as
 * Lambda's runtime reads them, cover every route of infrastructure/openapi.yaml, and drive the real
 * handlers (against moto) through a whole upload → lookups → delete cycle.
 */
class EventsIT {
    private static final Path EVENTS = Repo.path("infrastructure/events");
    private static final String KEY = "金融/新浪财经 示例.md";
    private static final String TABLE = "finnews-infra-events-it";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, String> env;

    @BeforeAll
    static void moto() {
        env = Map.of("AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test",
                "AWS_ENDPOINT_URL", MotoServer.get().endpoint().toString(), "FINNEWS_TABLE", TABLE,
                "CURSOR_SECRET", "events-it-cursor-secret-0123456789abcdef");
    }

    @Test
    void s3EventsCarryTheKeyFormEncodedAsS3SendsIt() throws Exception {
        S3ObjectEntity put = s3Event("s3-put.json").getRecords().get(0).getS3().getObject();
        S3ObjectEntity delete = s3Event("s3-delete.json").getRecords().get(0).getS3().getObject();

        assertThat(put.getKey()).contains("+").contains("%E9%87%91").doesNotContain(" ");
        assertThat(put.getUrlDecodedKey()).isEqualTo(KEY);
        assertThat(delete.getUrlDecodedKey()).isEqualTo(KEY);

        byte[] object = Files.readAllBytes(EVENTS.resolve("s3-object.md"));
        assertThat(put.getSizeAsLong()).isEqualTo(object.length);
        assertThat(put.geteTag()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(object)));
        // Sequencers of one key compare as hex numbers once padded to the same length: the delete is later.
        assertThat(delete.getSequencer()).hasSameSizeAs(put.getSequencer()).isGreaterThan(put.getSequencer());
        assertThat(delete.geteTag()).as("S3 sends no eTag for a delete").isNullOrEmpty();
        assertThat(s3Event("s3-put.json").getRecords().get(0).getEventName()).isEqualTo("ObjectCreated:Put");
        assertThat(s3Event("s3-delete.json").getRecords().get(0).getEventName()).isEqualTo("ObjectRemoved:Delete");
    }

    @Test
    void thereIsOneApiEventPerRouteOfTheSpec() throws IOException {
        // plain YAML, so the template reader reads it too
        Map<String, Object> spec = CfnTemplate.load(Repo.path("infrastructure/openapi.yaml")).root();
        List<String> routes = List.copyOf(CfnTemplate.map(spec.get("paths")).keySet());

        Map<String, String> eventByRoute = new HashMap<>();
        for (Path file : apiEventFiles()) {
            APIGatewayV2HTTPEvent event = apiEvent(file.getFileName().toString());
            assertThat(event.getVersion()).isEqualTo("2.0");
            assertThat(event.getRouteKey()).isEqualTo("$default");
            assertThat(event.getRequestContext().getStage()).isEqualTo("$default");
            assertThat(event.getRequestContext().getHttp().getMethod()).isEqualTo("GET");
            assertThat(event.getRequestContext().getHttp().getPath()).isEqualTo(event.getRawPath());
            List<String> matching = routes.stream().filter(route -> matches(route, event.getRawPath())).toList();
            assertThat(matching).as(file.toString()).hasSize(1);
            assertThat(eventByRoute.put(matching.get(0), file.getFileName().toString())).as("two events for one route").isNull();
        }
        assertThat(eventByRoute.keySet()).containsExactlyInAnyOrderElementsOf(routes);
    }

    @Test
    void eventsDriveTheRealHandlersThroughUploadLookupsAndDelete() throws Exception {
        createTable();
        String bucket = s3Event("s3-put.json").getRecords().get(0).getS3().getBucket().getName();
        try (S3Client s3 = AwsSettings.fromEnv(env).configure(S3Client.builder()).forcePathStyle(true).build()) {
            if (s3.listBuckets().buckets().stream().noneMatch(b -> b.name().equals(bucket))) {
                s3.createBucket(b -> b.bucket(bucket));
            }
            s3.putObject(b -> b.bucket(bucket).key(KEY), RequestBody.fromFile(EVENTS.resolve("s3-object.md")));

            IngestHandler ingest = new IngestHandler(env);
            QueryHandler query = new QueryHandler(env);
            String id = ArticleId.of(bucket, KEY);
            assertThat(apiEvent("api-article.json").getRawPath()).isEqualTo("/articles/" + id);

            String stored = invoke(ingest, "s3-put.json");
            assertThat(JSON.readTree(stored).path("stored").asInt()).as(stored).isEqualTo(1);

            JsonNode article = ok(query, "api-article.json");
            assertThat(article.path("id").asText()).isEqualTo(id);
            assertThat(article.path("source").path("key").asText()).isEqualTo(KEY);
            for (String list : List.of("api-articles.json", "api-category-articles.json", "api-date-articles.json",
                    "api-stock-articles.json")) {
                assertThat(ids(ok(query, list))).as(list).containsExactly(id);
            }
            assertThat(ok(query, "api-categories.json").path("items")).isNotEmpty();
            assertThat(ok(query, "api-stocks.json").path("items").toString()).contains("sh600000");
            assertThat(ok(query, "api-failures.json").path("items")).isEmpty();

            s3.deleteObject(b -> b.bucket(bucket).key(KEY));
            String deleted = invoke(ingest, "s3-delete.json");
            assertThat(JSON.readTree(deleted).path("deleted").asInt()).as(deleted).isEqualTo(1);
            assertThat(JSON.readTree(invoke(query, "api-article.json")).path("statusCode").asInt()).isEqualTo(404);
            assertThat(ids(ok(query, "api-articles.json"))).isEmpty();
        }
    }

    private static JsonNode ok(QueryHandler query, String eventFile) throws IOException {
        JsonNode response = JSON.readTree(invoke(query, eventFile));
        assertThat(response.path("statusCode").asInt()).as(eventFile + ": " + response).isEqualTo(200);
        return JSON.readTree(response.path("body").asText());
    }

    /** The event file's bytes to the handler, as Lambda passes them (and {@code sam local invoke -e} does). */
    private static String invoke(RequestStreamHandler handler, String eventFile) throws IOException {
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        try (InputStream event = Files.newInputStream(EVENTS.resolve(eventFile))) {
            handler.handleRequest(event, response, null);
        }
        return response.toString(StandardCharsets.UTF_8);
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.path("items").forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    private static void createTable() {
        try (DynamoDbClient dynamodb = AwsSettings.fromEnv(env).configure(DynamoDbClient.builder()).build()) {
            if (dynamodb.listTables().tableNames().contains(TABLE)) {
                dynamodb.deleteTable(b -> b.tableName(TABLE));
            }
            dynamodb.createTable(b -> b.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(
                            AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                            AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.S).build())
                    .keySchema(
                            KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                            KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build()));
        }
    }

    /** A path matches a spec route when each {name} segment holds one non-empty segment. */
    private static boolean matches(String route, String rawPath) {
        String regex = Stream.of(route.split("/", -1))
                .map(part -> part.startsWith("{") ? "[^/]+" : Pattern.quote(part))
                .reduce((a, b) -> a + "/" + b).orElseThrow();
        return rawPath.matches(regex);
    }

    private static List<Path> apiEventFiles() throws IOException {
        try (Stream<Path> files = Files.list(EVENTS)) {
            return files.filter(f -> f.getFileName().toString().matches("api-.*\\.json")).sorted().toList();
        }
    }

    static S3Event s3Event(String file) throws IOException {
        return read(S3Event.class, file);
    }

    static APIGatewayV2HTTPEvent apiEvent(String file) throws IOException {
        return read(APIGatewayV2HTTPEvent.class, file);
    }

    /** As Lambda's Java runtime reads an event: its own mix-ins for the events it knows, plain Jackson otherwise. */
    private static <T> T read(Class<T> type, String file) throws IOException {
        PojoSerializer<T> serializer = LambdaEventSerializers.isLambdaSupportedEvent(type.getName())
                ? LambdaEventSerializers.serializerFor(type, EventsIT.class.getClassLoader())
                : JacksonFactory.getInstance().getSerializer(type);
        return serializer.fromJson(Files.readString(EVENTS.resolve(file), StandardCharsets.UTF_8));
    }
}
