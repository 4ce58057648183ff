package dev.finnews.store.dynamo;

import dev.finnews.article.Limits;
import dev.finnews.store.ArticleState;
import dev.finnews.store.Lookup;
import dev.finnews.store.PageRequest;
import dev.finnews.store.PageToken;
import dev.finnews.store.SortOrder;
import dev.finnews.store.StoredArticle;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shape of the writes, checked on the requests themselves (no emulator needed). */
class DynamoArticleStoreTest {
    private static final Instant T1 = Instant.parse("2022-05-17T11:06:04Z");
    private static final Instant T2 = Instant.parse("2022-07-09T23:54:27Z");

    private final List<TransactWriteItemsRequest> sent = new ArrayList<>();
    private final DynamoDbClient recording = new DynamoDbClient() {
        @Override
        public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
            sent.add(request);
            return TransactWriteItemsResponse.builder().build();
        }

        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {
        }
    };
    private final DynamoArticleStore store = new DynamoArticleStore(recording, "t", Retention.DEFAULT,
            Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC));

    @Test
    void theWorstReUploadAtEveryCapFitsOneTransaction() {
        List<String> oldCategories = IntStream.range(0, Limits.MAX_CATEGORIES).mapToObj(i -> "旧分类" + i).toList();
        List<String> newCategories = IntStream.range(0, Limits.MAX_CATEGORIES).mapToObj(i -> "新分类" + i).toList();
        StoredArticle before = Articles.stored("cap.md", T1, oldCategories, Articles.stocks(0, Limits.MAX_STOCKS));
        StoredArticle after = Articles.stored("cap.md", T2, newCategories, Articles.stocks(100, Limits.MAX_STOCKS));
        ArticleState.Live live = new ArticleState.Live(3, "0A", before,
                new ArticleState.FailureMark("2024-01-01T00:00:00.000Z#" + before.article().id(), "bad", "1"),
                ArticleItems.footprint(before, T1));

        store.store(live, after, T2);

        List<TransactWriteItem> actions = sent.get(0).transactItems();
        assertThat(actions).hasSize(6 + 4 * (Limits.MAX_CATEGORIES + Limits.MAX_STOCKS)).hasSizeLessThanOrEqualTo(100);
        assertThat(actions.stream().map(DynamoArticleStoreTest::keyOf).distinct()).hasSameSizeAs(actions);
    }

    @Test
    void moreStocksOrCategoriesThanTheCapsAreNotListed() {
        List<String> categories = IntStream.range(0, 10).mapToObj(i -> "分类" + i).toList();
        StoredArticle huge = Articles.stored("huge.md", T1, categories, Articles.stocks(0, 60));

        store.store(new ArticleState.Absent(), huge, T1);

        // article + latest + date + 3 categories + 20 stocks, each counted once
        assertThat(sent.get(0).transactItems()).hasSize(1 + 1 + 1 + 2 * (Limits.MAX_CATEGORIES + Limits.MAX_STOCKS));
    }

    @Test
    void aReUploadWithTheSameListingsOnlyRewritesItsEntries() {
        StoredArticle before = Articles.stored("same.md", T1, List.of("金融", "新浪财经"), Articles.stocks(0, 2));
        ArticleState.Live live = new ArticleState.Live(1, null, before, null, ArticleItems.footprint(before, T1));

        store.store(live, before, T1);

        List<TransactWriteItem> actions = sent.get(0).transactItems();
        assertThat(actions).hasSize(1 + 6); // article + ALL, DATE, 2 CAT, 2 STOCK; no count changes, no deletes
        assertThat(actions).allMatch(a -> a.put() != null);
        assertThat(actions.get(0).put().conditionExpression()).isEqualTo("#rev = :rev");
    }

    @Test
    void aChangedStockMovesOneEntryAndTwoCounts() {
        StoredArticle before = Articles.stored("s.md", T1, List.of("金融"), Articles.stocks(0, 2));
        StoredArticle after = Articles.stored("s.md", T1, List.of("金融"),
                List.of(Articles.stocks(0, 1).get(0), Articles.stock("hk00700", "腾讯控股")));
        ArticleState.Live live = new ArticleState.Live(1, null, before, null, ArticleItems.footprint(before, T1));

        store.store(live, after, T1);

        List<TransactWriteItem> actions = sent.get(0).transactItems();
        assertThat(actions.stream().filter(a -> a.delete() != null).map(DynamoArticleStoreTest::keyOf))
                .containsExactly("L#STOCK#sh600001|" + ArticleItems.footprint(before, T1).sortKey());
        assertThat(actions.stream().filter(a -> a.update() != null).map(DynamoArticleStoreTest::keyOf))
                .containsExactlyInAnyOrder("COUNT#STOCK|hk00700", "COUNT#STOCK|sh600001");
    }

    @Test
    void aNewArticleIsConditionalOnNothingBeingThere() {
        store.store(new ArticleState.Absent(), Articles.stored("n.md", null, List.of(), List.of()), T1);

        List<TransactWriteItem> actions = sent.get(0).transactItems();
        assertThat(actions.get(0).put().conditionExpression()).isEqualTo("attribute_not_exists(#pk)");
        // no publish time: listed in latest only, sorted by upload time, no date entry
        assertThat(actions).hasSize(2);
        assertThat(keyOf(actions.get(1))).startsWith("L#ALL|" + Keys.sortTime(T1) + "#");
    }

    @Test
    void deletingAStoredArticleRemovesEveryEntryAndCount() {
        StoredArticle before = Articles.stored("d.md", T1, List.of("金融", "新浪财经"), Articles.stocks(0, 3));
        ArticleState.Live live = new ArticleState.Live(2, "0B", before, null, ArticleItems.footprint(before, T1));

        store.delete(live, before.source(), "0C");

        List<TransactWriteItem> actions = sent.get(0).transactItems();
        assertThat(actions).hasSize(1 + 7 + 5);
        Map<String, AttributeValue> tombstone = actions.get(0).put().item();
        assertThat(tombstone.get("state").s()).isEqualTo("DELETED");
        assertThat(tombstone.get("sequencer").s()).isEqualTo("0C");
        assertThat(tombstone.get("expiresAt").n()).isEqualTo(Long.toString(Instant.parse("2024-01-08T00:00:00Z").getEpochSecond()));
    }

    @Test
    void pageTokensThatTheStoreDidNotMakeAreRefused() {
        PageRequest first = PageRequest.first(10);
        Lookup latest = new Lookup.Latest();
        assertThatThrownBy(() -> store.list(latest, first.next(new PageToken(Map.of("pk", "L#ALL")))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.list(latest, first.next(new PageToken(Map.of("pk", "L#CAT#金融",
                "sk", "2022-05-17T11:06:04.000Z#AAAAAAAAAAAAAAAAAAAAAA")))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.list(latest, first.next(new PageToken(Map.of("pk", "L#ALL", "sk", "x")))))
                .isInstanceOf(IllegalArgumentException.class);
        PageRequest ranged = new PageRequest(10, SortOrder.DESC, T2, null, null);
        assertThatThrownBy(() -> store.list(latest, ranged.next(new PageToken(Map.of("pk", "L#ALL",
                "sk", Keys.timed(T1, "AAAAAAAAAAAAAAAAAAAAAA"))))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.failures(first.next(new PageToken(Map.of("pk", "COUNT#CAT", "sk", "金融")))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String keyOf(TransactWriteItem a) {
        Map<String, AttributeValue> key = a.put() != null ? a.put().item()
                : a.delete() != null ? a.delete().key()
                : a.update() != null ? a.update().key() : a.conditionCheck().key();
        return key.get("pk").s() + "|" + key.get("sk").s();
    }
}
