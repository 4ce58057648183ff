package dev.finnews.query;

import dev.finnews.article.ArticleId;
import dev.finnews.article.Limits;
import dev.finnews.article.Normalize;
import dev.finnews.article.StockSymbol;
import dev.finnews.store.ArticleQueries;
import dev.finnews.store.Lookup;
import dev.finnews.store.Page;
import dev.finnews.store.PageRequest;
import dev.finnews.store.PageToken;

import java.time.LocalDate;
import java.util.Objects;
import java.util.function.Function;

/**
 * Answers a matched route with its JSON body: reads the path and query parameters, makes exactly one
 * store call, and signs the next page's position into a cursor.
 */
final class QueryService {
    /** The longest category and symbol the API reads, in characters (code points), as openapi.yaml documents. */
    static final int MAX_CATEGORY_CHARS = Limits.MAX_FIELD_CHARS;
    static final int MAX_SYMBOL_CHARS = 16;

    private final ArticleQueries store;
    private final CursorCodec cursors;

    QueryService(ArticleQueries store, CursorCodec cursors) {
        this.store = Objects.requireNonNull(store, "store");
        this.cursors = Objects.requireNonNull(cursors, "cursors");
    }

    /** @throws ApiException for bad input or an unknown article */
    String answer(Router.Match match, QueryString query) {
        Route route = match.route();
        return switch (route) {
            case ARTICLE -> article(match.parameter("id"));
            case ARTICLES -> articles(route, new Lookup.Latest(), "", query);
            case CATEGORY_ARTICLES -> {
                String category = category(match.parameter("category"));
                yield articles(route, new Lookup.ByCategory(category), Normalize.key(category), query);
            }
            case DATE_ARTICLES -> {
                LocalDate date = BeijingTime.date(match.parameter("date"));
                yield articles(route, new Lookup.ByDate(date), date.toString(), query);
            }
            case STOCK_ARTICLES -> {
                StockSymbol symbol = symbol(match.parameter("symbol"));
                yield articles(route, new Lookup.ByStock(symbol), symbol.symbol(), query);
            }
            case CATEGORIES -> page(route, "", query, store::categories, ResponseJson::category);
            case STOCKS -> page(route, "", query, store::stocks, ResponseJson::stock);
            case FAILURES -> page(route, "", query, store::failures, ResponseJson::failure);
        };
    }

    private String article(String id) {
        // A string that cannot be an id names no article: no need to ask the table.
        if (!ArticleId.isWellFormed(id)) {
            throw notFound(id);
        }
        return store.get(id).map(ResponseJson::article).orElseThrow(() -> notFound(id));
    }

    private static ApiException notFound(String id) {
        return new ApiException(ErrorCode.NOT_FOUND, "no article has the id " + Echo.quote(id));
    }

    private String articles(Route route, Lookup lookup, String canonicalLookup, QueryString query) {
        return page(route, canonicalLookup, query, request -> store.list(lookup, request), ResponseJson::summary);
    }

    private <T> String page(Route route, String canonicalLookup, QueryString query,
                            Function<PageRequest, Page<T>> fetch, ResponseJson.ItemWriter<T> writer) {
        ListParams params = ListParams.read(route, query);
        ListScope scope = params.scope(route, canonicalLookup);
        PageToken after = params.cursor() == null ? null : cursors.decode(params.cursor(), scope);
        Page<T> page;
        try {
            page = fetch.apply(params.request(after));
        } catch (IllegalArgumentException e) {
            if (after == null) {
                throw e;
            }
            // Signed by us but no longer understood by the store (e.g. its key layout changed).
            throw new ApiException(ErrorCode.INVALID_CURSOR, "the cursor no longer fits this list; start again without 'cursor'");
        }
        String next = page.next() == null ? null : cursors.encode(page.next(), scope);
        return ResponseJson.list(page.items(), writer, next);
    }

    private static String category(String category) {
        if (Normalize.key(category).isEmpty()) {
            throw new ApiException(ErrorCode.INVALID_PATH, "the category is empty");
        }
        if (category.codePointCount(0, category.length()) > MAX_CATEGORY_CHARS) {
            throw new ApiException(ErrorCode.INVALID_PATH, "a category has at most " + MAX_CATEGORY_CHARS + " characters");
        }
        return category;
    }

    private static StockSymbol symbol(String input) {
        // resolve() would trim a padded value into range; the documented maximum is for the value as sent
        if (input.codePointCount(0, input.length()) > MAX_SYMBOL_CHARS) {
            throw new ApiException(ErrorCode.INVALID_SYMBOL, "a symbol has at most " + MAX_SYMBOL_CHARS + " characters");
        }
        StockSymbol.Resolution resolution = StockSymbol.resolve(input);
        if (resolution instanceof StockSymbol.Resolution.Resolved resolved) {
            return resolved.symbol();
        }
        if (resolution instanceof StockSymbol.Resolution.Ambiguous ambiguous) {
            var candidates = ambiguous.candidates().stream().map(StockSymbol::symbol).toList();
            throw new ApiException(ErrorCode.AMBIGUOUS_SYMBOL,
                    Echo.quote(input) + " may mean " + String.join(" or ", candidates) + "; add the exchange",
                    candidates);
        }
        throw new ApiException(ErrorCode.INVALID_SYMBOL, ((StockSymbol.Resolution.Invalid) resolution).reason());
    }
}
