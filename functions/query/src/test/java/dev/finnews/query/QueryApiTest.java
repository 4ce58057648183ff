package dev.finnews.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.finnews.store.CategoryCount;
import dev.finnews.store.FailureRecord;
import dev.finnews.store.PageToken;
import dev.finnews.store.SortOrder;
import dev.finnews.store.StockCount;
import dev.finnews.store.StoredArticle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.finnews.query.Fixtures.article;
import static dev.finnews.query.Fixtures.encode;
import static dev.finnews.query.Fixtures.json;
import static dev.finnews.query.Fixtures.stock;
import static org.assertj.core.api.Assertions.assertThat;

class QueryApiTest {
    private static final List<String> SINA_DOMESTIC = List.of("金融", "新浪财经", "新浪财经－国內");

    private final StoredArticle bank = article("金融/新浪财经/央行 新规+细则.md", "央行发布新规", "2022-05-17T11:06:04Z",
            SINA_DOMESTIC, stock("sh601988", "中国银行"), stock("sz000001", "平安银行"));
    private final StoredArticle lateNight = article("金融/新浪财经/夜盘.md", "美股夜盘收盘", "2022-07-09T23:54:27Z",
            List.of("金融", "新浪财经", "新浪财经－美股"), stock("usaapl", "苹果"), stock("hk00700", "腾讯控股"));
    private final StoredArticle script = article("科技/推荐.md", "<script>alert(1)</script> & \"引号\" 'x'", "2022-05-16T15:59:59Z",
            List.of("科技", "IT 之家", "今日推荐 / 精选"));
    private final StoredArticle undated = article("金融/无日期.md", "无日期的文章", null, SINA_DOMESTIC);

    private FakeArticleQueries store;
    private List<String> logLines;
    private QueryApi api;

    @BeforeEach
    void setUp() {
        store = new FakeArticleQueries().add(bank, lateNight, script, undated);
        logLines = new ArrayList<>();
        api = new QueryApi(store, Fixtures.config(), new ErrorLog(logLines::add));
    }

    private HttpResponse get(String path) {
        int q = path.indexOf('?');
        return api.handle(q < 0 ? HttpRequest.get(path, "") : HttpRequest.get(path.substring(0, q), path.substring(q + 1)));
    }

    private HttpResponse call(String method, String path) {
        return api.handle(new HttpRequest(method, path, "", Map.of(), "req-1"));
    }

    private static List<String> ids(HttpResponse r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        json(r.body()).get("items").forEach(i -> ids.add(i.get("id").asText()));
        return ids;
    }

    private static String id(StoredArticle a) {
        return a.article().id();
    }

