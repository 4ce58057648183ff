package dev.finnews.query;

import dev.finnews.article.Normalize;
import dev.finnews.article.StockMention;
import dev.finnews.store.CategoryCount;
import dev.finnews.store.FailureRecord;
import dev.finnews.store.StockCount;
import dev.finnews.store.StoredArticle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An in-memory store whose every text field carries something hostile (markup, entities, quotes,
 * line separators, injection strings), with enough articles that every list has several pages, and
 * the valid path values it holds, for the generator.
 */
final class AbuseData {
    private static final List<String> TITLES = List.of("<script>alert(1)</script> 虚构标题", "A & B <b>粗体</b>",
            "引号 ' \" ` 测试", "行\u2028分隔\u2029符", "' OR '1'='1", "#pk = :pk )", "😀 表情 𠀀", "&lt;已转义&gt;",
            "</script><script>alert(2)</script>", "普通标题");
    private static final List<List<String>> CATEGORIES = List.of(
            List.of("金融", "新浪财经", "新浪财经－国內"),
            List.of("科技", "IT 之家", "今日推荐 / 精选"),
            List.of("测试", "<b>站点</b>", "A&B 杂项"));
    private static final List<StockMention> STOCKS = List.of(Fixtures.stock("sh601988", "中国银行"),
            Fixtures.stock("sz000001", "平安银行"), Fixtures.stock("sh000001", "上证指数"), Fixtures.stock("hk00700", "腾讯<控股>"),
            Fixtures.stock("usaapl", "Apple & Co"), Fixtures.stock("bj920000", null));

    private AbuseData() {
    }

    static FakeArticleQueries store() {
        FakeArticleQueries store = new FakeArticleQueries();
        Instant start = Instant.parse("2022-05-17T11:06:04Z");
        for (int i = 0; i < 45; i++) {
            String publishedAt = i % 9 == 8 ? null : start.plusSeconds(i * 3L * 3600 + 1800).toString();
            List<String> categories = CATEGORIES.get(i % CATEGORIES.size());
            StockMention[] stocks = {STOCKS.get(i % STOCKS.size()), STOCKS.get((i + 2) % STOCKS.size())};
            store.add(Fixtures.article("abuse/" + i + " <" + i + ">.md", TITLES.get(i % TITLES.size()) + " #" + i, publishedAt,
                    categories, stocks));
        }
        Set<String> levels = new LinkedHashSet<>();
        CATEGORIES.forEach(levels::addAll);
        levels.forEach(level -> store.categories.add(new CategoryCount(level, Normalize.key(level), 15)));
        STOCKS.forEach(s -> store.stocks.add(new StockCount(s.symbol(), s.name(), 15)));
        for (int i = 0; i < 30; i++) {
            store.failures.add(new FailureRecord("finnews-test", "bad/<" + i + ">&.md", "NO_FRONT_MATTER",
                    "no '---' before <div> & " + TITLES.get(i % TITLES.size()), start.plusSeconds(i * 600L), "0" + i));
        }
        return store;
    }

    /** Path values the store holds, in the forms users type, by parameter name (all valid: edges are the generator's job). */
    static Map<String, List<String>> samples(FakeArticleQueries store) {
        List<String> ids = store.articles.stream().map(a -> a.article().id()).toList();
        Set<String> categories = new LinkedHashSet<>();
        CATEGORIES.forEach(categories::addAll);
        categories.add("新浪财经-国内");
        categories.add("it 之家");
        List<String> symbols = new ArrayList<>();
        for (StockMention s : STOCKS) {
            symbols.add(s.symbol());
            symbols.add(s.symbol().toUpperCase(Locale.ROOT));
            symbols.add(s.code() + "." + s.market().name());
        }
        symbols.add("601988"); // a bare code only Shanghai numbers so
        List<String> dates = store.articles.stream().map(StoredArticle::article).filter(a -> a.publishDate() != null)
                .map(a -> a.publishDate().toString()).distinct().toList();
        return Map.of("id", ids, "category", List.copyOf(categories), "symbol", symbols, "date", dates);
    }
}
