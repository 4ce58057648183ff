package dev.finnews.bench.query;

import dev.finnews.article.Article;
import dev.finnews.article.Image;
import dev.finnews.article.Market;
import dev.finnews.article.S3Location;
import dev.finnews.article.StockMention;
import dev.finnews.store.ArticleQueries;
import dev.finnews.store.ArticleSummary;
import dev.finnews.store.CategoryCount;
import dev.finnews.store.FailureRecord;
import dev.finnews.store.Lookup;
import dev.finnews.store.Page;
import dev.finnews.store.PageRequest;
import dev.finnews.store.PageToken;
import dev.finnews.store.StockCount;
import dev.finnews.store.StoredArticle;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * A store that answers instantly with full pages of realistic items, so a benchmark measures only the
 * query function's own work: routing, validation, cursors and JSON.
 */
final class InMemoryQueries implements ArticleQueries {
    static final String ID = "AAAAAAAAAAAAAAAAAAAAAA";
    private static final PageToken NEXT = new PageToken(Map.of("pk", "L#ALL", "sk", "2022-05-17T11:06:04.000Z#" + ID));
    private static final S3Location SOURCE = new S3Location("articles", "金融/新浪财经/示例 文章.md");

    private final StoredArticle article;
    private final List<ArticleSummary> summaries;

    InMemoryQueries() {
        Instant at = Instant.parse("2022-05-17T11:06:04Z");
        List<StockMention> stocks = List.of(
                new StockMention("sh601988", "601988", Market.SH, "某某银行", List.of()),
                new StockMention("sz000001", "000001", Market.SZ, "某某科技", List.of()));
        String text = "　示例段落，内容为基准测试而写。".repeat(200);
        Article a = new Article(ID, "示例标题 <script>alert(1)</script>", "示例标题", List.of("金融", "新浪财经", "新浪财经－国內"),
                "新浪财经", "示例日报", "张三", at, LocalDate.of(2022, 5, 17), text, text.substring(0, 150),
                List.of(new Image("https://example.com/a.jpg", "图")), "https://example.com/a.jpg", stocks,
                List.of("某某银行", "某某科技"), List.of());
        article = new StoredArticle(a, SOURCE, false, "1", "\"etag\"", "0055AED6DCD90281E5", at);
        ArticleSummary summary = new ArticleSummary(ID, a.title(), at, a.publishDate(), a.categories(),
                List.of(new ArticleSummary.StockRef("sh601988", "某某银行"), new ArticleSummary.StockRef("sz000001", "某某科技")),
                a.summary(), a.leadImage(), SOURCE);
        summaries = IntStream.range(0, PageRequest.MAX_LIMIT).mapToObj(i -> summary).toList();
    }

    @Override
    public Optional<StoredArticle> get(String id) {
        return ID.equals(id) ? Optional.of(article) : Optional.empty();
    }

    @Override
    public Page<ArticleSummary> list(Lookup lookup, PageRequest request) {
        return new Page<>(summaries.subList(0, request.limit()), NEXT);
    }

    @Override
    public Page<CategoryCount> categories(PageRequest request) {
        return new Page<>(IntStream.range(0, request.limit())
                .mapToObj(i -> new CategoryCount("新浪财经－国內" + i, "新浪财经-国内" + i, 1000 + i)).toList(), NEXT);
    }

    @Override
    public Page<StockCount> stocks(PageRequest request) {
        return new Page<>(IntStream.range(0, request.limit())
                .mapToObj(i -> new StockCount("sh6019" + (10 + i % 90) + "0", "某某股份", 10 + i)).toList(), NEXT);
    }

    @Override
    public Page<FailureRecord> failures(PageRequest request) {
        return new Page<>(IntStream.range(0, request.limit())
                .mapToObj(i -> new FailureRecord("articles", "bad/" + i + ".md", "NO_FRONT_MATTER", "no front matter",
                        Instant.parse("2022-05-17T11:06:04Z"), null)).toList(), NEXT);
    }
}
