package dev.finnews.query;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.finnews.article.S3Location;
import dev.finnews.ingest.IngestService;
import dev.finnews.ingest.IngestServices;
import dev.finnews.ingest.ObjectChange;
import dev.finnews.ingest.Outcome;
import dev.finnews.store.aws.AwsSettings;
import dev.finnews.store.dynamo.TableSchema;
import dev.finnews.testing.MotoServer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Abuse of the API (issue 8) through the real Lambda handler: HTTP API events built from generated
 * requests, answered over DynamoDB (moto) after a few invented fixtures went through the real ingest
 * service, with {@link DynamoDbStrictness} refusing what real DynamoDB would refuse. Smaller than
 * {@link ApiAbuseTest}: {@code -Dfinnews.abuse.it.requests=N} sets the count (the {@code long} profile
 * runs 10,000); counts in {@code target/abuse/handler.txt}.
 */
class ApiAbuseIT {
    static final int REQUESTS = Integer.getInteger("finnews.abuse.it.requests", 600);
    private static final String BUCKET = "abuse-it-uploads";
    private static final String TABLE = "abuse-it-articles";
    private static final String SECRET = "abuse-it-cursor-secret-0123456789";
    private static final List<String> FIXTURES = List.of("/abuse/hostile-title.md", "/abuse/injection.md", "/abuse/no-date.md",
            "/abuse/broken.md", "/it/boundary.md", "/it/script-title.md");

    @Test
    void generatedRequestsThroughTheHandlerNeverBreakTheApiOrItsContract() throws IOException {
        Map<String, String> env = env(SECRET);
        ingestFixtures(env);
        QueryHandler handler = new QueryHandler(env, AwsSettings.fromEnv(env).withInterceptors(List.of(new DynamoDbStrictness())));
        Map<String, String> rotated = env("a-rotated-abuse-it-secret-0123456789");
        QueryHandler otherKey = new QueryHandler(rotated, AwsSettings.fromEnv(rotated));
        Function<HttpRequest, HttpResponse> api = request -> call(handler, request);

        AbuseRun.Result result = AbuseRun.run(OpenApiSpec.load(), ApiAbuseTest.SEED, REQUESTS, samples(api),
                new AbuseRun.Target(api, request -> call(otherKey, request),
                        new CursorCodec(SECRET.getBytes(StandardCharsets.UTF_8)), false));
        AbuseRun.report(Path.of("target/abuse/handler.txt"), "QueryHandler over DynamoDB (moto)", ApiAbuseTest.SEED, result);

        assertThat(result.failures()).as("%d of %d requests failed", result.failed(), result.generated()).isEmpty();
        assertThat(result.byStatus()).containsKeys(200, 400, 404, 405);
    }

    /** The handler as Lambda calls it: an HTTP API event in, an HTTP API response out. */
    private static HttpResponse call(QueryHandler handler, HttpRequest request) {
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("$default")
                .withRawPath(request.rawPath())
                .withRawQueryString(request.rawQuery())
                .withHeaders(request.headers())
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withStage("$default")
                        .withRequestId("abuse-it")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(request.method()).withPath(request.rawPath()).build())
                        .build())
                .build();
        APIGatewayV2HTTPResponse response = HttpApiCalls.call(handler, event);
        return new HttpResponse(response.getStatusCode(), response.getHeaders(), response.getBody());
    }

    /** Path values as the API lists them, in the forms users type. */
    private static Map<String, List<String>> samples(Function<HttpRequest, HttpResponse> api) {
        JsonNode items = Fixtures.json(api.apply(HttpRequest.get("/articles", "limit=100")).body()).get("items");
        Set<String> ids = new LinkedHashSet<>();
        Set<String> categories = new LinkedHashSet<>();
        Set<String> symbols = new LinkedHashSet<>();
        Set<String> dates = new LinkedHashSet<>();
        for (JsonNode item : items) {
            ids.add(item.get("id").asText());
            item.get("categories").forEach(c -> categories.add(c.asText()));
            item.get("stocks").forEach(s -> {
                String symbol = s.get("symbol").asText();
                symbols.add(symbol);
                symbols.add(symbol.toUpperCase(Locale.ROOT));
                symbols.add(symbol.substring(2).toUpperCase(Locale.ROOT) + "." + symbol.substring(0, 2).toUpperCase(Locale.ROOT));
            });
            if (!item.get("publishDate").isNull()) {
                dates.add(item.get("publishDate").asText());
            }
        }
        assertThat(ids).as("the fixtures were stored").hasSizeGreaterThanOrEqualTo(5);
        Map<String, List<String>> samples = new HashMap<>();
        samples.put("id", List.copyOf(ids));
        samples.put("category", List.copyOf(categories));
        samples.put("symbol", List.copyOf(symbols));
        samples.put("date", List.copyOf(dates));
        return samples;
    }

    private static void ingestFixtures(Map<String, String> env) throws IOException {
        AwsSettings aws = AwsSettings.fromEnv(env);
        Map<String, String> eTags = new LinkedHashMap<>();
        Map<String, Integer> sizes = new HashMap<>();
        try (DynamoDbClient ddb = aws.configure(DynamoDbClient.builder()).build();
             S3Client s3 = aws.configure(S3Client.builder()).forcePathStyle(true).build()) {
            if (!ddb.listTables().tableNames().contains(TABLE)) {
                TableSchema.create(ddb, TABLE);
            }
            if (s3.listBuckets().buckets().stream().noneMatch(b -> b.name().equals(BUCKET))) {
                s3.createBucket(b -> b.bucket(BUCKET));
            }
            for (String fixture : FIXTURES) {
                byte[] bytes = fixture(fixture);
                String key = "abuse" + fixture;
                eTags.put(key, s3.putObject(p -> p.bucket(BUCKET).key(key), RequestBody.fromBytes(bytes)).eTag().replace("\"", ""));
                sizes.put(key, bytes.length);
            }
        }
        IngestService ingest = IngestServices.fromEnv(env);
        List<Outcome> outcomes = new ArrayList<>();
        int sequence = 0;
        for (Map.Entry<String, String> upload : eTags.entrySet()) {
            outcomes.add(ingest.ingest(new ObjectChange.Created(new S3Location(BUCKET, upload.getKey()), upload.getValue(),
                    (long) sizes.get(upload.getKey()), String.format("%016X", ++sequence))));
        }
        assertThat(outcomes).as("every fixture became an article or a failure")
                .allMatch(o -> o instanceof Outcome.Stored || o instanceof Outcome.Unchanged || o instanceof Outcome.Failed);
    }

    private static Map<String, String> env(String secret) {
        return Map.of(
                "AWS_REGION", "us-east-1",
                "AWS_ENDPOINT_URL", MotoServer.get().endpoint().toString(),
                "AWS_ACCESS_KEY_ID", "test",
                "AWS_SECRET_ACCESS_KEY", "test",
                "FINNEWS_TABLE", TABLE,
                "CURSOR_SECRET", secret);
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = ApiAbuseIT.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }
}