    private static void assertError(HttpResponse r, int status, ErrorCode code) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        JsonNode error = json(r.body()).get("error");
        assertThat(error.get("code").asText()).isEqualTo(code.name());
        assertThat(error.get("message").asText()).isNotBlank();
        assertThat(r.header("Cache-Control")).isEqualTo("no-store");
    }

    @Nested
    class ArticleById {
        @Test
        void returnsEveryFieldWithSourceAndTruncationFlag() {
            HttpResponse r = get("/articles/" + id(bank));
            assertThat(r.status()).isEqualTo(200);
            JsonNode a = json(r.body());
            assertThat(a.get("id").asText()).isEqualTo(id(bank));
            assertThat(a.get("title").asText()).isEqualTo("央行发布新规");
            assertThat(a.get("publishedAt").asText()).isEqualTo("2022-05-17T11:06:04Z");
            assertThat(a.get("publishDate").asText()).isEqualTo("2022-05-17");
            assertThat(a.get("stocks").get(0).get("symbol").asText()).isEqualTo("sh601988");
            assertThat(a.get("textTruncated").asBoolean()).isFalse();
            assertThat(a.get("source").get("bucket").asText()).isEqualTo(Fixtures.BUCKET);
            assertThat(a.get("source").get("key").asText()).isEqualTo("金融/新浪财经/央行 新规+细则.md");
            List<String> fields = new ArrayList<>();
            a.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).contains("titleRaw", "categories", "author", "origin", "editor", "text", "summary", "images",
                    "leadImage", "keywords", "warnings");
            assertThat(store.calls).containsExactly("get");
        }

        @Test
        void saysWhenTheStoredTextWasCut() {
            StoredArticle cut = new StoredArticle(bank.article(), bank.source(), true, "test-1", "e", null, bank.storedAt());
            store.articles.set(0, cut);
            assertThat(json(get("/articles/" + id(bank)).body()).get("textTruncated").asBoolean()).isTrue();
        }

        @Test
        void isCachedLongerThanLists() {
            assertThat(get("/articles/" + id(bank)).header("Cache-Control")).isEqualTo("public, max-age=300");
            assertThat(get("/articles").header("Cache-Control")).isEqualTo("public, max-age=30");
        }

        @Test
        void unknownIdIsNotFound() {
            assertError(get("/articles/AAAAAAAAAAAAAAAAAAAAAA"), 404, ErrorCode.NOT_FOUND);
            assertThat(store.calls).containsExactly("get");
        }

        @ParameterizedTest
        @ValueSource(strings = {"short", "AAAAAAAAAAAAAAAAAAAAAAA", "AAAAAAAAAAAAAAAAAAAA%2F", "AAAAAAAAAAAAAAAAAAAA%20A"})
        void somethingThatCannotBeAnIdIsNotFoundWithoutAskingTheStore(String raw) {
            assertError(get("/articles/" + raw), 404, ErrorCode.NOT_FOUND);
            assertThat(store.calls).isEmpty();
        }
    }

    @Nested
    class Lists {
        @Test
        void latestIsNewestFirstWithUndatedByStorageTime() {
            assertThat(ids(get("/articles"))).containsExactly(id(undated), id(lateNight), id(bank), id(script));
            assertThat(ids(get("/articles?order=asc"))).containsExactly(id(script), id(bank), id(lateNight), id(undated));
        }

        @Test
        void itemsCarryWhatAListShows() {
            JsonNode item = json(get("/stocks/sh601988/articles").body()).get("items").get(0);
            List<String> fields = new ArrayList<>();
            item.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).containsExactly("id", "title", "publishedAt", "publishDate", "categories", "stocks", "summary",
                    "leadImage", "source");
            assertThat(item.get("stocks").get(0).get("symbol").asText()).isEqualTo("sh601988");
            assertThat(item.get("stocks").get(0).get("name").asText()).isEqualTo("中国银行");
            assertThat(item.get("source").get("key").asText()).isEqualTo("金融/新浪财经/央行 新规+细则.md");
        }

        @Test
        void undatedItemsHaveNullTimes() {
            JsonNode item = json(get("/articles?limit=1").body()).get("items").get(0);
            assertThat(item.get("publishedAt").isNull()).isTrue();
            assertThat(item.get("publishDate").isNull()).isTrue();
        }

        @Test
        void categoryMatchesAnyLevelAndVariantSpellings() {
            assertThat(ids(get("/categories/" + encode("金融") + "/articles"))).containsExactly(id(undated), id(lateNight), id(bank));
            assertThat(ids(get("/categories/" + encode("新浪财经－国內") + "/articles"))).containsExactly(id(undated), id(bank));
            assertThat(ids(get("/categories/" + encode("新浪财经-国内") + "/articles"))).containsExactly(id(undated), id(bank));
            assertThat(ids(get("/categories/" + encode("it 之家") + "/articles"))).containsExactly(id(script));
        }

        @Test
        void categoryWithAnEncodedSlashIsOneValue() {
            assertThat(ids(get("/categories/" + encode("今日推荐 / 精选") + "/articles"))).containsExactly(id(script));
            assertThat(get("/categories/今日推荐 / 精选/articles").status()).isEqualTo(404);
        }

        @Test
        void unencodedUnicodeInThePathWorksToo() {
            assertThat(ids(get("/categories/科技/articles"))).containsExactly(id(script));
        }

        @Test
        void dateIsTheBeijingCalendarDay() {
            assertThat(ids(get("/dates/2022-07-10/articles"))).containsExactly(id(lateNight));
            assertThat(ids(get("/dates/2022-07-09/articles"))).isEmpty();
            assertThat(ids(get("/dates/2022-05-16/articles"))).containsExactly(id(script));
        }

        @ParameterizedTest
        @ValueSource(strings = {"sh601988", "SH601988", "601988.SH", "601988.SS", "601988", "601988.sh"})
        void everyFormOfAnAShareSymbol(String symbol) {
            assertThat(ids(get("/stocks/" + encode(symbol) + "/articles"))).containsExactly(id(bank));
        }

        @ParameterizedTest
        @ValueSource(strings = {"hk00700", "00700.HK", "HK00700", "700.HK", "usAAPL", "AAPL.US", "usaapl", "gb_aapl"})
        void everyFormOfHongKongAndUsSymbols(String symbol) {
            assertThat(ids(get("/stocks/" + encode(symbol) + "/articles"))).containsExactly(id(lateNight));
        }

        @Test
        void anAmbiguousBareCodeListsItsCandidates() {
            HttpResponse r = get("/stocks/000001/articles");
            assertError(r, 400, ErrorCode.AMBIGUOUS_SYMBOL);
            JsonNode error = json(r.body()).get("error");
            assertThat(error.get("candidates").toString()).isEqualTo("[\"sh000001\",\"sz000001\"]");
            assertThat(error.get("message").asText()).contains("sh000001").contains("sz000001");
            assertThat(store.calls).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"xyz!", "601988.HK", "12345678901234567", "999999", "%20"})
        void invalidSymbols(String symbol) {
            assertError(get("/stocks/" + symbol + "/articles"), 400, ErrorCode.INVALID_SYMBOL);
            assertThat(store.calls).isEmpty();
        }

        @Test
        void rangesAreInclusiveAndDatesMeanBeijingDays() {
            assertThat(ids(get("/articles?from=2022-05-17&to=2022-07-10"))).containsExactly(id(lateNight), id(bank));
            assertThat(ids(get("/articles?to=2022-05-16"))).containsExactly(id(script));
            assertThat(ids(get("/articles?from=2022-05-17T11:06:04Z&to=2022-05-17T11:06:04Z"))).containsExactly(id(bank));
            assertThat(ids(get("/articles?from=2022-05-17T19:06:05%2B08:00&to=2022-07-09"))).isEmpty();
            assertThat(ids(get("/categories/" + encode("金融") + "/articles?from=2022-07-10&to=2022-07-10")))
                    .containsExactly(id(lateNight));
            assertThat(ids(get("/stocks/hk00700/articles?to=2022-07-09"))).isEmpty();
        }

        @Test
        void passesLimitOrderAndRangeToTheStore() {
            get("/stocks/sh601988/articles?limit=7&order=asc&from=2022-05-17&to=2022-05-17");
            assertThat(store.lastRequest.limit()).isEqualTo(7);
            assertThat(store.lastRequest.order()).isEqualTo(SortOrder.ASC);
            assertThat(store.lastRequest.from()).isEqualTo(Instant.parse("2022-05-16T16:00:00Z"));
            assertThat(store.lastRequest.to()).isEqualTo(Instant.parse("2022-05-17T15:59:59.999Z"));
            get("/articles");
            assertThat(store.lastRequest.limit()).isEqualTo(20);
            assertThat(store.lastRequest.order()).isEqualTo(SortOrder.DESC);
        }

        @Test
        void eachListPageIsOneStoreCall() {
            for (String path : List.of("/articles", "/categories/x/articles", "/dates/2022-05-17/articles",
                    "/stocks/sh601988/articles", "/categories", "/stocks", "/failures")) {
                store.calls.clear();
                assertThat(get(path).status()).isEqualTo(200);
                assertThat(store.calls).as(path).hasSize(1);
            }
        }
    }

    @Nested
    class Paging {
        @ParameterizedTest
        @ValueSource(strings = {"desc", "asc"})
        void walksEveryArticleExactlyOnceInOrder(String order) {
            List<String> expected = ids(get("/articles?limit=100&order=" + order));
            List<String> seen = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                HttpResponse r = get("/articles?limit=1&order=" + order + (cursor == null ? "" : "&cursor=" + cursor));
                JsonNode body = json(r.body());
                body.get("items").forEach(i -> seen.add(i.get("id").asText()));
                cursor = body.get("nextCursor").isNull() ? null : body.get("nextCursor").asText();
                pages++;
            } while (cursor != null && pages < 10);
            assertThat(seen).containsExactlyElementsOf(expected).hasSize(4);
        }

        @Test
        void lastPageHasANullCursor() {
            JsonNode body = json(get("/articles?limit=100").body());
            assertThat(body.get("nextCursor").isNull()).isTrue();
        }

        @Test
        void aCursorWorksForVariantSpellingsOfTheSameList() {
            String cursor = json(get("/categories/" + encode("新浪财经－国內") + "/articles?limit=1").body()).get("nextCursor").asText();
            assertThat(ids(get("/categories/" + encode("新浪财经-国内") + "/articles?limit=1&cursor=" + cursor))).containsExactly(id(bank));
        }

        @Test
        void aCursorReplayedOnAnotherListIsRejected() {
            String cursor = json(get("/categories/" + encode("金融") + "/articles?limit=1").body()).get("nextCursor").asText();
            assertError(get("/categories/" + encode("新浪财经") + "/articles?limit=1&cursor=" + cursor), 400, ErrorCode.INVALID_CURSOR);
            assertError(get("/articles?limit=1&cursor=" + cursor), 400, ErrorCode.INVALID_CURSOR);
            assertError(get("/categories/" + encode("金融") + "/articles?order=asc&cursor=" + cursor), 400, ErrorCode.INVALID_CURSOR);
            assertError(get("/categories/" + encode("金融") + "/articles?from=2020-01-01&cursor=" + cursor), 400, ErrorCode.INVALID_CURSOR);
            assertThat(ids(get("/categories/" + encode("金融") + "/articles?limit=5&cursor=" + cursor))).hasSize(2);
        }

        @Test
        void aTamperedOrForeignCursorIsRejected() {
            String cursor = json(get("/articles?limit=1").body()).get("nextCursor").asText();
            String tampered = (cursor.charAt(0) == 'A' ? "B" : "A") + cursor.substring(1);
            assertError(get("/articles?cursor=" + tampered), 400, ErrorCode.INVALID_CURSOR);
            QueryApi otherKey = new QueryApi(store, QueryConfig.fromEnv(Map.of("CURSOR_SECRET", "another-secret-0123456789")));
            assertError(otherKey.handle(HttpRequest.get("/articles", "cursor=" + cursor)), 400, ErrorCode.INVALID_CURSOR);
            assertError(get("/articles?cursor=%ZZ"), 400, ErrorCode.INVALID_CURSOR);
            assertError(get("/articles?cursor="), 400, ErrorCode.INVALID_CURSOR);
        }

        @Test
        void aSignedPositionTheStoreNoLongerUnderstandsIsAnInvalidCursor() {
            CursorCodec sameKey = new CursorCodec(Fixtures.SECRET.getBytes(StandardCharsets.UTF_8));
            String cursor = sameKey.encode(new PageToken(Map.of("old", "layout")),
                    new ListScope(Route.ARTICLES, "", SortOrder.DESC, null, null));
            assertError(get("/articles?cursor=" + cursor), 400, ErrorCode.INVALID_CURSOR);
        }

        @Test
        void directoriesPageToo() {
            for (int i = 0; i < 5; i++) {
                store.categories.add(new CategoryCount("类别" + i, "类别" + i, i));
            }
            JsonNode first = json(get("/categories?limit=3").body());
            assertThat(first.get("items")).hasSize(3);
            String cursor = first.get("nextCursor").asText();
            JsonNode second = json(get("/categories?limit=3&cursor=" + cursor).body());
            assertThat(second.get("items")).hasSize(2);
            assertThat(second.get("nextCursor").isNull()).isTrue();
            assertError(get("/stocks?cursor=" + cursor), 400, ErrorCode.INVALID_CURSOR);
        }
    }

    @Nested
    class Directories {
        @Test
        void categoriesWithCounts() {
            store.categories.add(new CategoryCount("新浪财经－国內", "新浪财经-国内", 2));
            HttpResponse r = get("/categories");
            assertThat(r.header("Cache-Control")).isEqualTo("public, max-age=60");
            assertThat(json(r.body()).get("items").get(0).toString())
                    .isEqualTo("{\"name\":\"新浪财经－国內\",\"key\":\"新浪财经-国内\",\"articles\":2}");
        }

        @Test
        void stocksWithNamesAndCounts() {
            store.stocks.add(new StockCount("sh601988", "中国银行", 3));
            store.stocks.add(new StockCount("usaapl", null, 1));
            JsonNode items = json(get("/stocks").body()).get("items");
            assertThat(items.get(0).toString()).isEqualTo("{\"symbol\":\"sh601988\",\"name\":\"中国银行\",\"articles\":3}");
            assertThat(items.get(1).get("name").isNull()).isTrue();
        }

        @Test
        void failuresNewestFirstAndNeverCached() {
            store.failures.add(new FailureRecord("b", "old.md", "NO_FRONT_MATTER", "no front matter", Instant.parse("2026-01-01T00:00:00Z"), "01"));
            store.failures.add(new FailureRecord("b", "new.md", "TOO_LARGE", "6 MB > 5 MB", Instant.parse("2026-01-02T00:00:00Z"), null));
            HttpResponse r = get("/failures");
            assertThat(r.header("Cache-Control")).isEqualTo("no-store");
            assertThat(r.body()).startsWith("{\"items\":[{\"bucket\":\"b\",\"key\":\"new.md\",\"reason\":\"TOO_LARGE\","
                    + "\"message\":\"6 MB \\u003E 5 MB\",\"at\":\"2026-01-02T00:00:00Z\"}");
            JsonNode items = json(r.body()).get("items");
            assertThat(items.get(1).get("key").asText()).isEqualTo("old.md");
        }
    }

    @Nested
    class Errors {
        @ParameterizedTest
        @ValueSource(strings = {"/", "/nothing", "/articles/a/b", "/Categories", "/categories//articles", "/dates/2022-05-17"})
        void unknownRoutesAreNotFound(String path) {
            assertError(get(path), 404, ErrorCode.NOT_FOUND);
        }

        @ParameterizedTest
        @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH", "HEAD", "get", ""})
        void otherMethodsAreNotAllowed(String method) {
            HttpResponse r = call(method, "/articles");
            assertError(r, 405, ErrorCode.METHOD_NOT_ALLOWED);
            assertThat(r.header("Allow")).isEqualTo("GET, OPTIONS");
            assertThat(store.calls).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"/categories/%E4%B8/articles", "/articles/%", "/stocks/%zz/articles", "/dates/%C0%AF/articles"})
        void malformedPathEncodingIsABadRequestNotAServerError(String path) {
            assertError(get(path), 400, ErrorCode.INVALID_PATH);
        }

        @Test
        void blankOrOverlongCategoriesAreInvalidPaths() {
            assertError(get("/categories/%20%E3%80%80/articles"), 400, ErrorCode.INVALID_PATH);
            assertError(get("/categories/" + "长".repeat(501) + "/articles"), 400, ErrorCode.INVALID_PATH);
            assertThat(store.calls).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"2022-02-30", "20220517", "2022-5-17", "today", "2022-05-17T00:00:00Z"})
        void badPathDates(String date) {
            assertError(get("/dates/" + date + "/articles"), 400, ErrorCode.INVALID_DATE);
        }

        @Test
        void badQueryParametersOnEveryList() {
            for (String path : List.of("/articles", "/categories/x/articles", "/dates/2022-05-17/articles",
                    "/stocks/sh601988/articles", "/categories", "/stocks", "/failures")) {
                assertError(get(path + "?limit=0"), 400, ErrorCode.INVALID_LIMIT);
                assertError(get(path + "?limit=101"), 400, ErrorCode.INVALID_LIMIT);
                assertError(get(path + "?order=newest"), 400, ErrorCode.INVALID_ORDER);
                assertError(get(path + "?cursor=forged"), 400, ErrorCode.INVALID_CURSOR);
            }
            for (String path : List.of("/articles", "/categories/x/articles", "/stocks/sh601988/articles")) {
                assertError(get(path + "?from=2022-13-01"), 400, ErrorCode.INVALID_DATE);
                assertError(get(path + "?to=noon"), 400, ErrorCode.INVALID_DATE);
                assertError(get(path + "?from=2022-05-18&to=2022-05-17"), 400, ErrorCode.INVALID_RANGE);
            }
            assertThat(store.calls).isEmpty();
        }

        @Test
        void anUnexpectedFailureIsA500WithoutDetailsAndOneLogLine() {
            store.failure = () -> new IllegalStateException("secret internal detail");
            HttpResponse r = call("GET", "/articles");
            assertError(r, 500, ErrorCode.INTERNAL);
            assertThat(r.body()).doesNotContain("secret internal detail").doesNotContain("IllegalStateException")
                    .doesNotContain("at dev.finnews").contains("req-1");
            assertThat(logLines).hasSize(1);
            JsonNode line = json(logLines.get(0));
            assertThat(line.get("level").asText()).isEqualTo("ERROR");
            assertThat(line.get("requestId").asText()).isEqualTo("req-1");
            assertThat(line.get("detail").asText()).isEqualTo("secret internal detail");
            assertThat(line.get("stackTrace").asText()).contains("IllegalStateException");
            assertThat(logLines.get(0)).doesNotContain("\n");
        }

        @Test
        void storeThrottlingIsA503ToRetry() {
            store.failure = () -> ProvisionedThroughputExceededException.builder().statusCode(400)
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode("ProvisionedThroughputExceededException")
                            .errorMessage("slow down").build())
                    .build();
            HttpResponse r = get("/articles/" + id(bank));
            assertError(r, 503, ErrorCode.UNAVAILABLE);
            assertThat(r.header("Retry-After")).isEqualTo("1");
            assertThat(r.body()).doesNotContain("slow down");
            assertThat(logLines).hasSize(1);
        }

        @Test
        void aScriptInATitleComesBackInert() {
            for (String path : List.of("/articles/" + id(script), "/articles", "/categories/" + encode("科技") + "/articles")) {
                HttpResponse r = get(path);
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.body()).doesNotContain("<").doesNotContain(">").doesNotContain("&").containsIgnoringCase("\\u003cscript\\u003e");
            }
            JsonNode a = json(get("/articles/" + id(script)).body());
            assertThat(a.get("title").asText()).isEqualTo("<script>alert(1)</script> & \"引号\" 'x'");
        }

        @Test
        void inputEchoedInErrorsIsInertAndShort() {
            HttpResponse r = get("/dates/%3Cscript%3E" + "x".repeat(500) + "/articles");
            assertError(r, 400, ErrorCode.INVALID_DATE);
            assertThat(r.body()).doesNotContain("<script").hasSizeLessThan(300);
        }
    }

    @Nested
    class Headers {
        @Test
        void everyResponseCarriesTheCommonHeaders() {
            store.failure = null;
            List<HttpResponse> responses = new ArrayList<>(List.of(get("/articles"), get("/articles/" + id(bank)), get("/nope"),
                    get("/articles?limit=0"), call("POST", "/articles"), call("OPTIONS", "/articles")));
            store.failure = () -> new IllegalStateException("boom");
            responses.add(get("/articles"));
            for (HttpResponse r : responses) {
                assertThat(r.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
                assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
                assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo("*");
                assertThat(r.header("Cache-Control")).isNotBlank();
                assertThat(r.header("Vary")).isNull();
            }
        }

        @ParameterizedTest
        @EnumSource(Route.class)
        void preflightIsAnsweredOnEveryRoute(Route route) {
            String path = route.template().replace("{id}", "x").replace("{category}", "x").replace("{date}", "2022-05-17")
                    .replace("{symbol}", "sh601988");
            HttpResponse r = call("OPTIONS", path);
            assertThat(r.status()).isEqualTo(204);
            assertThat(r.body()).isEmpty();
            assertThat(r.header("Access-Control-Allow-Methods")).isEqualTo("GET, OPTIONS");
            assertThat(r.header("Access-Control-Allow-Headers")).contains("Authorization");
            assertThat(r.header("Access-Control-Max-Age")).isEqualTo("86400");
            assertThat(store.calls).isEmpty();
        }

        @Test
        void preflightOnAnUnknownRouteIsNotFound() {
            assertError(call("OPTIONS", "/nope"), 404, ErrorCode.NOT_FOUND);
        }

        @Test
        void theAllowedOriginComesFromTheEnvironment() {
            QueryApi restricted = new QueryApi(store, QueryConfig.fromEnv(Map.of("CURSOR_SECRET", Fixtures.SECRET,
                    "FINNEWS_ALLOWED_ORIGIN", "https://news.example.com")));
            for (HttpResponse r : List.of(restricted.handle(HttpRequest.get("/articles", "")),
                    restricted.handle(HttpRequest.get("/nope", "")))) {
                assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo("https://news.example.com");
                assertThat(r.header("Vary")).isEqualTo("Origin");
            }
        }
    }
}
