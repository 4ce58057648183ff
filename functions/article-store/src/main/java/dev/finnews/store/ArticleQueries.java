package dev.finnews.store;

import java.util.Optional;

/**
 * The read side of the article table, as the query API needs it. Every method is one DynamoDB
 * request (one Query per page, one GetItem per article), so an API call costs one request.
 */
public interface ArticleQueries {

    Optional<StoredArticle> get(String id);

    /** One page of article summaries for a lookup, newest or oldest first, within the request's range. */
    Page<ArticleSummary> list(Lookup lookup, PageRequest request);

    /** Known category levels with their article counts. {@code from}/{@code to} are ignored. */
    Page<CategoryCount> categories(PageRequest request);

    /** Known stocks with names and article counts. {@code from}/{@code to} are ignored. */
    Page<StockCount> stocks(PageRequest request);

    /** Recorded ingest failures, newest first for {@link SortOrder#DESC}. */
    Page<FailureRecord> failures(PageRequest request);
}
