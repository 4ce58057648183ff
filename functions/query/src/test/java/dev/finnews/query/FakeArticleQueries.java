package dev.finnews.query;

import dev.finnews.article.Normalize;
import dev.finnews.article.StockMention;
import dev.finnews.store.ArticleQueries;
import dev.finnews.store.ArticleSummary;
import dev.finnews.store.CategoryCount;
import dev.finnews.store.FailureRecord;
import dev.finnews.store.Lookup;
import dev.finnews.store.Page;
import dev.finnews.store.PageRequest;
import dev.finnews.store.PageToken;
import dev.finnews.store.SortOrder;
import dev.finnews.store.StockCount;
import dev.finnews.store.StoredArticle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * An in-memory {@link ArticleQueries} with the store's contract: lists ordered by time (publish time,
 * else storage time) then id, inclusive ranges, positions as page tokens, and
 * {@link IllegalArgumentException} for tokens it did not make. Counts its calls.
 */
final class FakeArticleQueries implements ArticleQueries {
    final List<StoredArticle> articles = new ArrayList<>();
    final List<CategoryCount> categories = new ArrayList<>();
    final List<StockCount> stocks = new ArrayList<>();
    final List<FailureRecord> failures = new ArrayList<>();
    final List<String> calls = new ArrayList<>();
    /** When set, every call throws what it supplies. */
    Supplier<RuntimeException> failure;
    /** The last request a list call received. */
    PageRequest lastRequest;
    Lookup lastLookup;

    FakeArticleQueries add(StoredArticle... stored) {
        articles.addAll(List.of(stored));
        return this;
    }

    @Override
    public Optional<StoredArticle> get(String id) {
        enter("get");
        return articles.stream().filter(a -> a.article().id().equals(id)).findFirst();
    }

    @Override
    public Page<ArticleSummary> list(Lookup lookup, PageRequest request) {
        enter("list");
        lastLookup = lookup;
        lastRequest = request;
        Comparator<StoredArticle> byTime = Comparator.comparing(FakeArticleQueries::time)
                .thenComparing(a -> a.article().id());
        if (request.order() == SortOrder.DESC) {
            byTime = byTime.reversed();
        }
        List<StoredArticle> matching = articles.stream()
                .filter(a -> matches(lookup, a))
                .filter(a -> request.from() == null || !time(a).isBefore(request.from()))
                .filter(a -> request.to() == null || !time(a).isAfter(request.to()))
                .sorted(byTime)
                .toList();
        int start = 0;
        if (request.after() != null) {
            String id = position(request.after(), "id");
            start = 1 + indexOf(matching, id);
        }
        List<StoredArticle> page = matching.subList(start, Math.min(matching.size(), start + request.limit()));
        PageToken next = start + page.size() < matching.size() && !page.isEmpty()
                ? new PageToken(Map.of("id", page.get(page.size() - 1).article().id(), "kind", "article"))
                : null;
        return new Page<>(page.stream().map(FakeArticleQueries::summary).toList(), next);
    }

    @Override
    public Page<CategoryCount> categories(PageRequest request) {
        enter("categories");
        return indexPage(categories, request);
    }

    @Override
    public Page<StockCount> stocks(PageRequest request) {
        enter("stocks");
        return indexPage(stocks, request);
    }

    @Override
    public Page<FailureRecord> failures(PageRequest request) {
        enter("failures");
        List<FailureRecord> ordered = new ArrayList<>(failures);
        ordered.sort(Comparator.comparing(FailureRecord::at));
        if (request.order() == SortOrder.DESC) {
            java.util.Collections.reverse(ordered);
        }
        return indexPage(ordered, request);
    }

    private void enter(String call) {
        calls.add(call);
        if (failure != null) {
            throw failure.get();
        }
    }

    private <T> Page<T> indexPage(List<T> all, PageRequest request) {
        lastRequest = request;
        int start = request.after() == null ? 0 : Integer.parseInt(position(request.after(), "index"));
        if (start < 0 || start > all.size()) {
            throw new IllegalArgumentException("no such position: " + start);
        }
        int end = Math.min(all.size(), start + request.limit());
        PageToken next = end < all.size() ? new PageToken(Map.of("index", Integer.toString(end))) : null;
        return new Page<>(all.subList(start, end), next);
    }

    private int indexOf(List<StoredArticle> matching, String id) {
        for (int i = 0; i < matching.size(); i++) {
            if (matching.get(i).article().id().equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no such position: " + id);
    }

    private String position(PageToken token, String field) {
        String value = token.position().get(field);
        if (value == null) {
            throw new IllegalArgumentException("not a token of this store: " + token);
        }
        return value;
    }

    private static boolean matches(Lookup lookup, StoredArticle stored) {
        if (lookup instanceof Lookup.ByCategory c) {
            return stored.article().categories().stream()
                    .anyMatch(level -> Normalize.key(level).equals(Normalize.key(c.category())));
        }
        if (lookup instanceof Lookup.ByDate d) {
            return d.date().equals(stored.article().publishDate());
        }
        if (lookup instanceof Lookup.ByStock s) {
            return stored.article().stocks().stream().anyMatch(m -> m.symbol().equals(s.symbol().symbol()));
        }
        return lookup instanceof Lookup.Latest;
    }

    private static Instant time(StoredArticle a) {
        return a.article().publishedAt() != null ? a.article().publishedAt() : a.storedAt();
    }

    private static ArticleSummary summary(StoredArticle a) {
        List<ArticleSummary.StockRef> refs = new ArrayList<>();
        for (StockMention m : a.article().stocks()) {
            refs.add(new ArticleSummary.StockRef(m.symbol(), m.name()));
        }
        return new ArticleSummary(a.article().id(), a.article().title(), a.article().publishedAt(),
                a.article().publishDate(), a.article().categories(), refs, a.article().summary(),
                a.article().leadImage(), a.source());
    }
}
