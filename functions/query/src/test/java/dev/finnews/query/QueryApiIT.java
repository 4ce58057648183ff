package dev.finnews.query;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import com.fasterxml.jackson.databind.JsonNode;
import dev.finnews.article.ArticleId;
import dev.finnews.article.Normalize;
import dev.finnews.ingest.IngestHandler;
import dev.finnews.store.aws.AwsSettings;
import dev.finnews.store.dynamo.TableSchema;
import dev.finnews.testing.AwsCallCounter;
import dev.finnews.testing.Corpus;
import dev.finnews.testing.LambdaEvents;
import dev.finnews.testing.MotoServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import static dev.finnews.query.Fixtures.encode;
import static dev.finnews.query.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real query handler in-process against moto, after the real ingest handler has stored the dev
 * corpus and two invented fixtures. Expected results are derived from the articles themselves (read
 * back by id), so every lookup is checked against what the stored articles say.
 */
class QueryApiIT {
    private static final String BUCKET = "query-it-uploads";
    private static final String TABLE = "query-it-articles";
    private static final String BOUNDARY_KEY = "it/跨日 边界+测试.md";
    private static final String SCRIPT_KEY = "it/script-title.md";

    private static final Map<String, JsonNode> ARTICLES = new LinkedHashMap<>();
    private static final Map<String, String> KEYS_BY_ID = new HashMap<>();
    private static final List<String> UPLOADED_KEYS = new ArrayList<>();
    private static final AwsCallCounter CALLS = new AwsCallCounter();
    private static Map<String, String> env;
    private static QueryHandler handler;

    @BeforeAll
    static void ingestTheCorpus() throws IOException {
        env = Map.of(
                "AWS_REGION", "us-east-1",
                "AWS_ENDPOINT_URL", MotoServer.get().endpoint().toString(),
                "AWS_ACCESS_KEY_ID", "test",
                "AWS_SECRET_ACCESS_KEY", "test",
                "FINNEWS_TABLE", TABLE,
                "CURSOR_SECRET", "query-it-cursor-secret-0123456789");
        AwsSettings aws = AwsSettings.fromEnv(env);
        Map<String, byte[]> uploads = new LinkedHashMap<>();
        for (Path file : Corpus.devFiles()) {
            uploads.put("corpus/" + file.getFileName(), Files.readAllBytes(file));
        }
        uploads.put(BOUNDARY_KEY, fixture("boundary.md"));
        uploads.put(SCRIPT_KEY, fixture("script-title.md"));

        List<S3EventNotification.S3EventNotificationRecord> records = new ArrayList<>();
        try (DynamoDbClient ddb = aws.configure(DynamoDbClient.builder()).build();
             S3Client s3 = aws.configure(S3Client.builder()).forcePathStyle(true).build()) {
            TableSchema.create(ddb, TABLE);
            s3.createBucket(b -> b.bucket(BUCKET));
            int sequence = 0;
            for (Map.Entry<String, byte[]> upload : uploads.entrySet()) {
                String eTag = s3.putObject(p -> p.bucket(BUCKET).key(upload.getKey()), RequestBody.fromBytes(upload.getValue())).eTag();
                records.add(created(upload.getKey(), upload.getValue().length, eTag, String.format("%016X", ++sequence)));
            }
        }
        IngestHandler ingest = new IngestHandler(env);
        for (S3EventNotification.S3EventNotificationRecord record : records) {
            // as S3 delivers it: the notification's JSON, here written by Lambda's own serialisation
            ingest.handleRequest(new ByteArrayInputStream(LambdaEvents.json(new S3Event(List.of(record)))),
                    new ByteArrayOutputStream(), new TestContext());
        }

        handler = new QueryHandler(env, aws.withInterceptors(List.of(CALLS)));
        UPLOADED_KEYS.addAll(uploads.keySet());
        for (String key : uploads.keySet()) {
            String id = ArticleId.of(BUCKET, key);
            APIGatewayV2HTTPResponse r = get("/articles/" + id);
            if (r.getStatusCode() == 200) {
                ARTICLES.put(id, json(r.getBody()));
                KEYS_BY_ID.put(id, key);
            }
        }
    }

