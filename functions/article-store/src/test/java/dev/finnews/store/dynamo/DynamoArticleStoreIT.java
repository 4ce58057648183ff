package dev.finnews.store.dynamo;

import dev.finnews.article.Market;
import dev.finnews.article.StockSymbol;
import dev.finnews.store.ArticleState;
import dev.finnews.store.ArticleSummary;
import dev.finnews.store.CategoryCount;
import dev.finnews.store.ConcurrentChangeException;
import dev.finnews.store.FailureRecord;
import dev.finnews.store.Lookup;
import dev.finnews.store.Page;
import dev.finnews.store.PageRequest;
import dev.finnews.store.SortOrder;
import dev.finnews.store.StockCount;
import dev.finnews.store.StoredArticle;
import dev.finnews.store.aws.AwsSettings;
import dev.finnews.testing.AwsCallCounter;
import dev.finnews.testing.MotoServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DynamoArticleStoreIT {
    private static final Instant BASE = Instant.parse("2022-07-09T20:00:00Z");

    private final AwsCallCounter calls = new AwsCallCounter();
    private DynamoDbClient ddb;
    private DynamoArticleStore store;
    private String table;

    @BeforeEach
    void createTable() {
        Map<String, String> env = Map.of("AWS_REGION", "us-east-1", "AWS_ENDPOINT_URL", MotoServer.get().endpoint().toString(),
                "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test");
        ddb = AwsSettings.fromEnv(env).withInterceptors(List.of(calls)).configure(DynamoDbClient.builder()).build();
        table = "store-it-" + UUID.randomUUID();
        TableSchema.create(ddb, table);
        store = new DynamoArticleStore(ddb, table, Retention.DEFAULT, Clock.fixed(BASE, ZoneOffset.UTC));
    }

    @Test
    void pagesThroughEveryListExactlyOnceInBothOrders() {
        List<StoredArticle> all = IntStream.range(0, 23)
                .mapToObj(i -> Articles.stored("p" + i + ".md", BASE.plusSeconds(600L * i), List.of("金融", "新浪财经－国內"),
                        Articles.stocks(i % 2, 1)))
                .toList();
        all.forEach(a -> store.store(new ArticleState.Absent(), a, BASE));
        List<String> newestFirst = all.stream()
                .sorted(Comparator.comparing((StoredArticle a) -> a.article().publishedAt()).reversed())
                .map(a -> a.article().id()).toList();

        for (int limit : new int[]{1, 5, 23, 100}) {
            assertThat(ids(new Lookup.Latest(), new PageRequest(limit, SortOrder.DESC, null, null, null))).isEqualTo(newestFirst);
            assertThat(ids(new Lookup.Latest(), new PageRequest(limit, SortOrder.ASC, null, null, null)))
                    .isEqualTo(reversed(newestFirst));
        }
        // a variant spelling of a level finds the same articles
        assertThat(ids(new Lookup.ByCategory("新浪财经-国内"), PageRequest.first(4))).isEqualTo(newestFirst);
        assertThat(ids(new Lookup.ByStock(new StockSymbol(Market.SH, "600001")), PageRequest.first(3))).hasSize(11);
    }

    @Test
    void aPageIsOneQueryAndAGetIsOneGetItem() {
        IntStream.range(0, 5).forEach(i -> store.store(new ArticleState.Absent(),
                Articles.stored("c" + i + ".md", BASE.plusSeconds(i), List.of("金融"), List.of()), BASE));
        calls.reset();
        Page<ArticleSummary> page = store.list(new Lookup.Latest(), PageRequest.first(2));
        store.list(new Lookup.Latest(), PageRequest.first(2).next(page.next()));
        store.get(page.items().get(0).id());
        assertThat(calls.byOperation()).isEqualTo(Map.of("DynamoDb.Query", 2, "DynamoDb.GetItem", 1));
    }

    @Test
    void rangesAreInclusiveAndDatesAreBeijingDays() {
        Instant lateGmt = Instant.parse("2022-07-09T23:54:27Z"); // 07:54 on 2022-07-10 in Beijing
        StoredArticle late = Articles.stored("late.md", lateGmt, List.of("金融"), List.of());
        StoredArticle early = Articles.stored("early.md", Instant.parse("2022-07-09T10:00:00Z"), List.of("金融"), List.of());
        store.store(new ArticleState.Absent(), late, BASE);
        store.store(new ArticleState.Absent(), early, BASE);

        assertThat(ids(new Lookup.ByDate(LocalDate.of(2022, 7, 10)), PageRequest.first(10))).containsExactly(late.article().id());
        assertThat(ids(new Lookup.ByDate(LocalDate.of(2022, 7, 9)), PageRequest.first(10))).containsExactly(early.article().id());
        assertThat(ids(new Lookup.Latest(), new PageRequest(10, SortOrder.ASC, lateGmt, lateGmt, null)))
                .containsExactly(late.article().id());
        assertThat(ids(new Lookup.Latest(), new PageRequest(10, SortOrder.ASC, null, lateGmt.minusMillis(1), null)))
                .containsExactly(early.article().id());
        assertThat(ids(new Lookup.Latest(), new PageRequest(10, SortOrder.ASC, lateGmt.plusMillis(1), null, null))).isEmpty();
    }

    @Test
    void aReUploadAndADeleteLeaveExactlyWhatTheyShould() {
        StoredArticle v1 = Articles.stored("r.md", BASE, List.of("金融", "新浪财经"), Articles.stocks(0, 2));
        store.store(new ArticleState.Absent(), v1, BASE);
        StoredArticle v2 = Articles.stored("r.md", BASE.plusSeconds(60), List.of("金融", "证券时报"),
                List.of(Articles.stock("sh600001", "公司1"), Articles.stock("hk00700", "腾讯控股")));
        store.store(store.current(v1.article().id()), v2, BASE);

        String sk = Keys.timed(BASE.plusSeconds(60), v2.article().id());
        assertThat(tableKeys()).containsExactlyInAnyOrder("A#" + v2.article().id() + "|A",
                "L#ALL|" + sk, "L#DATE#2022-07-10|" + sk, "L#CAT#金融|" + sk, "L#CAT#证券时报|" + sk,
                "L#STOCK#sh600001|" + sk, "L#STOCK#hk00700|" + sk,
                "COUNT#CAT|金融", "COUNT#CAT|新浪财经", "COUNT#CAT|证券时报",
                "COUNT#STOCK|sh600000", "COUNT#STOCK|sh600001", "COUNT#STOCK|hk00700");
        assertThat(all(store::categories)).extracting(CategoryCount::key, CategoryCount::articles)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("金融", 1L), org.assertj.core.groups.Tuple.tuple("证券时报", 1L));
        assertThat(all(store::stocks)).extracting(StockCount::symbol).containsExactlyInAnyOrder("sh600001", "hk00700");

        store.delete(store.current(v2.article().id()), v2.source(), "0F");
        assertThat(tableKeys()).containsExactlyInAnyOrder("A#" + v2.article().id() + "|A",
                "COUNT#CAT|金融", "COUNT#CAT|新浪财经", "COUNT#CAT|证券时报",
                "COUNT#STOCK|sh600000", "COUNT#STOCK|sh600001", "COUNT#STOCK|hk00700");
        assertThat(all(store::categories)).isEmpty();
        assertThat(store.get(v2.article().id())).isEmpty();
        assertThat(store.current(v2.article().id())).isInstanceOf(ArticleState.Deleted.class);
    }

    @Test
    void aWriteBasedOnAStaleReadIsRejected() {
        StoredArticle v1 = Articles.stored("race.md", BASE, List.of("金融"), List.of());
        store.store(new ArticleState.Absent(), v1, BASE);
        assertThatThrownBy(() -> store.store(new ArticleState.Absent(), v1, BASE)).isInstanceOf(ConcurrentChangeException.class);
        ArticleState read = store.current(v1.article().id());
        store.advanceSequencer(v1.article().id(), read, "0A");
        assertThatThrownBy(() -> store.delete(read, v1.source(), "0B")).isInstanceOf(ConcurrentChangeException.class);
        assertThatThrownBy(() -> store.advanceSequencer(v1.article().id(), read, "0C")).isInstanceOf(ConcurrentChangeException.class);
    }

    @Test
    void failuresAreListedAndClearedByALaterSuccess() {
        StoredArticle good = Articles.stored("f.md", BASE, List.of("金融"), List.of());
        String id = good.article().id();
        FailureRecord broken = new FailureRecord(Articles.BUCKET, "f.md", "NO_FRONT_MATTER", "no --- block", BASE, "0A");
        store.recordFailure(store.current(id), broken, "bad-etag", "1");
        assertThat(store.current(id)).isInstanceOf(ArticleState.Failed.class);
        assertThat(store.failures(PageRequest.first(10)).items()).containsExactly(broken);

        store.store(store.current(id), good, BASE);
        assertThat(store.failures(PageRequest.first(10)).items()).isEmpty();

        FailureRecord later = new FailureRecord(Articles.BUCKET, "f.md", "EMPTY", "zero bytes", BASE.plusSeconds(5), "0B");
        store.recordFailure(store.current(id), later, "empty-etag", "1");
        ArticleState.Live live = (ArticleState.Live) store.current(id);
        assertThat(live.failure().eTag()).isEqualTo("empty-etag");
        assertThat(live.sequencer()).isEqualTo("0B");
        assertThat(store.get(id)).isPresent();
        assertThat(store.failures(PageRequest.first(10)).items()).containsExactly(later);
    }

    @Test
    void aFailureMarkMovesTheStatesSequencerButNotTheArticlesOwn() {
        StoredArticle v1 = withSequencer(Articles.stored("seq.md", BASE, List.of("金融"), List.of()), "0A");
        String id = v1.article().id();
        store.store(new ArticleState.Absent(), v1, BASE);
        store.advanceSequencer(id, store.current(id), "0B"); // the same bytes uploaded again
        assertThat(((ArticleState.Live) store.current(id)).article().sequencer()).isEqualTo("0B");

        store.recordFailure(store.current(id), new FailureRecord(Articles.BUCKET, "seq.md", "EMPTY", "zero bytes", BASE, "0C"),
                "empty-etag", "1");
        store.advanceSequencer(id, store.current(id), "0D"); // the broken bytes uploaded again
        ArticleState.Live marked = (ArticleState.Live) store.current(id);
        assertThat(marked.sequencer()).isEqualTo("0D");
        assertThat(marked.article().sequencer()).as("the article's own version").isEqualTo("0B");
        assertThat(marked.failure().eTag()).isEqualTo("empty-etag");
    }

    @Test
    void aMarkedArticleWhoseVersionWasDeletedBecomesTheFailureMarker() {
        StoredArticle v1 = withSequencer(Articles.stored("marked.md", BASE, List.of("金融"), Articles.stocks(0, 2)), "0A");
        String id = v1.article().id();
        store.store(new ArticleState.Absent(), v1, BASE);
        FailureRecord broken = new FailureRecord(Articles.BUCKET, "marked.md", "EMPTY", "zero bytes", BASE, "0C");
        store.recordFailure(store.current(id), broken, "empty-etag", "1");
        ArticleState.Live marked = (ArticleState.Live) store.current(id);

        store.deleteMarkedArticle(marked);

        ArticleState.Failed failed = (ArticleState.Failed) store.current(id);
        assertThat(failed.sequencer()).isEqualTo("0C");
        assertThat(failed.failure()).isEqualTo(marked.failure());
        assertThat(store.get(id)).isEmpty();
        assertThat(store.failures(PageRequest.first(10)).items()).containsExactly(broken);
        Map<String, Map<String, AttributeValue>> items = new java.util.TreeMap<>();
        ddb.scanPaginator(r -> r.tableName(table)).items().forEach(i -> items.put(i.get("pk").s() + "|" + i.get("sk").s(), i));
        assertThat(items.keySet()).filteredOn(k -> !k.startsWith("COUNT#")).containsExactlyInAnyOrder("A#" + id + "|A",
                "FAIL|" + failed.failure().entrySortKey());
        assertThat(items.entrySet()).filteredOn(e -> e.getKey().startsWith("COUNT#"))
                .allMatch(e -> e.getValue().get("articles").n().equals("0"));
        assertThatThrownBy(() -> store.deleteMarkedArticle(marked)).isInstanceOf(ConcurrentChangeException.class);
    }

    @Test
    void aRecordedFailureUploadedAgainOnlyMovesTheSequencer() {
        FailureRecord broken = new FailureRecord(Articles.BUCKET, "again.md", "EMPTY", "zero bytes", BASE, "0A");
        String id = dev.finnews.article.ArticleId.of(Articles.BUCKET, "again.md");
        store.recordFailure(new ArticleState.Absent(), broken, "empty-etag", "1");
        ArticleState.Failed before = (ArticleState.Failed) store.current(id);

        store.advanceSequencer(id, before, "0B");

        ArticleState.Failed after = (ArticleState.Failed) store.current(id);
        assertThat(after.sequencer()).isEqualTo("0B");
        assertThat(after.failure()).isEqualTo(before.failure());
        assertThat(store.failures(PageRequest.first(10)).items()).containsExactly(broken);
    }

    private static StoredArticle withSequencer(StoredArticle s, String sequencer) {
        return new StoredArticle(s.article(), s.source(), s.textTruncated(), s.parserVersion(), s.eTag(), sequencer, s.storedAt());
    }

    private List<String> ids(Lookup lookup, PageRequest first) {
        List<String> ids = new ArrayList<>();
        PageRequest request = first;
        while (true) {
            Page<ArticleSummary> page = store.list(lookup, request);
            page.items().forEach(s -> ids.add(s.id()));
            if (page.next() == null) {
                return ids;
            }
            assertThat(page.items()).as("a page before a cursor is never empty").isNotEmpty();
            request = request.next(page.next());
        }
    }

    private static List<String> reversed(List<String> list) {
        List<String> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private static <T> List<T> all(Function<PageRequest, Page<T>> lister) {
        List<T> all = new ArrayList<>();
        PageRequest request = new PageRequest(2, SortOrder.ASC, null, null, null);
        while (true) {
            Page<T> page = lister.apply(request);
            all.addAll(page.items());
            if (page.next() == null) {
                return all;
            }
            request = request.next(page.next());
        }
    }

    private List<String> tableKeys() {
        return ddb.scanPaginator(r -> r.tableName(table)).items().stream()
                .map((Map<String, AttributeValue> item) -> item.get("pk").s() + "|" + item.get("sk").s()).toList();
    }
}
