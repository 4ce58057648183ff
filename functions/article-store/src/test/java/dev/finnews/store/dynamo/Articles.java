package dev.finnews.store.dynamo;

import dev.finnews.article.Article;
import dev.finnews.article.ArticleId;
import dev.finnews.article.Evidence;
import dev.finnews.article.Image;
import dev.finnews.article.Market;
import dev.finnews.article.S3Location;
import dev.finnews.article.StockMention;
import dev.finnews.store.StoredArticle;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.IntStream;

/** Invented articles for store tests. */
final class Articles {
    static final String BUCKET = "test-bucket";

    private Articles() {
    }

    static StoredArticle stored(String key, Instant publishedAt, List<String> categories, List<StockMention> stocks) {
        String id = ArticleId.of(BUCKET, key);
        LocalDate date = publishedAt == null ? null : LocalDate.ofInstant(publishedAt, ZoneId.of("Asia/Shanghai"));
        Article a = new Article(id, "标题 " + key, "标题 " + key, categories, "新浪财经", null, "李编辑", publishedAt, date,
                "正文第一段。\n正文第二段。", "正文第一段。", List.of(new Image("https://example.com/a.jpg", "图")),
                "https://example.com/a.jpg", stocks, List.of("关键词"), List.of());
        return new StoredArticle(a, new S3Location(BUCKET, key), false, "1", "etag-" + key, null,
                Instant.parse("2024-01-01T00:00:00Z"));
    }

    static StockMention stock(String symbol, String name) {
        Market market = Market.valueOf(symbol.substring(0, 2).toUpperCase(java.util.Locale.ROOT));
        return new StockMention(symbol, symbol.substring(2).toUpperCase(java.util.Locale.ROOT), market, name,
                List.of(Evidence.SPAN));
    }

    /** {@code n} distinct Shanghai symbols starting at {@code first}. */
    static List<StockMention> stocks(int first, int n) {
        return IntStream.range(first, first + n).mapToObj(i -> stock("sh" + (600000 + i), "公司" + i)).toList();
    }
}