    // ---- lookups --------------------------------------------------------------------------------

    @Test
    void everyUploadIsAnArticleOrARecordedFailure() {
        assertThat(ARTICLES).containsKeys(id(BOUNDARY_KEY), id(SCRIPT_KEY));
        Set<String> failed = new HashSet<>();
        walk("/failures", "", 100).forEach(f -> failed.add(f.get("key").asText()));
        for (String key : UPLOADED_KEYS) {
            assertThat(ARTICLES.containsKey(id(key)) || failed.contains(key)).as(key).isTrue();
        }
        ARTICLES.forEach((id, a) -> {
            assertThat(a.get("id").asText()).isEqualTo(id);
            assertThat(a.get("source").get("bucket").asText()).isEqualTo(BUCKET);
            assertThat(a.get("source").get("key").asText()).isEqualTo(KEYS_BY_ID.get(id));
            assertThat(a.has("textTruncated")).isTrue();
        });
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 7})
    void latestPagesThroughEveryArticleExactlyOnceInBothOrders(int limit) {
        List<String> desc = ids(walk("/articles", "order=desc", limit));
        List<String> asc = ids(walk("/articles", "order=asc", limit));
        assertThat(desc).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ARTICLES.keySet());
        assertThat(reversed(asc)).isEqualTo(desc);
        assertThat(desc).isEqualTo(ids(walk("/articles", "", 100)));
        assertNewestFirst(walk("/articles", "", 100));
    }

    @Test
    void everyCategoryLevelListsExactlyItsArticles() {
        Set<String> levels = new TreeSet<>();
        ARTICLES.values().forEach(a -> a.get("categories").forEach(c -> levels.add(c.asText())));
        assertThat(levels).isNotEmpty();
        for (String level : levels) {
            String path = "/categories/" + encode(level) + "/articles";
            Set<String> expected = idsWhere(a -> hasCategory(a, level));
            List<String> desc = ids(walk(path, "", 2));
            assertThat(desc).as(level).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
            assertThat(reversed(ids(walk(path, "order=asc", 2)))).as(level).isEqualTo(desc);
        }
    }

    @Test
    void variantCategorySpellingsFindTheSameArticles() {
        List<String> stored = ids(walk("/categories/" + encode("新浪财经－国內") + "/articles", "", 100));
        assertThat(stored).contains(id(BOUNDARY_KEY));
        for (String variant : List.of("新浪财经-国内", "新浪财经－国内", "新浪财经-國內", " 新浪财经-国内 ")) {
            assertThat(ids(walk("/categories/" + encode(variant) + "/articles", "", 100))).as(variant).isEqualTo(stored);
        }
    }

    @Test
    void everyDateListsExactlyItsArticles() {
        Set<String> dates = new TreeSet<>();
        ARTICLES.values().stream().filter(a -> !a.get("publishDate").isNull()).forEach(a -> dates.add(a.get("publishDate").asText()));
        assertThat(dates).isNotEmpty();
        for (String date : dates) {
            Set<String> expected = idsWhere(a -> date.equals(a.get("publishDate").asText(null)));
            List<String> desc = ids(walk("/dates/" + date + "/articles", "", 2));
            assertThat(desc).as(date).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(reversed(ids(walk("/dates/" + date + "/articles", "order=asc", 2)))).isEqualTo(desc);
        }
    }

    @Test
    void aLateGmtEveningBelongsToTheNextBeijingDay() {
        JsonNode boundary = ARTICLES.get(id(BOUNDARY_KEY));
        assertThat(boundary.get("publishedAt").asText()).isEqualTo("2023-01-15T23:54:00Z");
        assertThat(boundary.get("publishDate").asText()).isEqualTo("2023-01-16");
        assertThat(ids(walk("/dates/2023-01-16/articles", "", 20))).contains(id(BOUNDARY_KEY));
        assertThat(ids(walk("/dates/2023-01-15/articles", "", 20))).doesNotContain(id(BOUNDARY_KEY));
        assertThat(ids(walk("/articles", "from=2023-01-16&to=2023-01-16", 20))).contains(id(BOUNDARY_KEY));
        assertThat(ids(walk("/articles", "to=2023-01-15", 20))).doesNotContain(id(BOUNDARY_KEY));
        assertThat(ids(walk("/articles", "from=2023-01-16T07:54:00%2B08:00&to=2023-01-16T07:54:00%2B08:00", 20)))
                .containsExactly(id(BOUNDARY_KEY));
    }

    @Test
    void everyStockListsExactlyTheArticlesThatMentionIt() {
        Set<String> symbols = new TreeSet<>();
        ARTICLES.values().forEach(a -> a.get("stocks").forEach(s -> symbols.add(s.get("symbol").asText())));
        assertThat(symbols).contains("sh601988", "hk00700", "usaapl");
        for (String symbol : symbols) {
            Set<String> expected = idsWhere(a -> mentions(a, symbol));
            List<String> desc = ids(walk("/stocks/" + symbol + "/articles", "", 2));
            assertThat(desc).as(symbol).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(reversed(ids(walk("/stocks/" + symbol + "/articles", "order=asc", 2)))).isEqualTo(desc);
        }
    }

    @ParameterizedTest
    @CsvSource({
            "sh601988, sh601988", "SH601988, sh601988", "601988.SH, sh601988", "601988.SS, sh601988", "601988, sh601988",
            "hk00700, hk00700", "HK00700, hk00700", "00700.HK, hk00700", "700.HK, hk00700",
            "usAAPL, usaapl", "AAPL.US, usaapl", "usaapl, usaapl", "gb_aapl, usaapl"})
    void everySymbolFormFindsTheSameArticles(String form, String symbol) {
        Set<String> expected = idsWhere(a -> mentions(a, symbol));
        assertThat(expected).contains(id(BOUNDARY_KEY));
        assertThat(ids(walk("/stocks/" + encode(form) + "/articles", "", 100))).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void anAmbiguousBareCodeIsRefusedWithItsCandidates() {
        APIGatewayV2HTTPResponse r = get("/stocks/000001/articles");
        assertThat(r.getStatusCode()).isEqualTo(400);
        JsonNode error = json(r.getBody()).get("error");
        assertThat(error.get("code").asText()).isEqualTo("AMBIGUOUS_SYMBOL");
        assertThat(error.get("candidates").toString()).isEqualTo("[\"sh000001\",\"sz000001\"]");
    }

    @Test
    void rangesSelectByPublishTimeInclusively() {
        List<JsonNode> dated = new ArrayList<>(ARTICLES.values().stream().filter(a -> !a.get("publishedAt").isNull()).toList());
        dated.sort(Comparator.comparing(a -> Instant.parse(a.get("publishedAt").asText())));
        assertThat(dated.size()).isGreaterThanOrEqualTo(6);
        Instant from = Instant.parse(dated.get(2).get("publishedAt").asText());
        Instant to = Instant.parse(dated.get(dated.size() - 3).get("publishedAt").asText());
        Set<String> expected = idsWhere(a -> !a.get("publishedAt").isNull()
                && !Instant.parse(a.get("publishedAt").asText()).isBefore(from)
                && !Instant.parse(a.get("publishedAt").asText()).isAfter(to));
        String range = "from=" + from + "&to=" + to;
        List<String> desc = ids(walk("/articles", range, 3));
        assertThat(desc).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(reversed(ids(walk("/articles", range + "&order=asc", 3)))).isEqualTo(desc);

        LocalDate fromDay = LocalDate.parse(dated.get(2).get("publishDate").asText());
        LocalDate toDay = LocalDate.parse(dated.get(dated.size() - 3).get("publishDate").asText());
        Set<String> byDays = idsWhere(a -> !a.get("publishDate").isNull()
                && !LocalDate.parse(a.get("publishDate").asText()).isBefore(fromDay)
                && !LocalDate.parse(a.get("publishDate").asText()).isAfter(toDay));
        assertThat(ids(walk("/articles", "from=" + fromDay + "&to=" + toDay, 5))).containsExactlyInAnyOrderElementsOf(byDays);

        String level = "金融";
        assertThat(ids(walk("/categories/" + encode(level) + "/articles", range, 4)))
                .containsExactlyInAnyOrderElementsOf(intersect(expected, idsWhere(a -> hasCategory(a, level))));
        assertThat(ids(walk("/stocks/sh601988/articles", "from=2023-01-16&to=2023-01-16", 4))).containsExactly(id(BOUNDARY_KEY));
    }

    // ---- directories ----------------------------------------------------------------------------

    @Test
    void categoryCountsMatchTheArticles() {
        List<JsonNode> categories = walk("/categories", "", 5);
        Map<String, Long> counted = new HashMap<>();
        for (JsonNode c : categories) {
            counted.put(c.get("key").asText(), c.get("articles").asLong());
            assertThat(Normalize.key(c.get("name").asText())).isEqualTo(c.get("key").asText());
        }
        Map<String, Long> expected = new HashMap<>();
        ARTICLES.values().forEach(a -> {
            Set<String> keys = new HashSet<>();
            a.get("categories").forEach(c -> keys.add(Normalize.key(c.asText())));
            keys.forEach(k -> expected.merge(k, 1L, Long::sum));
        });
        assertThat(counted).isEqualTo(expected);
    }

    @Test
    void stockCountsMatchTheArticles() {
        Map<String, Long> counted = new HashMap<>();
        for (JsonNode s : walk("/stocks", "", 5)) {
            counted.put(s.get("symbol").asText(), s.get("articles").asLong());
        }
        Map<String, Long> expected = new HashMap<>();
        ARTICLES.values().forEach(a -> {
            Set<String> symbols = new HashSet<>();
            a.get("stocks").forEach(s -> symbols.add(s.get("symbol").asText()));
            symbols.forEach(s -> expected.merge(s, 1L, Long::sum));
        });
        assertThat(counted).isEqualTo(expected);
    }

    @Test
    void failuresList() {
        List<JsonNode> failures = walk("/failures", "", 5);
        failures.forEach(f -> assertThat(f.get("bucket").asText()).isEqualTo(BUCKET));
        APIGatewayV2HTTPResponse r = get("/failures");
        assertThat(r.getHeaders()).containsEntry("Cache-Control", "no-store");
    }

    // ---- cost, safety, errors -------------------------------------------------------------------

    @Test
    void oneDynamoDbRequestPerArticleAndPerListPage() {
        for (String path : List.of("/articles/" + id(BOUNDARY_KEY), "/articles?limit=2", "/categories/" + encode("金融") + "/articles",
                "/dates/2023-01-16/articles", "/stocks/601988.SH/articles", "/categories", "/stocks", "/failures",
                "/articles/AAAAAAAAAAAAAAAAAAAAAA")) {
            CALLS.reset();
            get(path);
            assertThat(CALLS.calls()).as(path).hasSize(1).allMatch(c -> c.startsWith("DynamoDb."));
        }
        CALLS.reset();
        get("/articles?limit=0");
        get("/stocks/000001/articles");
        assertThat(CALLS.total()).as("refused requests cost nothing").isZero();
    }

    @Test
    void snapStartPrimingIsOneGetItemThatFindsNothing() {
        AwsCallCounter priming = new AwsCallCounter();
        QueryHandler fresh = new QueryHandler(env, AwsSettings.fromEnv(env).withInterceptors(List.of(priming)));
        assertThat(priming.total()).as("no request at init").isZero();
        assertThat(fresh.priming().prime().status()).isEqualTo(404);
        assertThat(priming.calls()).containsExactly("DynamoDb.GetItem");
    }

    @Test
    void aScriptInATitleComesBackInert() {
        JsonNode article = ARTICLES.get(id(SCRIPT_KEY));
        assertThat(article.get("title").asText()).contains("script");
        for (String path : List.of("/articles/" + id(SCRIPT_KEY), "/categories/" + encode("测试") + "/articles", "/articles?limit=100")) {
            APIGatewayV2HTTPResponse r = get(path);
            assertThat(r.getStatusCode()).isEqualTo(200);
            assertThat(r.getBody()).doesNotContainIgnoringCase("<script").doesNotContain("<");
            assertThat(r.getHeaders()).containsEntry("Content-Type", "application/json; charset=utf-8")
                    .containsEntry("X-Content-Type-Options", "nosniff");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "GET     | /articles/AAAAAAAAAAAAAAAAAAAAAA          | 404 | NOT_FOUND",
            "GET     | /nothing/here                           | 404 | NOT_FOUND",
            "POST    | /articles                               | 405 | METHOD_NOT_ALLOWED",
            "GET     | /categories/%E4%B8/articles             | 400 | INVALID_PATH",
            "GET     | /dates/2023-02-29/articles              | 400 | INVALID_DATE",
            "GET     | /articles?from=2023-01-17&to=2023-01-16 | 400 | INVALID_RANGE",
            "GET     | /articles?from=yesterday                | 400 | INVALID_DATE",
            "GET     | /articles?limit=101                     | 400 | INVALID_LIMIT",
            "GET     | /stocks?order=random                    | 400 | INVALID_ORDER",
            "GET     | /stocks/ABCDEFGHIJ.XX/articles          | 400 | INVALID_SYMBOL",
            "GET     | /stocks/000001/articles                 | 400 | AMBIGUOUS_SYMBOL",
            "GET     | /failures?cursor=bm90LmEuY3Vyc29y       | 400 | INVALID_CURSOR"})
    void everyErrorCaseThroughTheRealHandler(String method, String path, int status, String code) {
        APIGatewayV2HTTPResponse r = request(method, path);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(status);
        assertThat(json(r.getBody()).get("error").get("code").asText()).isEqualTo(code);
        assertThat(r.getHeaders()).containsEntry("Access-Control-Allow-Origin", "*").containsEntry("Cache-Control", "no-store");
    }

    @Test
    void aCursorFromOneListIsRefusedOnAnother() {
        String cursor = json(get("/categories/" + encode("金融") + "/articles?limit=1").getBody()).get("nextCursor").asText();
        assertThat(get("/categories/" + encode("金融") + "/articles?limit=1&cursor=" + cursor).getStatusCode()).isEqualTo(200);
        APIGatewayV2HTTPResponse replayed = get("/categories/" + encode("新浪财经") + "/articles?limit=1&cursor=" + cursor);
        assertThat(replayed.getStatusCode()).isEqualTo(400);
        assertThat(json(replayed.getBody()).get("error").get("code").asText()).isEqualTo("INVALID_CURSOR");
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** Every item of a list, page by page; asserts each page is exactly one DynamoDB request. */
    private static List<JsonNode> walk(String path, String query, int limit) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            String q = (query.isEmpty() ? "" : query + "&") + "limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor);
            CALLS.reset();
            APIGatewayV2HTTPResponse r = get(path + "?" + q);
            assertThat(r.getStatusCode()).as(path + "?" + q + " → " + r.getBody()).isEqualTo(200);
            assertThat(CALLS.of("DynamoDb")).as("DynamoDB requests for one page of " + path).isEqualTo(1);
            JsonNode body = json(r.getBody());
            body.get("items").forEach(items::add);
            cursor = body.get("nextCursor").isNull() ? null : body.get("nextCursor").asText();
            assertThat(++pages).as("pages of " + path).isLessThan(1000);
        } while (cursor != null);
        return items;
    }

    private static APIGatewayV2HTTPResponse get(String pathAndQuery) {
        return request("GET", pathAndQuery);
    }

    private static APIGatewayV2HTTPResponse request(String method, String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("$default")
                .withRawPath(q < 0 ? pathAndQuery : pathAndQuery.substring(0, q))
                .withRawQueryString(q < 0 ? "" : pathAndQuery.substring(q + 1))
                .withHeaders(Map.of("host", "api.example.com"))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withStage("$default")
                        .withRequestId("it-" + System.nanoTime())
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).build())
                        .build())
                .build();
        return HttpApiCalls.call(handler, event);
    }

    private static void assertNewestFirst(List<JsonNode> items) {
        Instant previous = null;
        for (JsonNode item : items) {
            if (item.get("publishedAt").isNull()) {
                continue; // placed by storage time, which lists do not show
            }
            Instant at = Instant.parse(item.get("publishedAt").asText());
            if (previous != null) {
                assertThat(at).isBeforeOrEqualTo(previous);
            }
            previous = at;
        }
    }

    private static boolean hasCategory(JsonNode article, String level) {
        for (JsonNode c : article.get("categories")) {
            if (Normalize.key(c.asText()).equals(Normalize.key(level))) {
                return true;
            }
        }
        return false;
    }

    private static boolean mentions(JsonNode article, String symbol) {
        for (JsonNode s : article.get("stocks")) {
            if (s.get("symbol").asText().equals(symbol)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> idsWhere(Predicate<JsonNode> test) {
        Set<String> ids = new HashSet<>();
        ARTICLES.forEach((id, a) -> {
            if (test.test(a)) {
                ids.add(id);
            }
        });
        return ids;
    }

    private static Set<String> intersect(Set<String> a, Set<String> b) {
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        return both;
    }

    private static List<String> ids(List<JsonNode> items) {
        return items.stream().map(i -> i.get("id").asText()).toList();
    }

    private static List<String> reversed(List<String> list) {
        List<String> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }

    private static String id(String key) {
        return ArticleId.of(BUCKET, key);
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = QueryApiIT.class.getResourceAsStream("/it/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    /** An {@code ObjectCreated:Put} record as S3 sends it: the key form-encoded, with size, eTag and sequencer. */
    private static S3EventNotification.S3EventNotificationRecord created(String key, long size, String eTag, String sequencer) {
        var object = new S3EventNotification.S3ObjectEntity(URLEncoder.encode(key, StandardCharsets.UTF_8), size,
                eTag.replace("\"", ""), null, sequencer);
        var bucket = new S3EventNotification.S3BucketEntity(BUCKET, new S3EventNotification.UserIdentityEntity("it"),
                "arn:aws:s3:::" + BUCKET);
        var entity = new S3EventNotification.S3Entity("it", bucket, object, "1.0");
        return new S3EventNotification.S3EventNotificationRecord("us-east-1", "ObjectCreated:Put", "aws:s3",
                Instant.now().toString(), "2.1", new S3EventNotification.RequestParametersEntity("127.0.0.1"),
                new S3EventNotification.ResponseElementsEntity("it", "it"), entity,
                new S3EventNotification.UserIdentityEntity("it"));
    }

    private static final class TestContext implements Context {
        @Override
        public String getAwsRequestId() {
            return "it-request";
        }

        @Override
        public String getLogGroupName() {
            return "/aws/lambda/it";
        }

        @Override
        public String getLogStreamName() {
            return "it";
        }

        @Override
        public String getFunctionName() {
            return "it";
        }

        @Override
        public String getFunctionVersion() {
            return "$LATEST";
        }

        @Override
        public String getInvokedFunctionArn() {
            return "arn:aws:lambda:us-east-1:000000000000:function:it";
        }

        @Override
        public CognitoIdentity getIdentity() {
            return null;
        }

        @Override
        public ClientContext getClientContext() {
            return null;
        }

        @Override
        public int getRemainingTimeInMillis() {
            return 60_000;
        }

        @Override
        public int getMemoryLimitInMB() {
            return 1024;
        }

        @Override
        public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override
                public void log(String message) {
                    System.out.println(message);
                }

                @Override
                public void log(byte[] message) {
                    System.out.println(new String(message, StandardCharsets.UTF_8));
                }
            };
        }
    }
}
